import test from 'ava';
import { readDateInput, dateFieldsOf } from '../../src/lib/date-input.ts';
import { overlappingPortfolio, periodsOverlap, describePeriod } from '../../src/reference-data/admin/portfolio-rules.ts';
import { slugProblem } from '../../src/reference-data/admin/slug-rules.ts';
import { councilProblems } from '../../src/reference-data/admin/council-rules.ts';

const dates: [string, [string, string, string], ReturnType<typeof readDateInput>][] = [
  ['empty', ['', '', ''], { kind: 'empty' }],
  ['a day', ['27', '3', '2024'], { kind: 'date', iso: '2024-03-27' }],
  ['a month name', ['1', 'Sept', '2023'], { kind: 'date', iso: '2023-09-01' }],
  ['an abbreviated month', ['1', 'feb', '2024'], { kind: 'date', iso: '2024-02-01' }],
  ['29 February in a leap year', ['29', '2', '2024'], { kind: 'date', iso: '2024-02-29' }],
  ['29 February in another year', ['29', '2', '2023'], { kind: 'invalid', message: 'The start date must be a real date', parts: ['day', 'month', 'year'] }],
  ['31 April', ['31', '4', '2024'], { kind: 'invalid', message: 'The start date must be a real date', parts: ['day', 'month', 'year'] }],
  ['month 13', ['1', '13', '2024'], { kind: 'invalid', message: 'The start date must be a real date', parts: ['day', 'month', 'year'] }],
  ['a word for a day', ['first', '3', '2024'], { kind: 'invalid', message: 'The start date must be a real date', parts: ['day'] }],
  ['no month', ['1', '', '2024'], { kind: 'invalid', message: 'The start date must include a month', parts: ['month'] }],
  ['only a year', ['', '', '2024'], { kind: 'invalid', message: 'The start date must include a day and month', parts: ['day', 'month'] }],
  ['a two-digit year', ['1', '3', '24'], { kind: 'invalid', message: 'Year must include 4 numbers', parts: ['year'] }],
  ['a year far off', ['1', '3', '1066'], { kind: 'invalid', message: 'The start date must be between 1900 and 2199', parts: ['year'] }],
];
for (const [name, [day, month, year], expected] of dates) {
  test(`date input: ${name}`, (t) => t.deepEqual(readDateInput({ day, month, year }, 'The start date'), expected));
}

test('a stored date fills the boxes as a person would type it', (t) => {
  t.deepEqual(dateFieldsOf('2024-03-07'), { day: '7', month: '3', year: '2024' });
  t.deepEqual(dateFieldsOf(null), { day: '', month: '', year: '' });
});

const P = (startsOn: string | null, endsOn: string | null) => ({ startsOn, endsOn });
const overlaps: [string, ReturnType<typeof P>, ReturnType<typeof P>, boolean][] = [
  ['two open-ended', P('2023-05-01', null), P('2024-05-01', null), true],
  ['one ends the day before the other starts', P('2023-05-01', '2024-04-30'), P('2024-05-01', null), false],
  ['one ends the day the other starts (both days count)', P('2023-05-01', '2024-05-01'), P('2024-05-01', null), true],
  ['an unknown start reaches back for ever', P(null, null), P('2020-01-01', '2020-12-31'), true],
  ['an unknown start that ended before', P(null, '2019-12-31'), P('2020-01-01', null), false],
  ['one inside the other', P('2020-01-01', '2024-01-01'), P('2021-01-01', '2021-06-30'), true],
  ['apart', P('2020-01-01', '2020-12-31'), P('2022-01-01', '2022-12-31'), false],
];
for (const [name, a, b, expected] of overlaps) {
  test(`portfolio periods: ${name}`, (t) => {
    t.is(periodsOverlap(a, b), expected);
    t.is(periodsOverlap(b, a), expected, 'the same either way round');
  });
}

test('the overlapping portfolio is found, except the one being edited', (t) => {
  const held = [{ id: 1, title: 'Cabinet Member for Housing', startsOn: '2023-05-01', endsOn: null }];
  t.is(overlappingPortfolio(P('2024-05-01', null), held)?.id, 1);
  t.is(overlappingPortfolio(P('2024-05-01', null), held, 1), undefined);
  t.is(describePeriod(held[0]!), 'from 1 May 2023, with no end date');
  t.is(describePeriod(P('2023-05-01', '2024-04-30')), 'from 1 May 2023 to 30 April 2024');
});

const slugs: [string, string | undefined][] = [
  ['children-and-education', undefined],
  ['ward-2', undefined],
  ['', 'Enter a short name for the address'],
  ['Children', 'The short name must be lower-case letters a to z and numbers, with a single hyphen between words, like children-and-education'],
  ['double--hyphen', 'The short name must be lower-case letters a to z and numbers, with a single hyphen between words, like children-and-education'],
  ['-leading', 'The short name must be lower-case letters a to z and numbers, with a single hyphen between words, like children-and-education'],
  ['trailing-', 'The short name must be lower-case letters a to z and numbers, with a single hyphen between words, like children-and-education'],
  ['a'.repeat(81), 'The short name must be 80 characters or fewer'],
];
for (const [slug, expected] of slugs) {
  test(`slug '${slug.slice(0, 20)}'`, (t) => t.is(slugProblem(slug), expected));
}

test('council details: a name is needed; contacts, when given, must be usable', (t) => {
  const good = { name: 'Peterborough City Council', governanceEmail: 'democratic.services@peterborough.gov.uk', governanceAddress: 'Town Hall', governanceTelephone: '01733 452460', website: 'https://www.peterborough.gov.uk/executivedecisions' };
  t.deepEqual(councilProblems(good), {});
  t.deepEqual(councilProblems({ ...good, governanceEmail: '', governanceAddress: '', governanceTelephone: '', website: '' }), {});
  t.deepEqual(Object.keys(councilProblems({ name: '', governanceEmail: 'not-an-email', governanceAddress: '', governanceTelephone: 'ring us', website: 'javascript:alert(1)' })), [
    'name', 'governanceEmail', 'governanceTelephone', 'website',
  ]);
});
