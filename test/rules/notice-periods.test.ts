import test from 'ava';
import {
  checkNotice,
  earliestKeyDecisionDate,
  generalExceptionEarliestDate,
  keyDecisionsFrom,
  latestFurtherPrivateNoticeDate,
  type NoticeInput,
  type NoticeRule,
} from '../../src/rules/notice-periods.ts';

// Fortnightly Friday plans and the "key decisions from" dates in the references they gave,
// as seen in the plan published on 23 February 2024.
const plans: Array<[publishedOn: string, earliest: string, keyFrom: string, why: string]> = [
  ['2024-02-23', '2024-03-23', '2024-03-25', 'the real plan: Saturday 23 March, so KEY/25MAR24'],
  ['2024-02-09', '2024-03-09', '2024-03-11', 'KEY/11MARCH24'],
  ['2024-01-26', '2024-02-24', '2024-02-26', 'KEY/26FEB24'],
  ['2024-01-12', '2024-02-10', '2024-02-12', 'KEY/12FEB24'],
  ['2023-12-15', '2024-01-13', '2024-01-15', 'KEY/15JAN24, over the year end'],
  ['2023-06-16', '2023-07-15', '2023-07-17', 'KEY/17JUL23'],
  ['2023-02-10', '2023-03-11', '2023-03-13', 'KEY/13MAR23, February 2023 has 28 days'],
  ['2024-01-31', '2024-02-29', '2024-02-29', 'lands on the leap day, a Thursday'],
  ['2024-03-01', '2024-03-30', '2024-04-02', 'Easter Saturday: Easter Monday is skipped too'],
  ['2024-11-29', '2024-12-28', '2024-12-30', 'the Saturday after Christmas'],
  // The council printed KEY/01JAN24 for this plan, on a bank holiday; our rule names the first
  // working day instead. Both are lawful: only the earliest date is set by regulation 9.
  ['2023-12-01', '2023-12-30', '2024-01-02', 'New Year’s Day is not a working day'],
];

for (const [publishedOn, earliest, keyFrom, why] of plans) {
  test(`a plan published on ${publishedOn} takes key decisions from ${earliest} at the earliest and prints ${keyFrom}: ${why}`, (t) => {
    t.is(earliestKeyDecisionDate(publishedOn), earliest);
    t.is(keyDecisionsFrom(publishedOn), keyFrom);
  });
}

const exceptions: Array<[chairNotifiedOn: string, noticePublishedOn: string, earliest: string, why: string]> = [
  ['2024-03-04', '2024-03-05', '2024-03-11', 'five clear days after the later notice, the public one'],
  ['2024-03-05', '2024-03-04', '2024-03-11', 'five clear days after the later notice, the chair’s'],
  ['2024-02-26', '2024-02-26', '2024-03-03', 'across 29 February'],
  ['2023-02-26', '2023-02-26', '2023-03-04', 'across the end of February 2023'],
  ['2024-12-30', '2024-12-30', '2025-01-05', 'across the year end'],
];

for (const [chair, notice, earliest, why] of exceptions) {
  test(`general exception told to the chair on ${chair} and published on ${notice}: from ${earliest}, ${why}`, (t) => {
    t.is(generalExceptionEarliestDate(chair, notice), earliest);
  });
}

test('the further notice of a private decision is due 5 clear days before it', (t) => {
  t.is(latestFurtherPrivateNoticeDate('2024-03-25'), '2024-03-19');
  t.is(latestFurtherPrivateNoticeDate('2024-03-01'), '2024-02-24');
});

const plan = '2024-02-23';
const base: NoticeInput = { part: 'key', expectedDate: null, expectedPrecision: null, firstPublishedOn: plan };
const exception = { chairNotifiedOn: '2024-03-04', noticePublishedOn: '2024-03-05', reasons: 'Grant deadline of 15 March' };
const urgency = { agreedBy: 'Cllr Jane Smith, chair of scrutiny', agreedOn: '2024-03-08', reasons: 'Contract expires on 9 March' };

interface Case {
  name: string;
  input: Partial<NoticeInput>;
  ok: boolean;
  rule: NoticeRule | null;
  earliest: string | null;
  says: RegExp[];
  never?: RegExp;
}

