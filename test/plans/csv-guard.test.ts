import test from 'ava';
import { guardFormula } from '../../src/plans/outputs/plan-csv-export.ts';

// The plan CSV's formula guard on its own, without a database: what `npm run mutate` runs against it.
const cases: [Parameters<typeof guardFormula>[0], string, string][] = [
  ['title', '=1+1', "'=1+1"],
  ['description', '+44 1733 747474', "'+44 1733 747474"],
  ['contacts', '-2+3', "'-2+3"],
  ['consultation', '@SUM(A1)', "'@SUM(A1)"],
  ['documents', '\t=1+1', "'\t=1+1"],
  ['wards', '\r=cmd', "'\r=cmd"],
  ['title', 'A plain title = fine', 'A plain title = fine'],
  ['title', ' =1+1', "' =1+1"],
  ['title', '＝1+1', "'＝1+1"],
  ['title', '', ''],
  // The columns the import reads as values keep what they hold.
  ['reference', '-', '-'],
  ['part', '=key', '=key'],
  ['advertised', '+new', '+new'],
  ['expected_date', '@May 2024', '@May 2024'],
];
for (const [column, value, expected] of cases) {
  test(`${column} ${JSON.stringify(value)} → ${JSON.stringify(expected)}`, (t) => {
    t.is(guardFormula(column, value), expected);
  });
}
