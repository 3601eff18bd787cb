import test from 'ava';
import { MAX_ID, parseId } from '../../src/lib/ids.ts';
import { QueryReader } from '../../src/http/query.ts';

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

test('a query id beyond an integer is a problem that says what the number must be', (t) => {
  const reader = new QueryReader({ id: '2147483648' });
  t.is(reader.id('id', "a decision's number"), undefined);
  t.deepEqual(reader.problems, ["'id' must be a decision's number (a whole number from 1 to 2147483647)"]);
  t.is(new QueryReader({ id: '2147483647' }).id('id', 'x'), 2_147_483_647);
});
