import test from 'ava';
import { dailyAt, everyMinutes, fortnightlyAt, type Schedule } from '../../src/scheduler/schedule.ts';

const iso = (date: Date | null) => date?.toISOString() ?? null;
const at = (instant: string) => new Date(instant);

const londonWallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  weekday: 'long',
  hour: '2-digit',
  minute: '2-digit',
});

// [instant, latest slot at or before it, next slot after it]
type Row = [string, string | null, string];

function checkTable(name: string, schedule: Schedule, rows: Row[]) {
  for (const [instant, latest, next] of rows) {
    test(`${name} at ${instant}`, (t) => {
      t.is(iso(schedule.latestSlotAtOrBefore(at(instant))), latest, 'latest slot');
      t.is(iso(schedule.nextSlotAfter(at(instant))), next, 'next slot');
    });
  }
}

checkTable('every minute', everyMinutes(1), [
  ['2024-03-31T00:59:59.999Z', '2024-03-31T00:59:00.000Z', '2024-03-31T01:00:00.000Z'],
  ['2024-03-31T01:00:00.000Z', '2024-03-31T01:00:00.000Z', '2024-03-31T01:01:00.000Z'],
]);

checkTable('every 15 minutes', everyMinutes(15), [
  ['2024-07-01T10:14:59.000Z', '2024-07-01T10:00:00.000Z', '2024-07-01T10:15:00.000Z'],
  ['2024-07-01T10:15:00.000Z', '2024-07-01T10:15:00.000Z', '2024-07-01T10:30:00.000Z'],
  ['2024-12-31T23:59:00.000Z', '2024-12-31T23:45:00.000Z', '2025-01-01T00:00:00.000Z'],
]);

checkTable('daily at 09:00', dailyAt('09:00'), [
  // GMT: 09:00 London is 09:00Z.
  ['2024-01-15T12:00:00.000Z', '2024-01-15T09:00:00.000Z', '2024-01-16T09:00:00.000Z'],
  ['2024-01-15T09:00:00.000Z', '2024-01-15T09:00:00.000Z', '2024-01-16T09:00:00.000Z'],
  ['2024-01-15T08:59:59.999Z', '2024-01-14T09:00:00.000Z', '2024-01-15T09:00:00.000Z'],
  // BST: 08:00Z.
  ['2024-07-01T12:00:00.000Z', '2024-07-01T08:00:00.000Z', '2024-07-02T08:00:00.000Z'],
  ['2024-07-01T07:59:00.000Z', '2024-06-30T08:00:00.000Z', '2024-07-01T08:00:00.000Z'],
  // Last Sunday of March 2024: the clocks go forward at 01:00Z; the gap between slots is 23 hours.
  ['2024-03-30T12:00:00.000Z', '2024-03-30T09:00:00.000Z', '2024-03-31T08:00:00.000Z'],
  ['2024-03-31T07:59:00.000Z', '2024-03-30T09:00:00.000Z', '2024-03-31T08:00:00.000Z'],
  ['2024-03-31T08:00:00.000Z', '2024-03-31T08:00:00.000Z', '2024-04-01T08:00:00.000Z'],
  // Last Sunday of October 2024: the clocks go back at 01:00Z; the gap is 25 hours.
  ['2024-10-26T12:00:00.000Z', '2024-10-26T08:00:00.000Z', '2024-10-27T09:00:00.000Z'],
  ['2024-10-27T08:30:00.000Z', '2024-10-26T08:00:00.000Z', '2024-10-27T09:00:00.000Z'],
  ['2024-10-27T09:00:00.000Z', '2024-10-27T09:00:00.000Z', '2024-10-28T09:00:00.000Z'],
  // The same Sundays in 2025 (30 March, 26 October).
  ['2025-03-30T08:30:00.000Z', '2025-03-30T08:00:00.000Z', '2025-03-31T08:00:00.000Z'],
  ['2025-10-26T08:30:00.000Z', '2025-10-25T08:00:00.000Z', '2025-10-26T09:00:00.000Z'],
]);

checkTable('daily at 00:00', dailyAt('00:00'), [
  // Midnight in summer is 23:00Z the evening before: the London date, not the UTC one, counts.
  ['2024-07-01T22:59:00.000Z', '2024-06-30T23:00:00.000Z', '2024-07-01T23:00:00.000Z'],
  ['2024-07-01T23:00:00.000Z', '2024-07-01T23:00:00.000Z', '2024-07-02T23:00:00.000Z'],
  ['2024-12-31T23:59:00.000Z', '2024-12-31T00:00:00.000Z', '2025-01-01T00:00:00.000Z'],
]);

// 01:30 does not exist on 31 March 2024 (01:00 GMT jumps to 02:00 BST) and happens twice on
// 27 October 2024. Either way the day has exactly one slot, at the later instant.
checkTable('daily at 01:30', dailyAt('01:30'), [
  ['2024-03-31T00:30:00.000Z', '2024-03-30T01:30:00.000Z', '2024-03-31T01:30:00.000Z'],
  ['2024-03-31T01:30:00.000Z', '2024-03-31T01:30:00.000Z', '2024-04-01T00:30:00.000Z'],
  ['2024-10-27T00:30:00.000Z', '2024-10-26T00:30:00.000Z', '2024-10-27T01:30:00.000Z'],
  ['2024-10-27T01:30:00.000Z', '2024-10-27T01:30:00.000Z', '2024-10-28T01:30:00.000Z'],
]);

