import test from 'ava';
import { normaliseSpelling, slugify } from '../../src/lib/text.ts';
import { exemptParagraphIn, splitCommittees, splitDecisionMaker, splitWards } from '../../src/reference-data/spellings.ts';

test('spellings fold to one key', (t) => {
  t.is(normaliseSpelling('Place & Economy'), normaliseSpelling('Place and Economy'));
  t.is(normaliseSpelling("Children's and Young People's Service."), 'childrens and young peoples service');
  t.is(slugify('Growth, Resources and Communities'), 'growth-resources-and-communities');
});

const wards: [string, ReturnType<typeof splitWards>][] = [
  ['All Wards', { scope: 'all' }],
  ['All wards.', { scope: 'all' }],
  ['All', { scope: 'all' }],
  ['City wide', { scope: 'all' }],
  ['N/A', { scope: 'none' }],
  ['', { scope: 'none' }],
  ['Central Ward', { scope: 'listed', segments: ['Central Ward'] }],
  ['Fletton & Stanground Ward and Central Ward', { scope: 'listed', segments: ['Fletton & Stanground Ward', 'Central Ward'] }],
  ['North, East; Park', { scope: 'listed', segments: ['North', 'East', 'Park'] }],
];
for (const [text, expected] of wards) {
  test(`wards '${text}'`, (t) => t.deepEqual(splitWards(text), expected));
}

const makers: [string, { cabinet: boolean; name: string; portfolio: string }][] = [
  ['Cabinet', { cabinet: true, name: 'Cabinet', portfolio: '' }],
  ["Cllr Ray Bisby, Cabinet Member for Children's Services", { cabinet: false, name: 'Ray Bisby', portfolio: "Cabinet Member for Children's Services" }],
  ['Councillor John Howard - Deputy Leader and Cabinet Member for Corporate Governance and Finance', { cabinet: false, name: 'John Howard', portfolio: 'Deputy Leader and Cabinet Member for Corporate Governance and Finance' }],
  ['Cabinet Member for Infrastructure, Environment and Climate Change - Councillor Gavin Elsey', { cabinet: false, name: 'Gavin Elsey', portfolio: 'Cabinet Member for Infrastructure, Environment and Climate Change' }],
  ['Cllr Peter Hiller - Cabinet Member for Housing, Growth and Regeneration', { cabinet: false, name: 'Peter Hiller', portfolio: 'Cabinet Member for Housing, Growth and Regeneration' }],
  ['Councillor Eley, Cabinet Member for Infrastructure, Environment and Climate Change', { cabinet: false, name: 'Eley', portfolio: 'Cabinet Member for Infrastructure, Environment and Climate Change' }],
];
for (const [text, expected] of makers) {
  test(`decision maker '${text.slice(0, 40)}'`, (t) => t.deepEqual(splitDecisionMaker(text), expected));
}

test('two committees split only where a name ends', (t) => {
  t.deepEqual(splitCommittees('Children and Education Scrutiny Committee'), ['Children and Education Scrutiny Committee']);
  t.deepEqual(splitCommittees('Children and Education Scrutiny Committee and Adults and Health Scrutiny Committee'), [
    'Children and Education Scrutiny Committee',
    'Adults and Health Scrutiny Committee',
  ]);
});

test('the Schedule 12A paragraph is read from the notice', (t) => {
  t.is(exemptParagraphIn('By virtue of paragraph 3, information relating to the financial'), 3);
  t.is(exemptParagraphIn('Paragraph 3 of Part 1 Schedule 12A'), 3);
  t.is(exemptParagraphIn('Exempt appendix 1, financial and personal details'), null);
});
