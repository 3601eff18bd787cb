import test from 'ava';
import type { NoticeRule } from '../../src/rules/notice-periods.ts';
import { takenOnCheck, type TakenOnInput } from '../../src/rules/taken-on.ts';

// The plan of Tuesday 1 December 2026: its 28 clear days are 2 to 29 December, so a key decision
// it first lists may be taken from 30 December (the example of issue 10).
const plan = '2026-12-01';
const key: TakenOnInput = { part: 'key', takenOn: plan, firstPublishedOn: plan, furtherPrivateNoticeOn: null };
const exception = { chairNotifiedOn: '2026-12-01', noticePublishedOn: '2026-12-02', reasons: 'The grant offer lapses on 10 December' };
const urgency = { agreedBy: 'Cllr Jane Smith, chair of scrutiny', agreedOn: '2026-12-03', reasons: 'The contract ends on 4 December' };
const priv: TakenOnInput = { ...key, part: 'private', furtherPrivateNoticeOn: '2026-12-20' };

const cases: Array<[why: string, input: TakenOnInput, ok: boolean, rule: NoticeRule | null, earliest: string | null, message: RegExp]> = [
  ['a key decision taken the day its plan was published', key, false, 'regulation-9', '2026-12-30',
    /^Breaks Regulation 9 – 28 clear days’ notice of a key decision: it was taken on 1 December 2026, but the earliest lawful date was 30 December 2026 \(28 clear days after the plan published on 1 December 2026\)\. If it was in fact taken on or after 30 December 2026, correct the date; otherwise record the general exception \(regulation 10\) or the special urgency agreement \(regulation 11\) it was taken under, or record that it was taken without the required notice/],
  ['the last of the 28 clear days is still too early', { ...key, takenOn: '2026-12-29' }, false, 'regulation-9', '2026-12-30', /taken on 29 December 2026, but the earliest lawful date was 30 December 2026/],
  ['the first day after the 28 clear days', { ...key, takenOn: '2026-12-30' }, true, 'regulation-9', '2026-12-30', /^Meets Regulation 9 .*taken on 30 December 2026, on or after its earliest lawful date, 30 December 2026/],
  ['a general exception: from 5 clear days after its later notice', { ...key, takenOn: '2026-12-08', generalException: exception }, true, 'regulation-10', '2026-12-08', /^Meets Regulation 10 – general exception/],
  ['a general exception: the day before is too early, and the rule named is the exception’s', { ...key, takenOn: '2026-12-07', generalException: exception }, false, 'regulation-10', '2026-12-08',
    /^Breaks Regulation 10 – general exception: it was taken on 7 December 2026, but the earliest lawful date was 8 December 2026 .* record the special urgency agreement \(regulation 11\) it was taken under/],
  ['a general exception with no reasons cannot be relied on', { ...key, takenOn: '2026-12-10', generalException: { ...exception, reasons: ' ' } }, false, 'regulation-10', '2026-12-30', /The general exception record gives no reasons\./],
  ['special urgency: on the day of the agreement', { ...key, takenOn: '2026-12-03', specialUrgency: urgency }, true, 'regulation-11', '2026-12-03', /^Meets Regulation 11 – special urgency/],
  ['special urgency: not before the agreement', { ...key, takenOn: '2026-12-02', specialUrgency: urgency }, false, 'regulation-11', '2026-12-03', /earliest lawful date was 3 December 2026 \(Cllr Jane Smith, chair of scrutiny agreed on 3 December 2026/],
  ['on no plan and under no exception', { ...key, firstPublishedOn: null, takenOn: '2026-12-10' }, false, 'regulation-9', null, /nothing on record allowed it: it was on no published plan before then, and no general exception/],
  ['Part 4, under urgency', { ...key, part: 'urgent', firstPublishedOn: null, takenOn: '2026-12-04', specialUrgency: urgency }, true, 'regulation-11', '2026-12-03', /^Meets Regulation 11/],
  ['private: 28 clear days and the further notice 5 clear days before', { ...priv, takenOn: '2026-12-30' }, true, 'regulation-5', '2026-12-30',
    /^Meets Regulation 5 – notice of a decision in private: .*and 5 clear days after the further notice published on 20 December 2026 \(regulation 5\(4\)\)/],
  ['private: a day short of the 28 clear days', { ...priv, takenOn: '2026-12-29' }, false, 'regulation-5', '2026-12-30', /^Breaks Regulation 5 – notice of a decision in private: it was taken on 29 December 2026, but the earliest lawful date was 30 December 2026/],
  ['private: a further notice too late moves the date', { ...priv, takenOn: '2026-12-30', furtherPrivateNoticeOn: '2026-12-27' }, false, 'regulation-5', '2027-01-02', /earliest lawful date was 2 January 2027/],
  ['private: no further notice recorded', { ...priv, takenOn: '2027-01-15', furtherPrivateNoticeOn: null }, false, 'regulation-5', null,
    /nothing on record allowed it\. The further notice of the decision in private, due 5 clear days before it \(regulation 5\(4\)\), is not recorded\. Record the further notice \(regulation 5\(4\)\) or the urgency agreement \(regulation 5\(6\)\)/],
  ['private: a separate notice of intention before the plan starts the 28 days', { ...priv, takenOn: '2026-12-19', privateNotice: { noticePublishedOn: '2026-11-20' }, furtherPrivateNoticeOn: '2026-12-10' }, true, 'regulation-5', '2026-12-19', /notice of the intention to decide in private was given on 20 November 2026/],
  ['private: the urgency agreement stands in for both notices (regulation 5(6))', { ...priv, takenOn: '2026-12-03', furtherPrivateNoticeOn: null, specialUrgency: urgency }, true, 'regulation-5', '2026-12-03', /agreed on 3 December 2026 that it is urgent/],
  ['a non-key decision in public needs no notice', { ...key, part: 'non_key', firstPublishedOn: null }, true, null, null, /set no notice period/],
];

for (const [why, input, ok, rule, earliest, message] of cases) {
  test(`taken on ${input.takenOn}: ${why}`, (t) => {
    const check = takenOnCheck(input);
    t.like(check, { ok, rule, earliestLawfulDate: earliest });
    t.regex(check.message, message);
  });
}

test('a date that is not a date is refused, not judged', (t) => {
  t.throws(() => takenOnCheck({ ...key, takenOn: '1 December 2026' }), { instanceOf: RangeError });
  t.throws(() => takenOnCheck({ ...priv, furtherPrivateNoticeOn: '2026-02-30' }), { instanceOf: RangeError });
});

// The council's setting may count clear days as working days: the plan of Friday 23 February 2024
// then runs past Good Friday and Easter Monday, to 6 April rather than 23 March.
const WORKING: Array<[why: string, takenOn: string, mode: 'calendar' | 'working', ok: boolean, earliest: string]> = [
  ['calendar days: lawful from 23 March', '2024-03-25', 'calendar', true, '2024-03-23'],
  ['working days: 25 March is too early', '2024-03-25', 'working', false, '2024-04-06'],
  ['working days: lawful from 6 April', '2024-04-06', 'working', true, '2024-04-06'],
];

for (const [why, takenOn, mode, ok, earliest] of WORKING) {
  test(`taken on ${takenOn}, clear days as ${mode} days: ${why}`, (t) => {
    t.like(takenOnCheck({ part: 'key', takenOn, firstPublishedOn: '2024-02-23', furtherPrivateNoticeOn: null }, mode), { ok, earliestLawfulDate: earliest });
  });
}
