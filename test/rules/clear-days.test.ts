import test from 'ava';
import { addDays } from '../../src/lib/dates.ts';
import { clearDaysBetween, clearDaysPhrase, earliestAfterClearDays, latestNoticeBefore } from '../../src/rules/clear-days.ts';

const between: Array<[from: string, to: string, clearDays: number, why: string]> = [
  ['2024-02-23', '2024-03-23', 28, 'the real plan: 24 February to 22 March 2024, across 29 February'],
  ['2024-02-23', '2024-03-22', 27, 'one day short of the real plan’s 28'],
  ['2023-02-23', '2023-03-23', 27, 'the same dates in 2023, which has no 29 February'],
  ['2023-02-23', '2023-03-24', 28, '2023 needs one day more'],
  ['2024-02-28', '2024-03-01', 1, 'only 29 February lies between, in a leap year'],
  ['2023-02-28', '2023-03-01', 0, 'nothing lies between, in a non-leap year'],
  ['2024-01-31', '2024-02-02', 1, 'month boundary'],
  ['2023-12-31', '2024-01-02', 1, 'only New Year’s Day lies between'],
  ['2024-12-20', '2025-01-18', 28, '21 December to 17 January, across the year end'],
  ['2024-03-01', '2024-03-07', 5, 'five clear days: the 2nd to the 6th'],
  ['2024-03-01', '2024-03-02', 0, 'the next day'],
  ['2024-03-01', '2024-03-01', 0, 'the same day'],
  ['2024-03-05', '2024-03-01', 0, 'a decision before the notice has no clear days'],
];

for (const [from, to, clearDays, why] of between) {
  test(`clearDaysBetween(${from}, ${to}) is ${clearDays}: ${why}`, (t) => {
    t.is(clearDaysBetween(from, to), clearDays);
  });
}

const earliest: Array<[from: string, clearDays: number, expected: string, why: string]> = [
  ['2024-02-23', 28, '2024-03-23', 'the real plan of 23 February 2024'],
  ['2023-02-23', 28, '2023-03-24', 'a day later in a non-leap year'],
  ['2024-01-31', 28, '2024-02-29', 'lands on the leap day'],
  ['2023-01-31', 28, '2023-03-01', 'no leap day to land on'],
  ['2024-12-20', 28, '2025-01-18', 'across the year end'],
  ['2024-12-31', 5, '2025-01-06', 'general exception notice on New Year’s Eve'],
  ['2024-02-26', 5, '2024-03-03', 'general exception across 29 February'],
  ['2023-02-26', 5, '2023-03-04', 'general exception across the end of February 2023'],
  ['2024-03-01', 0, '2024-03-02', 'no clear days still excludes the notice day'],
];

for (const [from, clearDays, expected, why] of earliest) {
  test(`earliestAfterClearDays(${from}, ${clearDays}) is ${expected}: ${why}`, (t) => {
    t.is(earliestAfterClearDays(from, clearDays), expected);
  });
}

test('the earliest date gives exactly the required clear days and the day before falls short, for every day of 2023 and 2024', (t) => {
  for (let from = '2023-01-01'; from <= '2024-12-31'; from = addDays(from, 1)) {
    for (const clearDays of [1, 5, 28]) {
      const date = earliestAfterClearDays(from, clearDays);
      if (clearDaysBetween(from, date) !== clearDays || clearDaysBetween(from, addDays(date, -1)) !== clearDays - 1) {
        t.fail(`${clearDays} clear days after ${from} gave ${date}`);
        return;
      }
    }
  }
  t.pass();
});

const badInput: Array<[name: string, run: () => unknown, message: RegExp]> = [
  ['an impossible date', () => clearDaysBetween('2023-02-29', '2023-03-31'), /from must be a date written YYYY-MM-DD, not "2023-02-29"/],
  ['a British-style date', () => clearDaysBetween('2024-02-23', '23/03/2024'), /to must be a date/],
  ['negative clear days', () => earliestAfterClearDays('2024-02-23', -1), /clearDays must be a whole number of at least 0/],
  ['fractional clear days', () => earliestAfterClearDays('2024-02-23', 1.5), /clearDays must be a whole number/],
];

for (const [name, run, message] of badInput) {
  test(`refuses ${name} with a message naming it`, (t) => {
    t.throws(run, { instanceOf: RangeError, message });
  });
}

/*
 * The council's settings may count clear days as working days only: weekends and England and
 * Wales bank holidays are left out, as well as the notice day and the decision day.
 */
