import test from 'ava';
import { periodQuery, readReportPeriod, yearBefore } from '../../src/reports/report-period.ts';

const TODAY = '2024-03-28';
const q = (from: [string, string, string], to: [string, string, string]) => ({
  'from-day': from[0], 'from-month': from[1], 'from-year': from[2],
  'to-day': to[0], 'to-month': to[1], 'to-year': to[2],
});

const PERIODS: { name: string; query: Record<string, string>; expected: { from: string; to: string } | Record<string, string> }[] = [
  { name: 'no dates: the twelve months up to today', query: {}, expected: { from: '2023-03-29', to: '2024-03-28' } },
  { name: 'a range typed in full', query: q(['1', '4', '2023'], ['31', '3', '2024']), expected: { from: '2023-04-01', to: '2024-03-31' } },
  { name: 'month names are read', query: q(['1', 'April', '2023'], ['31', 'mar', '2024']), expected: { from: '2023-04-01', to: '2024-03-31' } },
  { name: 'one day', query: q(['5', '4', '2024'], ['5', '4', '2024']), expected: { from: '2024-04-05', to: '2024-04-05' } },
  { name: 'the end before the start', query: q(['5', '4', '2024'], ['4', '4', '2024']), expected: { 'to-day': 'The end date must be the same as or after the start date' } },
  { name: 'an impossible date', query: q(['31', '2', '2024'], ['1', '3', '2024']), expected: { 'from-day': 'The start date must be a real date' } },
  { name: 'only the start', query: { 'from-day': '1', 'from-month': '4', 'from-year': '2023' }, expected: { 'to-day': 'Enter the end date' } },
  { name: 'a missing year', query: q(['1', '4', ''], ['1', '5', '2024']), expected: { 'from-year': 'The start date must include a year' } },
  { name: 'a two-digit year', query: q(['1', '4', '23'], ['1', '5', '2024']), expected: { 'from-year': 'Year must include 4 numbers' } },
];

for (const { name, query, expected } of PERIODS) {
  test(`report period: ${name}`, (t) => {
    const reading = readReportPeriod(query, TODAY);
    if ('from' in expected) {
      t.true(reading.ok);
      if (reading.ok) t.deepEqual(reading.period, expected);
    } else {
      t.false(reading.ok);
      if (!reading.ok) t.deepEqual(reading.errors, expected);
    }
  });
}

test('a year before: the next day of the same date a year earlier, 29 February included', (t) => {
  t.is(yearBefore('2024-03-28'), '2023-03-29');
  t.is(yearBefore('2024-02-29'), '2023-03-01');
  t.is(yearBefore('2025-01-01'), '2024-01-02');
});

test('a period read back from its own address gives the same period', (t) => {
  const period = { from: '2023-04-01', to: '2024-03-31' };
  const query = Object.fromEntries(new URLSearchParams(periodQuery(period)));
  const reading = readReportPeriod(query, TODAY);
  t.true(reading.ok);
  if (reading.ok) t.deepEqual(reading.period, period);
});
