import test from 'ava';
import { canonicalReference, referenceSearch } from '../../src/decisions/key-reference.ts';

const canonical: [string, string][] = [
  ['KEY/25MAR24/01', 'KEY/25MAR24/01'],
  ['KEY/3JUL23/01', 'KEY/03JUL23/01'],
  ['KEY/11MARCH24/07', 'KEY/11MAR24/07'],
  ['KEY/19SEPT16/01', 'KEY/19SEP16/01'],
  ['KEY/03JUL/11', 'KEY/03JUL/11'],
  ['key/11march24/7', 'KEY/11MAR24/07'],
  [' KEY / 4 DEC 23 / 3 ', 'KEY/04DEC23/03'],
  ['KEY/01JUNE2024/02', 'KEY/01JUN24/02'],
  ['KEY/15JAN24/123', 'KEY/15JAN24/123'],
  ['OTHER-REF 1', 'OTHER-REF1'],
  ['KEY/11FOO24/01', 'KEY/11FOO24/01'],
  // Two letters name no month for certain (MA: March or May? JU: June or July?): only tidied.
  ['KEY/25MA24/01', 'KEY/25MA24/01'],
  ['key/25ju24/1', 'KEY/25JU24/1'],
  ['KEY/25D24/01', 'KEY/25D24/01'],
];

for (const [raw, expected] of canonical) {
  test(`canonical form of '${raw}' is ${expected}`, (t) => {
    t.is(canonicalReference(raw), expected);
  });
}

test('a partial reference searches its whole series, a full one exactly', (t) => {
  t.deepEqual(referenceSearch('KEY/11MARCH24'), { prefix: 'KEY/11MAR24/' });
  t.deepEqual(referenceSearch('key/11mar24/07'), { exact: 'KEY/11MAR24/07' });
  t.is(referenceSearch('budget'), null);
  t.is(referenceSearch('KEY/25MA24'), null);
});