const workingBetween: Array<[from: string, to: string, calendar: number, working: number, why: string]> = [
  ['2024-03-01', '2024-03-07', 5, 3, 'Friday to Thursday: the weekend between does not count'],
  ['2024-03-01', '2024-03-04', 2, 0, 'Friday to Monday: only a weekend lies between'],
  ['2024-03-28', '2024-04-03', 5, 1, 'over Easter 2024: Good Friday and Easter Monday are bank holidays'],
  ['2024-12-20', '2025-01-02', 12, 5, 'over Christmas, Boxing Day and New Year’s Day'],
  ['2024-03-04', '2024-03-08', 3, 3, 'Monday to Friday: the same either way'],
  ['2024-03-04', '2024-03-04', 0, 0, 'the same day'],
];

for (const [from, to, calendar, working, why] of workingBetween) {
  test(`clearDaysBetween(${from}, ${to}) is ${calendar} calendar and ${working} working: ${why}`, (t) => {
    t.is(clearDaysBetween(from, to), calendar, 'calendar days by default');
    t.is(clearDaysBetween(from, to, 'calendar'), calendar);
    t.is(clearDaysBetween(from, to, 'working'), working);
  });
}

const workingEarliest: Array<[from: string, clearDays: number, calendar: string, working: string, why: string]> = [
  ['2024-02-23', 28, '2024-03-23', '2024-04-06', 'the real plan, a Friday: 28 working days run to Friday 5 April, past Easter'],
  ['2024-03-01', 5, '2024-03-07', '2024-03-09', 'a Friday notice: the 5th working day is Friday 8 March'],
  ['2024-03-27', 5, '2024-04-02', '2024-04-06', 'over Good Friday and Easter Monday'],
  ['2024-12-20', 5, '2024-12-26', '2025-01-01', 'over Christmas: the 5th working day is 31 December'],
  ['2024-03-01', 0, '2024-03-02', '2024-03-02', 'no clear days still excludes the notice day'],
];

for (const [from, clearDays, calendar, working, why] of workingEarliest) {
  test(`earliestAfterClearDays(${from}, ${clearDays}) is ${calendar} in calendar days and ${working} in working days: ${why}`, (t) => {
    t.is(earliestAfterClearDays(from, clearDays, 'calendar'), calendar);
    t.is(earliestAfterClearDays(from, clearDays, 'working'), working);
  });
}

const latestNotice: Array<[decision: string, clearDays: number, calendar: string, working: string, why: string]> = [
  ['2024-03-25', 5, '2024-03-19', '2024-03-17', 'a Monday decision: the five working days are 18 to 22 March, so the Sunday before'],
  ['2024-04-03', 5, '2024-03-28', '2024-03-24', 'across Easter: 25 to 28 March and 2 April'],
  ['2025-01-02', 5, '2024-12-27', '2024-12-22', 'across Christmas and New Year: 23, 24, 27, 30 and 31 December'],
];

for (const [decision, clearDays, calendar, working, why] of latestNotice) {
  test(`latestNoticeBefore(${decision}, ${clearDays}) is ${calendar} in calendar days and ${working} in working days: ${why}`, (t) => {
    t.is(latestNoticeBefore(decision, clearDays), calendar);
    t.is(latestNoticeBefore(decision, clearDays, 'working'), working);
  });
}

test('in either mode, the earliest date gives exactly the clear days and the latest notice just enough, for every day of 2023 and 2024', (t) => {
  for (const mode of ['calendar', 'working'] as const) {
    for (let from = '2023-01-01'; from <= '2024-12-31'; from = addDays(from, 1)) {
      for (const clearDays of [1, 5, 28]) {
        const date = earliestAfterClearDays(from, clearDays, mode);
        if (clearDaysBetween(from, date, mode) !== clearDays || clearDaysBetween(from, addDays(date, -1), mode) !== clearDays - 1) {
          t.fail(`${clearDays} clear ${mode} days after ${from} gave ${date}`);
          return;
        }
        const latest = latestNoticeBefore(from, clearDays, mode);
        if (clearDaysBetween(latest, from, mode) !== clearDays || clearDaysBetween(addDays(latest, 1), from, mode) !== clearDays - 1) {
          t.fail(`the latest notice ${clearDays} clear ${mode} days before ${from} gave ${latest}`);
          return;
        }
      }
    }
  }
  t.pass();
});

test('the period is named as counted', (t) => {
  t.is(clearDaysPhrase(28), '28 clear days');
  t.is(clearDaysPhrase(5, 'working'), '5 clear working days');
  t.is(clearDaysPhrase(1, 'calendar'), '1 clear day');
  t.throws(() => earliestAfterClearDays('2024-03-01', 5, 'weekdays' as never), { instanceOf: RangeError, message: /mode must be 'calendar' or 'working'/ });
});