const fortnightly = fortnightlyAt({ anchor: '2024-02-23', time: '09:00' });

checkTable('every other Friday at 09:00 from 2024-02-23', fortnightly, [
  // Nothing before the anchor; the anchor itself is the first slot.
  ['2024-02-01T00:00:00.000Z', null, '2024-02-23T09:00:00.000Z'],
  ['2024-02-23T08:59:59.999Z', null, '2024-02-23T09:00:00.000Z'],
  ['2024-02-23T09:00:00.000Z', '2024-02-23T09:00:00.000Z', '2024-03-08T09:00:00.000Z'],
  ['2024-03-01T09:00:00.000Z', '2024-02-23T09:00:00.000Z', '2024-03-08T09:00:00.000Z'],
  ['2024-03-21T23:00:00.000Z', '2024-03-08T09:00:00.000Z', '2024-03-22T09:00:00.000Z'],
  // 22 March is GMT; 5 April, after the clocks went forward on 31 March, is BST.
  ['2024-03-22T09:00:00.000Z', '2024-03-22T09:00:00.000Z', '2024-04-05T08:00:00.000Z'],
  ['2024-04-05T07:59:00.000Z', '2024-03-22T09:00:00.000Z', '2024-04-05T08:00:00.000Z'],
  // 18 October is BST; 1 November, after the clocks went back on 27 October, is GMT.
  ['2024-10-25T12:00:00.000Z', '2024-10-18T08:00:00.000Z', '2024-11-01T09:00:00.000Z'],
  // Across the year end and a leap day.
  ['2025-01-01T00:00:00.000Z', '2024-12-27T09:00:00.000Z', '2025-01-10T09:00:00.000Z'],
  ['2028-02-29T12:00:00.000Z', '2028-02-18T09:00:00.000Z', '2028-03-03T09:00:00.000Z'],
]);

test('the fortnightly slots fall every other Friday at 09:00 London time, GMT and BST alike', (t) => {
  const slots: Date[] = [];
  let instant = new Date('2024-02-22T00:00:00Z');
  for (let i = 0; i < 30; i++) {
    instant = fortnightly.nextSlotAfter(instant);
    slots.push(instant);
  }
  t.deepEqual(
    slots.slice(0, 4).map(iso),
    ['2024-02-23T09:00:00.000Z', '2024-03-08T09:00:00.000Z', '2024-03-22T09:00:00.000Z', '2024-04-05T08:00:00.000Z'],
  );
  for (const slot of slots) t.is(londonWallClock.format(slot), 'Friday 09:00', iso(slot) ?? '');
});

test('the anchor fixes the weekday and the description says so', (t) => {
  t.is(fortnightly.description, 'every other Friday at 09:00 (Europe/London) from 2024-02-23');
  const tuesdays = fortnightlyAt({ anchor: '2025-01-07', time: '14:30' });
  t.is(tuesdays.description, 'every other Tuesday at 14:30 (Europe/London) from 2025-01-07');
  t.is(iso(tuesdays.nextSlotAfter(at('2025-06-01T00:00:00Z'))), '2025-06-10T13:30:00.000Z');
  t.is(dailyAt('07:05').description, 'daily at 07:05 (Europe/London)');
  t.is(everyMinutes(1).description, 'every minute');
});

// Whatever the instant, latest ≤ instant < next, and no slot lies between latest and instant.
test('latest and next bracket every instant through 2024, every 53 minutes', (t) => {
  const schedules: [string, Schedule][] = [
    ['daily 09:00', dailyAt('09:00')],
    ['daily 01:30', dailyAt('01:30')],
    ['daily 23:45', dailyAt('23:45')],
    ['fortnightly', fortnightly],
    ['every 7 minutes', everyMinutes(7)],
  ];
  const start = Date.parse('2024-02-23T09:00:00Z');
  const end = Date.parse('2025-01-01T00:00:00Z');
  let checked = 0;
  for (let ms = start; ms < end; ms += 53 * 60_000) {
    const instant = new Date(ms);
    for (const [name, schedule] of schedules) {
      const latest = schedule.latestSlotAtOrBefore(instant);
      const next = schedule.nextSlotAfter(instant);
      if (!latest || latest > instant || next <= instant || schedule.nextSlotAfter(latest).getTime() !== next.getTime()) {
        t.fail(`${name} at ${instant.toISOString()}: latest ${iso(latest)}, next ${iso(next)}`);
        return;
      }
      checked++;
    }
  }
  t.true(checked > 40_000);
});

test('bad schedules are refused with a message that names the problem', (t) => {
  const cases: [() => unknown, RegExp][] = [
    [() => everyMinutes(0), /whole number of minutes from 1 to 1440, not 0/],
    [() => everyMinutes(1.5), /not 1.5/],
    [() => everyMinutes(1441), /not 1441/],
    [() => dailyAt('9:00'), /HH:MM on the 24-hour clock, not "9:00"/],
    [() => dailyAt('24:00'), /not "24:00"/],
    [() => dailyAt('09:60'), /not "09:60"/],
    [() => fortnightlyAt({ anchor: '2024-02-30', time: '09:00' }), /YYYY-MM-DD, not "2024-02-30"/],
    [() => fortnightlyAt({ anchor: '23/02/2024', time: '09:00' }), /not "23\/02\/2024"/],
    [() => fortnightlyAt({ anchor: '2024-02-23', time: '9am' }), /not "9am"/],
  ];
  for (const [make, message] of cases) t.throws(make, { instanceOf: RangeError, message });
});
