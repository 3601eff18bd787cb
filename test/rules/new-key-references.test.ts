import test from 'ava';
import { formatKeyReference, nextKeyReferences } from '../../src/rules/new-key-references.ts';
import { keyDecisionsFrom } from '../../src/rules/notice-periods.ts';

const formatted: Array<[keyDecisionsFrom: string, sequence: number, expected: string]> = [
  ['2024-03-25', 1, 'KEY/25MAR24/01'],
  ['2024-03-25', 2, 'KEY/25MAR24/02'],
  ['2023-07-03', 1, 'KEY/03JUL23/01'],
  ['2024-01-02', 10, 'KEY/02JAN24/10'],
  ['2000-09-04', 1, 'KEY/04SEP00/01'],
  ['2024-12-31', 7, 'KEY/31DEC24/07'],
  ['2024-03-25', 99, 'KEY/25MAR24/99'],
  ['2024-03-25', 100, 'KEY/25MAR24/100'],
  ['2024-03-25', 123, 'KEY/25MAR24/123'],
];

for (const [from, sequence, expected] of formatted) {
  test(`formatKeyReference(${from}, ${sequence}) is ${expected}`, (t) => {
    t.is(formatKeyReference(from, sequence), expected);
  });
}

test('the plan published on 23 February 2024 numbers its key decisions as the real plan did', (t) => {
  const from = keyDecisionsFrom('2024-02-23');
  t.deepEqual(nextKeyReferences(from, [], 2), ['KEY/25MAR24/01', 'KEY/25MAR24/02']);
});

const next: Array<[why: string, taken: Iterable<string>, count: number, expected: string[]]> = [
  ['continues after those already used', ['KEY/25MAR24/01', 'KEY/25MAR24/02'], 1, ['KEY/25MAR24/03']],
  ['never refills a gap left by a withdrawn decision', ['KEY/25MAR24/01', 'KEY/25MAR24/03'], 2, ['KEY/25MAR24/04', 'KEY/25MAR24/05']],
  ['ignores other plans’ series, old spellings included', ['KEY/11MARCH24/08', 'KEY/26FEB24/03', 'KEY/25MAR23/07'], 1, ['KEY/25MAR24/01']],
  ['runs past 99', ['KEY/25MAR24/98', 'KEY/25MAR24/99'], 3, ['KEY/25MAR24/100', 'KEY/25MAR24/101', 'KEY/25MAR24/102']],
  ['continues after three-digit references', ['KEY/25MAR24/100', 'KEY/25MAR24/07'], 1, ['KEY/25MAR24/101']],
  ['reads references typed in lower case or with spaces', [' key/25mar24/04 '], 1, ['KEY/25MAR24/05']],
  ['accepts any iterable', new Set(['KEY/25MAR24/01']), 1, ['KEY/25MAR24/02']],
  ['gives nothing when none are asked for', ['KEY/25MAR24/01'], 0, []],
];

for (const [why, taken, count, expected] of next) {
  test(`nextKeyReferences ${why}`, (t) => {
    t.deepEqual(nextKeyReferences('2024-03-25', taken, count), expected);
  });
}

test('the references handed out are never among those taken, and never repeat', (t) => {
  const taken = ['KEY/25MAR24/01', 'KEY/25MAR24/02', 'KEY/25MAR24/05', 'KEY/25MAR24/99'];
  const given = nextKeyReferences('2024-03-25', taken, 5);
  t.is(given.length, 5);
  t.is(new Set([...taken, ...given]).size, taken.length + given.length);
});

test('refuses a sequence, count or date that cannot make a reference', (t) => {
  t.throws(() => formatKeyReference('2024-03-25', 0), { instanceOf: RangeError, message: /sequence must be a whole number of at least 1/ });
  t.throws(() => formatKeyReference('2024-03-25', 1.5), { instanceOf: RangeError, message: /sequence/ });
  t.throws(() => formatKeyReference('25/03/2024', 1), { instanceOf: RangeError, message: /keyDecisionsFrom must be a date/ });
  t.throws(() => nextKeyReferences('2024-03-25', [], -1), { instanceOf: RangeError, message: /count must be a whole number of at least 0/ });
});
