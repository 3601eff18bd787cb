import test from 'ava';
import { londonInstant } from '../../src/lib/clock.ts';
import { addDays, daysInMonth, isIsoDate } from '../../src/lib/dates.ts';
import { MAX_ID, parseId } from '../../src/lib/ids.ts';
import { QueryReader } from '../../src/http/query.ts';
import { bodyCodings, hasNulByte } from '../../src/http/request-guards.ts';

const ids: [unknown, number | undefined][] = [
  ['1', 1],
  ['12', 12],
  [String(MAX_ID), 2_147_483_647],
  ['2147483648', undefined],
  ['9999999999', undefined],
  ['99999999999', undefined],
  ['0', undefined],
  ['012', undefined],
  ['-1', undefined],
  ['+1', undefined],
  ['1e3', undefined],
  ['1.0', undefined],
  [' 12', undefined],
  ['12abc', undefined],
  ['０１', undefined],
  ['', undefined],
  [['1', '2'], undefined],
  [12, undefined],
  [undefined, undefined],
];
for (const [raw, expected] of ids) {
  test(`parseId ${JSON.stringify(raw)} → ${expected}`, (t) => {
    t.is(parseId(raw), expected);
  });
}

const dates: [string, boolean][] = [
  ['2024-02-29', true],
  ['2023-02-29', false],
  ['0001-01-01', true],
  ['9999-12-31', true],
  ['0000-01-01', false],
  ['0000-02-29', false],
  ['0004-02-29', true],
  ['0100-02-29', false],
  ['99999-01-01', false],
  ['2024-13-01', false],
  ['2024-1-1', false],
];
for (const [value, expected] of dates) {
  test(`isIsoDate ${value} → ${expected}`, (t) => {
    t.is(isIsoDate(value), expected);
  });
}

test('date arithmetic keeps the years 1 to 99 (Date.UTC would read them as 1901 to 1999)', (t) => {
  t.is(addDays('0050-12-31', 1), '0051-01-01');
  t.is(addDays('0001-01-01', -1), '0000-12-31');
  t.is(daysInMonth(100, 2), 28);
  t.is(daysInMonth(2000, 2), 29);
});

test('a query date outside the years 1 to 9999 is a problem that says so', (t) => {
  for (const value of ['0000-01-01', '99999-01-01', '2024-02-30', '2024-03-25T00:00']) {
    const reader = new QueryReader({ from: value });
    t.is(reader.date('from'), undefined, value);
    t.deepEqual(reader.problems, ["'from' must be a real date from the year 1 to 9999, written as YYYY-MM-DD, for example 2024-03-25"], value);
  }
});

test('a query id beyond an integer is a problem that says what the number must be', (t) => {
  const reader = new QueryReader({ id: '2147483648' });
  t.is(reader.id('id', "a decision's number"), undefined);
  t.deepEqual(reader.problems, ["'id' must be a decision's number (a whole number from 1 to 2147483647)"]);
  t.is(new QueryReader({ id: '2147483647' }).id('id', 'x'), 2_147_483_647);
});

test('London instants keep the years 1 to 99 too', (t) => {
  t.is(londonInstant('0001-01-01').toISOString().slice(0, 10), '0001-01-01');
  t.is(londonInstant('2024-07-01').toISOString(), '2024-06-30T23:00:00.000Z');
});

const nul: [unknown, boolean][] = [
  ['plain', false],
  ['a\u0000b', true],
  [['x', 'y\u0000'], true],
  [{ a: { b: ['c', 'd\u0000'] } }, true],
  [{ 'k\u0000': 'v' }, true],
  [{ a: 'tab\tand\nline breaks' }, false],
  [{}, false],
  [undefined, false],
];
for (const [value, expected] of nul) {
  test(`hasNulByte ${JSON.stringify(value)} → ${expected}`, (t) => {
    t.is(hasNulByte(value), expected);
  });
}

const codings: [string | undefined, string[]][] = [
  [undefined, []],
  ['', []],
  ['identity', []],
  ['gzip', ['gzip']],
  ['GZip', ['gzip']],
  ['deflate', ['deflate']],
  ['br', ['br']],
  ['identity, gzip', ['gzip']],
  ['gzip, br', ['gzip', 'br']],
];
for (const [header, expected] of codings) {
  test(`request body codings of ${JSON.stringify(header)}`, (t) => {
    t.deepEqual(bodyCodings(header), expected);
  });
}
