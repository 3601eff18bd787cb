import test from 'ava';
import { dateFieldsOf, readDateFields, type DateReading } from '../../src/lib/date-input.ts';

const readings: [string, [string, string, string], DateReading][] = [
  ['three empty boxes', ['', '', ''], { kind: 'empty' }],
  ['spaces only', [' ', ' ', ' '], { kind: 'empty' }],
  ['numbers', ['27', '3', '2024'], { kind: 'date', iso: '2024-03-27' }],
  ['spaces around numbers', [' 7 ', ' 03 ', ' 2024 '], { kind: 'date', iso: '2024-03-07' }],
  ['a month name', ['1', 'March', '2024'], { kind: 'date', iso: '2024-03-01' }],
  ['Sept', ['1', 'Sept', '2023'], { kind: 'date', iso: '2023-09-01' }],
  ['a lower-case abbreviation', ['1', 'feb', '2024'], { kind: 'date', iso: '2024-02-01' }],
  ['29 February in a leap year', ['29', '2', '2024'], { kind: 'date', iso: '2024-02-29' }],
  ['the first year accepted', ['1', '1', '1900'], { kind: 'date', iso: '1900-01-01' }],
  ['the last year accepted', ['31', '12', '2199'], { kind: 'date', iso: '2199-12-31' }],
  ['no month', ['1', '', '2024'], { kind: 'missing', parts: ['month'] }],
  ['only a day', ['3', '', ''], { kind: 'missing', parts: ['month', 'year'] }],
  ['a two-digit year', ['1', '3', '24'], { kind: 'year-not-four-digits' }],
  ['a five-digit year', ['1', '3', '20244'], { kind: 'year-not-four-digits' }],
  ['a word for a day', ['first', '3', '2024'], { kind: 'not-real', parts: ['day'] }],
  ['a two-letter month', ['1', 'ma', '2024'], { kind: 'not-real', parts: ['month'] }],
  ['month 13', ['1', '13', '2024'], { kind: 'not-real', parts: ['day', 'month', 'year'] }],
  ['31 April', ['31', '4', '2024'], { kind: 'not-real', parts: ['day', 'month', 'year'] }],
  ['29 February in another year', ['29', '2', '2023'], { kind: 'not-real', parts: ['day', 'month', 'year'] }],
  ['the year before the first', ['31', '12', '1899'], { kind: 'out-of-range' }],
  ['the year after the last', ['1', '1', '2200'], { kind: 'out-of-range' }],
  ['1066', ['1', '3', '1066'], { kind: 'out-of-range' }],
];
for (const [name, [day, month, year], expected] of readings) {
  test(`date boxes: ${name}`, (t) => t.deepEqual(readDateFields({ day, month, year }), expected));
}

const stored: [string | null | undefined, [string, string, string]][] = [
  ['2024-03-07', ['7', '3', '2024']],
  ['2024-12-25', ['25', '12', '2024']],
  [null, ['', '', '']],
  [undefined, ['', '', '']],
];
for (const [iso, [day, month, year]] of stored) {
  test(`date boxes showing ${String(iso)}`, (t) => t.deepEqual(dateFieldsOf(iso), { day, month, year }));
}