const cases: Case[] = [
  {
    name: 'a key decision 28 clear days after the plan',
    input: { expectedDate: '2024-03-23', expectedPrecision: 'day' },
    ok: true,
    rule: 'regulation-9',
    earliest: '2024-03-23',
    says: [/^Meets regulation 9/, /23 March 2024/],
  },
  {
    name: 'a key decision one day too early breaks regulation 9, named, with the earliest date',
    input: { expectedDate: '2024-03-22', expectedPrecision: 'day' },
    ok: false,
    rule: 'regulation-9',
    earliest: '2024-03-23',
    says: [/^Breaks regulation 9 \(a key decision needs 28 clear days’ notice/, /expected on 22 March 2024/, /earliest lawful date is 23 March 2024/, /general exception \(regulation 10\)/],
  },
  {
    name: 'a key decision known only to a month wholly after the earliest date',
    input: { expectedDate: '2024-04-01', expectedPrecision: 'month' },
    ok: true,
    rule: 'regulation-9',
    earliest: '2024-03-23',
    says: [/^Meets regulation 9: expected in April 2024, wholly on or after/],
  },
  {
    name: 'a key decision in a month partly before the earliest date is allowed with a warning',
    input: { expectedDate: '2024-03-15', expectedPrecision: 'month' },
    ok: true,
    rule: 'regulation-9',
    earliest: '2024-03-23',
    says: [/Expected in March 2024/, /must not be taken before 23 March 2024/],
  },
  {
    name: 'a key decision in a month wholly before the earliest date breaks regulation 9',
    input: { expectedDate: '2024-02-01', expectedPrecision: 'month' },
    ok: false,
    rule: 'regulation-9',
    earliest: '2024-03-23',
    says: [/^Breaks regulation 9/, /expected in February 2024/],
  },
  {
    name: 'a date without a precision is read as an exact day',
    input: { expectedDate: '2024-03-15', expectedPrecision: null },
    ok: false,
    rule: 'regulation-9',
    earliest: '2024-03-23',
    says: [/expected on 15 March 2024/],
  },
  {
    name: 'a key decision with no date yet says when it could be taken',
    input: {},
    ok: true,
    rule: 'regulation-9',
    earliest: '2024-03-23',
    says: [/No expected date yet/, /23 March 2024 at the earliest/],
  },
  {
    name: 'a key decision on no plan cannot be taken',
    input: { expectedDate: '2024-05-01', expectedPrecision: 'day', firstPublishedOn: null },
    ok: false,
    rule: 'regulation-9',
    earliest: null,
    says: [/^Breaks regulation 9/, /has not been on a published plan/],
  },
  {
    name: 'a general exception allows the decision on the sixth day',
    input: { expectedDate: '2024-03-11', expectedPrecision: 'day', generalException: exception },
    ok: true,
    rule: 'regulation-10',
    earliest: '2024-03-11',
    says: [/^Meets regulation 10/, /scrutiny chair was told on 4 March 2024/],
  },
  {
    name: 'a general exception does not allow the fifth day, and regulation 10 is named',
    input: { expectedDate: '2024-03-10', expectedPrecision: 'day', generalException: exception },
    ok: false,
    rule: 'regulation-10',
    earliest: '2024-03-11',
    says: [/^Breaks regulation 10 \(general exception/, /earliest lawful date is 11 March 2024/, /special urgency/],
    never: /record a general exception/,
  },
  {
    name: 'a general exception without reasons cannot be relied on',
    input: { expectedDate: '2024-03-11', expectedPrecision: 'day', generalException: { ...exception, reasons: '  ' } },
    ok: false,
    rule: 'regulation-10',
    earliest: '2024-03-23',
    says: [/gives no reasons/],
  },
  {
    name: 'special urgency has no minimum period',
    input: { expectedDate: '2024-03-08', expectedPrecision: 'day', specialUrgency: urgency },
    ok: true,
    rule: 'regulation-11',
    earliest: '2024-03-08',
    says: [/^Meets regulation 11/, /Cllr Jane Smith, chair of scrutiny agreed on 8 March 2024/],
  },
  {
    name: 'special urgency agreed after the decision breaks regulation 11',
    input: { expectedDate: '2024-03-07', expectedPrecision: 'day', specialUrgency: urgency },
    ok: false,
    rule: 'regulation-11',
    earliest: '2024-03-08',
    says: [/^Breaks regulation 11/, /given before the decision is taken/],
  },
  {
    name: 'special urgency without a name of who agreed cannot be relied on',
    input: { expectedDate: '2024-03-08', expectedPrecision: 'day', specialUrgency: { ...urgency, agreedBy: '' } },
    ok: false,
    rule: 'regulation-11',
    earliest: '2024-03-23',
    says: [/does not say who agreed/],
  },
  {
    name: 'a key decision taken under urgency with a general exception',
    input: { part: 'urgent', firstPublishedOn: null, expectedDate: '2024-03-12', expectedPrecision: 'day', generalException: exception },
    ok: true,
    rule: 'regulation-10',
    earliest: '2024-03-11',
    says: [/^Meets regulation 10/],
  },
  {
    name: 'a key decision taken under special urgency',
    input: { part: 'urgent', firstPublishedOn: null, expectedDate: '2024-03-08', expectedPrecision: 'day', specialUrgency: urgency },
    ok: true,
    rule: 'regulation-11',
    earliest: '2024-03-08',
    says: [/^Meets regulation 11/],
  },
  {
    name: 'a key decision listed as urgent with nothing recorded',
    input: { part: 'urgent', firstPublishedOn: null, expectedDate: '2024-03-08', expectedPrecision: 'day' },
    ok: false,
    rule: 'regulation-9',
    earliest: null,
    says: [/listed as taken under urgency/, /no general exception \(regulation 10\) or special urgency agreement \(regulation 11\)/],
  },
  {
    name: 'a private decision 28 clear days after the plan, with the further notice deadline',
    input: { part: 'private', expectedDate: '2024-03-25', expectedPrecision: 'day' },
    ok: true,
    rule: 'regulation-5',
    earliest: '2024-03-23',
    says: [/^Meets regulation 5/, /further notice .* by 19 March 2024 \(regulation 5\(4\)\)/],
  },
  {
    name: 'a private decision too soon breaks regulation 5',
    input: { part: 'private', expectedDate: '2024-03-11', expectedPrecision: 'day' },
    ok: false,
    rule: 'regulation-5',
    earliest: '2024-03-23',
    says: [/^Breaks regulation 5 \(28 clear days’ notice of the intention to decide in private\)/, /regulation 5\(6\)/],
  },
  {
    name: 'a separate private notice before the plan starts the 28 days earlier',
    input: { part: 'private', expectedDate: '2024-03-11', expectedPrecision: 'day', privateNotice: { noticePublishedOn: '2024-02-09' } },
    ok: true,
    rule: 'regulation-5',
    earliest: '2024-03-09',
    says: [/given on 9 February 2024/],
  },
  {
    name: 'an urgent private decision with the chair’s agreement',
    input: { part: 'private', expectedDate: '2024-03-11', expectedPrecision: 'day', specialUrgency: urgency },
    ok: true,
    rule: 'regulation-5',
    earliest: '2024-03-08',
    says: [/^Meets regulation 5/, /notice of the reasons for the urgency/],
    never: /further notice/,
  },
  {
    name: 'a general exception does not make a private meeting lawful',
    input: { part: 'private', expectedDate: '2024-03-11', expectedPrecision: 'day', generalException: exception },
    ok: false,
    rule: 'regulation-5',
    earliest: '2024-03-23',
    says: [/^Breaks regulation 5/],
  },
  {
    name: 'a private decision in a month partly too early',
    input: { part: 'private', expectedDate: '2024-03-01', expectedPrecision: 'month' },
    ok: true,
    rule: 'regulation-5',
    earliest: '2024-03-23',
    says: [/must not be taken before 23 March 2024/, /at least 5 clear days before the decision/],
  },
  {
    name: 'a non-key public decision has no notice period',
    input: { part: 'non_key', expectedDate: '2024-02-24', expectedPrecision: 'day' },
    ok: true,
    rule: null,
    earliest: null,
    says: [/no notice period/],
  },
];

for (const c of cases) {
  test(`checkNotice: ${c.name}`, (t) => {
    const result = checkNotice({ ...base, ...c.input });
    t.is(result.ok, c.ok, result.message);
    t.is(result.rule, c.rule, result.message);
    t.is(result.earliestLawfulDate, c.earliest, result.message);
    for (const pattern of c.says) t.regex(result.message, pattern);
    if (c.never) t.notRegex(result.message, c.never);
  });
}

test('checkNotice refuses a malformed date and names the field', (t) => {
  t.throws(() => checkNotice({ ...base, expectedDate: '2024-02-30', expectedPrecision: 'day' }), {
    instanceOf: RangeError,
    message: /expectedDate must be a date written YYYY-MM-DD/,
  });
  t.throws(() => checkNotice({ ...base, generalException: { ...exception, chairNotifiedOn: 'last Tuesday' } }), {
    instanceOf: RangeError,
    message: /generalException\.chairNotifiedOn/,
  });
});

/*
 * Clear days counted as working days (the council's settings): the same plans and notices give
 * later dates, and bank holidays are skipped. Calendar days stay the default.
 */
const byMode: Array<[publishedOn: string, calendar: [string, string], working: [string, string], why: string]> = [
  ['2024-02-23', ['2024-03-23', '2024-03-25'], ['2024-04-06', '2024-04-08'], 'the real plan, a Friday: Good Friday and Easter Monday are skipped'],
  ['2024-03-08', ['2024-04-06', '2024-04-08'], ['2024-04-20', '2024-04-22'], 'a Friday plan across Easter'],
  ['2024-11-29', ['2024-12-28', '2024-12-30'], ['2025-01-14', '2025-01-14'], 'a Friday plan across Christmas and New Year: 28 working days end on Monday 13 January'],
  ['2024-04-26', ['2024-05-25', '2024-05-28'], ['2024-06-08', '2024-06-10'], 'a Friday plan across both May bank holidays'],
];

for (const [publishedOn, [calendarEarliest, calendarFrom], [workingEarliest, workingFrom], why] of byMode) {
  test(`a plan published on ${publishedOn}: key decisions from ${calendarEarliest} counting calendar days, ${workingEarliest} counting working days (${why})`, (t) => {
    t.is(earliestKeyDecisionDate(publishedOn), calendarEarliest, 'calendar days by default');
    t.is(earliestKeyDecisionDate(publishedOn, 'calendar'), calendarEarliest);
    t.is(keyDecisionsFrom(publishedOn, 'calendar'), calendarFrom);
    t.is(earliestKeyDecisionDate(publishedOn, 'working'), workingEarliest);
    t.is(keyDecisionsFrom(publishedOn, 'working'), workingFrom);
  });
}

test('the general exception and the further private notice count working days when told to', (t) => {
  // Thursday 28 March 2024: Good Friday, the weekend and Easter Monday do not count.
  t.is(generalExceptionEarliestDate('2024-03-28', '2024-03-28'), '2024-04-03');
  t.is(generalExceptionEarliestDate('2024-03-28', '2024-03-28', 'working'), '2024-04-09');
  // A decision on Thursday 4 April 2024: 2 and 3 April, and 26 to 28 March, are the five working days.
  t.is(latestFurtherPrivateNoticeDate('2024-04-04', 'working'), '2024-03-25');
  t.is(latestFurtherPrivateNoticeDate('2024-04-04'), '2024-03-29');
});

const modeCases: Array<{ name: string; input: Partial<NoticeInput>; calendar: [boolean, string | null]; working: [boolean, string | null]; says: RegExp }> = [
  {
    name: 'a key decision on 25 March 2024 from the plan of 23 February',
    input: { expectedDate: '2024-03-25', expectedPrecision: 'day' },
    calendar: [true, '2024-03-23'],
    working: [false, '2024-04-06'],
    says: /28 clear working days after the plan published on 23 February 2024/,
  },
  {
    name: 'a private decision on 25 March 2024',
    input: { part: 'private', expectedDate: '2024-03-25', expectedPrecision: 'day' },
    calendar: [true, '2024-03-23'],
    working: [false, '2024-04-06'],
    says: /28 clear working days after notice of the intention to decide in private/,
  },
  {
    name: 'a key decision under a general exception on 11 March 2024',
    input: { expectedDate: '2024-03-11', expectedPrecision: 'day', generalException: exception },
    calendar: [true, '2024-03-11'],
    working: [false, '2024-03-13'],
    says: /5 clear working days after the scrutiny chair was told/,
  },
  {
    name: 'an urgency agreement needs no period in either mode',
    input: { expectedDate: '2024-03-08', expectedPrecision: 'day', specialUrgency: urgency },
    calendar: [true, '2024-03-08'],
    working: [true, '2024-03-08'],
    says: /agreed on 8 March 2024/,
  },
];

for (const c of modeCases) {
  test(`checkNotice counts clear days as the settings say: ${c.name}`, (t) => {
    const input = { ...base, ...c.input };
    const calendar = checkNotice(input);
    t.deepEqual([calendar.ok, calendar.earliestLawfulDate], c.calendar, calendar.message);
    t.deepEqual(checkNotice(input, 'calendar'), calendar, 'calendar days are the default');
    const working = checkNotice(input, 'working');
    t.deepEqual([working.ok, working.earliestLawfulDate], c.working, working.message);
    t.regex(working.message, c.says);
  });
}
