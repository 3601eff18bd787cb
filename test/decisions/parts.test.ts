import test from 'ava';
import { PART_LABELS, PARTS } from '../../src/decisions/labels.ts';

// The printed plan's four parts, in its order, each with the number and headings it prints.
const printed: [string, number, string, string][] = [
  ['key', 1, 'Key decision', 'Part 1 – Key decisions'],
  ['private', 2, 'To be taken in private', 'Part 2 – Notice of intention to take decisions in private'],
  ['non_key', 3, 'Non-key decision', 'Part 3 – Non-key decisions'],
  ['urgent', 4, 'Key decision taken under urgency', 'Part 4 – Key decisions taken under urgency procedures'],
];

test('the parts are listed in the order the plan prints them', (t) => {
  t.deepEqual([...PARTS], printed.map(([part]) => part));
});

for (const [part, number, short, long] of printed) {
  test(`part ${part} is Part ${number}: '${long}'`, (t) => {
    t.deepEqual(PART_LABELS[part as (typeof PARTS)[number]], { number, short, long });
  });
}
