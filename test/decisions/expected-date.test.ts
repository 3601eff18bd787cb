import test from 'ava';
import { parseExpectedDate } from '../../src/decisions/expected-date.ts';

const published = '2024-02-23';
const readable: [string, string, 'day' | 'month', string][] = [
  ['11 March 2024', '2024-03-11', 'day', ''],
  ['01 May 2024', '2024-05-01', 'day', ''],
  ['May 2024', '2024-05-01', 'month', ''],
  ['February 2024', '2024-02-01', 'month', ''],
  ['17 June', '2024-06-17', 'day', ''],
  ['17 January', '2025-01-17', 'day', ''],
  ['23 February', '2024-02-23', 'day', ''],
  ['27 February 2024 For Consideration', '2024-02-27', 'day', 'For Consideration'],
  ['3rd May 2024', '2024-05-03', 'day', ''],
  ['29 February 2024', '2024-02-29', 'day', ''],
  ['Sept 2024', '2024-09-01', 'month', ''],
  ['2024-03-11', '2024-03-11', 'day', ''],
  ['  11   March   2024 ', '2024-03-11', 'day', ''],
  ['June', '2024-06-01', 'month', ''],
];

for (const [text, date, precision, note] of readable) {
  test(`'${text}' published ${published} means ${date} (${precision})`, (t) => {
    t.deepEqual(parseExpectedDate(text, published), { ok: true, date, precision, note });
  });
}

for (const text of ['', 'notadate', '32 March 2024', '29 February 2023', 'TBC', '11/03/2024', 'Spring 2024', '11 March 2024 - 12 March 2024']) {
  test(`'${text}' is refused with a reason`, (t) => {
    const parsed = parseExpectedDate(text, text === '29 February 2023' ? '2023-01-10' : published);
    t.false(parsed.ok);
    if (!parsed.ok) t.regex(parsed.message, /date|empty|year/i);
  });
}

test('a day without a year in the month before publication falls in the next year', (t) => {
  t.like(parseExpectedDate('31 December', '2024-12-20'), { date: '2024-12-31' });
  t.like(parseExpectedDate('5 January', '2024-12-20'), { date: '2025-01-05' });
});
