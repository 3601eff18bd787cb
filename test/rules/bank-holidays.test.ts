import test from 'ava';
import { isoWeekday } from '../../src/lib/dates.ts';
import { BANK_HOLIDAY_CHANGES } from '../../src/rules/bank-holiday-changes.ts';
import { bankHolidays, easterSunday } from '../../src/rules/bank-holidays.ts';

const easters: Array<[year: number, sunday: string]> = [
  [2008, '2008-03-23'],
  [2011, '2011-04-24'],
  [2019, '2019-04-21'],
  [2022, '2022-04-17'],
  [2023, '2023-04-09'],
  [2024, '2024-03-31'],
  [2025, '2025-04-20'],
  [2026, '2026-04-05'],
  [2027, '2027-03-28'],
  [2038, '2038-04-25'], // the latest date Easter can fall
  [2285, '2285-03-22'], // the earliest
];

for (const [year, sunday] of easters) {
  test(`Easter Sunday ${year} is ${sunday}`, (t) => {
    t.is(easterSunday(year), sunday);
  });
}

// Every year checked against the GOV.UK list of England and Wales bank holidays.
const years: Array<[year: number, dates: string[], why: string]> = [
  [2020, ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'], 'early May moved to Friday 8 May; Boxing Day on a Saturday'],
  [2021, ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'], 'Christmas on a Saturday, Boxing Day on a Sunday'],
  [
    2022,
    ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
    'New Year on a Saturday; spring moved to 2 June plus the jubilee and the state funeral; Christmas on a Sunday',
  ],
  [2023, ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'], 'New Year on a Sunday; the coronation'],
  [2024, ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'], 'Easter on 31 March'],
  [2025, ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'], 'Easter on 20 April'],
  [2026, ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'], 'Boxing Day on a Saturday'],
  [2027, ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'], 'Christmas on a Saturday'],
  [2012, ['01-02', '04-06', '04-09', '05-07', '06-04', '06-05', '08-27', '12-25', '12-26'], 'the Diamond Jubilee'],
];

for (const [year, dates, why] of years) {
  test(`bank holidays of ${year}: ${why}`, (t) => {
    t.deepEqual(
      bankHolidays(year).map((holiday) => holiday.date),
      dates.map((monthDay) => `${year}-${monthDay}`),
    );
  });
}

test('in 2022 Boxing Day keeps Monday 26 December and Christmas is substituted on Tuesday 27th', (t) => {
  const december = bankHolidays(2022).filter((holiday) => holiday.date.startsWith('2022-12'));
  t.deepEqual(december, [
    { date: '2022-12-26', name: 'Boxing Day' },
    { date: '2022-12-27', name: 'Christmas Day (substitute day)' },
  ]);
});

test('every bank holiday from 1978 to 2100 falls on a weekday, and no year has two on one day', (t) => {
  for (let year = 1978; year <= 2100; year++) {
    const dates = bankHolidays(year).map((holiday) => holiday.date);
    t.true(dates.every((date) => isoWeekday(date) <= 5), `${year}: ${dates.join(', ')}`);
    t.is(new Set(dates).size, dates.length, `${year}: ${dates.join(', ')}`);
  }
});

test('every one-off change is in its year’s list (a moved row matches the date the rules give)', (t) => {
  for (const change of BANK_HOLIDAY_CHANGES) {
    const date = change.kind === 'moved' ? change.to : change.date;
    const year = Number(date.slice(0, 4));
    t.true(
      bankHolidays(year).some((holiday) => holiday.date === date && holiday.name === change.name),
      `${change.name} on ${date}`,
    );
  }
});

test('years before the early May bank holiday existed are refused rather than guessed', (t) => {
  t.throws(() => bankHolidays(1977), { instanceOf: RangeError, message: /year must be a whole number of at least 1978/ });
});
