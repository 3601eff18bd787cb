import test from 'ava';
import { portfolioHeldOn, type HeldPortfolio } from '../../src/reference-data/portfolio-held.ts';

const held = (id: number, starts_on: string | null, ends_on: string | null): HeldPortfolio => ({ id, title: `P${id}`, starts_on, ends_on });

const cases: [string, HeldPortfolio[], string | null, number | undefined][] = [
  ['none held', [], '2024-05-01', undefined],
  ['an open-ended one counts', [held(1, null, null)], '2024-05-01', 1],
  ['a dated one on its first and last days', [held(1, '2024-05-01', '2024-05-31')], '2024-05-31', 1],
  ['not before it starts', [held(1, '2024-05-02', null)], '2024-05-01', undefined],
  ['not after it ends', [held(1, null, '2024-04-30')], '2024-05-01', undefined],
  ['the latest start wins', [held(1, '2023-05-01', null), held(2, '2024-01-01', null), held(3, '2022-01-01', null)], '2024-05-01', 2],
  ['a dated start before none', [held(1, '2023-05-01', null), held(2, null, null)], '2024-05-01', 1],
  ['among equal starts, the newest', [held(1, null, null), held(4, null, null), held(2, null, null)], '2024-05-01', 4],
  ['with no date, any of them, by the same order', [held(1, '2030-01-01', '2030-12-31'), held(2, null, null)], null, 1],
];

for (const [what, portfolios, date, expected] of cases) {
  test(`portfolioHeldOn: ${what}`, (t) => {
    t.is(portfolioHeldOn(portfolios, date)?.id, expected);
  });
}
