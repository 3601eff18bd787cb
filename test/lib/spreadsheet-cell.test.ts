import test from 'ava';
import { neutraliseCell } from '../../src/lib/spreadsheet-cell.ts';

const cases: [string, string][] = [
  ['=1+1', "'=1+1"],
  ['+44 1632', "'+44 1632"],
  ['-2', "'-2"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['\t=cmd', "'\t=cmd"],
  ['\tplain', "'\tplain"],
  ['\rx', "'\rx"],
  ['  =1', "'  =1"],
  ['\u00A0+1', "'\u00A0+1"],
  ['＝1', "'＝1"],
  ['＋1', "'＋1"],
  ['－1', "'－1"],
  ['＠A1', "'＠A1"],
  ['a=1', 'a=1'],
  ['plain', 'plain'],
  ["'quoted", "'quoted"],
  ['', ''],
];
for (const [cell, expected] of cases) {
  test(`the cell ${JSON.stringify(cell)} is written ${JSON.stringify(expected)}`, (t) => {
    t.is(neutraliseCell(cell), expected);
  });
}
