import test from 'ava';
import { secondsUntilAllowed } from '../../src/lib/rate-limit.ts';

const now = new Date('2024-02-26T10:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const hour = { windowMs: 3_600_000 };

const cases: [string, number[], { max: number; windowMs: number }, number][] = [
  ['no attempts', [], { max: 1, ...hour }, 0],
  ['fewer than the limit', [50, 10], { max: 3, ...hour }, 0],
  ['at the limit: wait for the oldest to leave', [50, 10, 5], { max: 3, ...hour }, 600],
  ['in any order', [5, 50, 10], { max: 2, ...hour }, 3000],
  ['over the limit: wait for the one that filled it', [55, 50, 10, 5], { max: 3, ...hour }, 600],
  ['leaving the window this instant: still a second', [60 - 1 / 60_000, 1], { max: 2, ...hour }, 1],
  ['a longer window', [20 * 60, 60, 120], { max: 3, windowMs: 24 * 3_600_000 }, 4 * 3600],
];
for (const [name, ages, limit, expected] of cases) {
  test(`rate limit: ${name}`, (t) => t.is(secondsUntilAllowed(ages.map(minutesAgo), limit, now), expected));
}
