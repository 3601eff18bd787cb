import test from 'ava';
import { NOTICE_RULES, type NoticeRule } from '../../src/rules/notice-periods.ts';

// One table of the rules' names: staff pages and the preview show the name, breach messages the explanation.
const names: [NoticeRule, string, RegExp][] = [
  ['regulation-9', 'Regulation 9 – 28 clear days’ notice of a key decision', /^regulation 9 \(a key decision needs 28 clear days’ notice/],
  ['regulation-10', 'Regulation 10 – general exception', /^regulation 10 \(general exception: 5 clear days/],
  ['regulation-11', 'Regulation 11 – special urgency', /^regulation 11 \(special urgency: the agreement of the scrutiny chair/],
  ['regulation-5', 'Regulation 5 – notice of a decision in private', /^regulation 5 \(28 clear days’ notice of the intention to decide in private\)$/],
];

test('every rule has a name and an explanation, and there are no others', (t) => {
  t.deepEqual(Object.keys(NOTICE_RULES).sort(), names.map(([rule]) => rule).sort());
});

for (const [rule, name, explanation] of names) {
  test(`${rule} is '${name}'`, (t) => {
    t.is(NOTICE_RULES[rule].name, name);
    t.regex(NOTICE_RULES[rule].explanation, explanation);
  });
}
