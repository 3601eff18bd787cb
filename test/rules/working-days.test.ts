import test from 'ava';
import { addDays } from '../../src/lib/dates.ts';
import {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  workingDaysBetween,
} from '../../src/rules/working-days.ts';

const days: Array<[date: string, working: boolean, why: string]> = [
  ['2024-03-25', true, 'an ordinary Monday'],
  ['2024-03-23', false, 'Saturday'],
  ['2024-03-24', false, 'Sunday'],
  ['2024-03-29', false, 'Good Friday 2024'],
  ['2024-04-01', false, 'Easter Monday 2024'],
  ['2025-04-18', false, 'Good Friday 2025'],
  ['2025-04-21', false, 'Easter Monday 2025'],
  ['2020-05-04', true, 'the first Monday of May 2020, whose holiday moved'],
  ['2020-05-08', false, 'VE Day 2020'],
  ['2022-05-30', true, 'the last Monday of May 2022, whose holiday moved'],
  ['2022-06-02', false, 'spring bank holiday 2022'],
  ['2022-06-03', false, 'Platinum Jubilee'],
  ['2022-09-19', false, 'state funeral'],
  ['2023-05-08', false, 'coronation'],
  ['2022-12-27', false, 'Christmas 2022 substitute day'],
  ['2022-12-28', true, 'after the 2022 Christmas holidays'],
  ['2023-01-02', false, 'New Year 2023 substitute day'],
];

for (const [date, working, why] of days) {
  test(`${date} is ${working ? '' : 'not '}a working day: ${why}`, (t) => {
    t.is(isWorkingDay(date), working);
  });
}

const added: Array<[date: string, n: number, expected: string, why: string]> = [
  ['2024-03-22', 1, '2024-03-25', 'Friday to Monday'],
  ['2024-03-23', 1, '2024-03-25', 'from a Saturday'],
  ['2024-03-28', 1, '2024-04-02', 'over Easter'],
  ['2024-12-24', 1, '2024-12-27', 'over Christmas'],
  ['2022-12-23', 1, '2022-12-28', 'over Christmas 2022 and its substitute day'],
  ['2024-12-20', 10, '2025-01-08', 'ten working days over the year end'],
  ['2024-03-23', 0, '2024-03-23', 'zero leaves the date alone'],
  ['2024-04-02', -1, '2024-03-28', 'backwards over Easter'],
  ['2024-03-25', -5, '2024-03-18', 'a week back'],
];

for (const [date, n, expected, why] of added) {
  test(`addWorkingDays(${date}, ${n}) is ${expected}: ${why}`, (t) => {
    t.is(addWorkingDays(date, n), expected);
  });
}

const counted: Array<[from: string, to: string, expected: number, why: string]> = [
  ['2024-03-22', '2024-03-25', 1, 'a comment received on Friday has waited one working day on Monday'],
  ['2024-03-28', '2024-04-02', 1, 'Easter does not count'],
  ['2024-03-25', '2024-03-25', 0, 'the same day'],
  ['2024-03-23', '2024-03-24', 0, 'a weekend'],
  ['2024-12-20', '2025-01-08', 10, 'over the year end'],
  ['2024-03-25', '2024-03-22', -1, 'backwards'],
];

for (const [from, to, expected, why] of counted) {
  test(`workingDaysBetween(${from}, ${to}) is ${expected}: ${why}`, (t) => {
    t.is(workingDaysBetween(from, to), expected);
  });
}

test('counting the working days back gives the number added, from every day of 2022', (t) => {
  for (let date = '2022-01-01'; date <= '2022-12-31'; date = addDays(date, 1)) {
    for (const n of [1, 5, 10, 20]) {
      const later = addWorkingDays(date, n);
      if (!isWorkingDay(later) || workingDaysBetween(date, later) !== n) {
        t.fail(`${n} working days after ${date} gave ${later}`);
        return;
      }
    }
  }
  t.pass();
});

const next: Array<[date: string, expected: string, why: string]> = [
  ['2024-03-25', '2024-03-25', 'already a working day'],
  ['2024-03-23', '2024-03-25', 'Saturday to Monday'],
  ['2024-03-29', '2024-04-02', 'Good Friday to the Tuesday after Easter'],
  ['2022-12-24', '2022-12-28', 'Christmas Eve 2022 to after both substitute days'],
  ['2023-12-30', '2024-01-02', 'over the weekend and New Year’s Day'],
];

for (const [date, expected, why] of next) {
  test(`nextWorkingDayOnOrAfter(${date}) is ${expected}: ${why}`, (t) => {
    t.is(nextWorkingDayOnOrAfter(date), expected);
  });
}

test('refuses bad dates and fractional counts with a clear message', (t) => {
  t.throws(() => isWorkingDay('2024-13-01'), { instanceOf: RangeError, message: /date must be a date written YYYY-MM-DD/ });
  t.throws(() => addWorkingDays('2024-03-25', 0.5), { instanceOf: RangeError, message: /n .* must be a whole number/ });
  t.throws(() => workingDaysBetween('2024-03-25', ''), { instanceOf: RangeError, message: /to must be a date/ });
});
