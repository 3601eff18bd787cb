import test from 'ava';
import { describeFields, diffFields, formatAuditValue } from '../../src/audit/audit-fields.ts';
import { parseDateParts } from '../../src/decisions/staff/date-input.ts';
import { printedWards } from '../../src/decisions/staff/decision-columns.ts';
import { readExpectedDate } from '../../src/decisions/staff/decision-form.ts';
import { noticeRecordRefusal } from '../../src/decisions/staff/exception-rules.ts';
import { firstNoticeDate, referenceDate } from '../../src/decisions/staff/first-notice.ts';
import { monthStart } from '../../src/decisions/staff/follow-up.ts';
import { noticeInputsFor } from '../../src/decisions/staff/notice-inputs.ts';
import { outcomeRefusal } from '../../src/decisions/staff/outcome-rules.ts';
import { describePublicEvent, toPublicOutcome } from '../../src/decisions/public-history.ts';
import { parseStaffListQuery } from '../../src/decisions/staff/staff-list-query.ts';
import { brokenRules, takenNoticeProblem } from '../../src/decisions/staff/taken-notice.ts';
import { checkNotice, type NoticeCheck } from '../../src/rules/notice-periods.ts';

test('GOV.UK date boxes: missing parts, unreal dates and month names', (t) => {
  const parse = (day: string, month: string, year: string, required = true) => parseDateParts({ day, month, year }, 'the date the decision was taken', { required });
  t.deepEqual(parse('29', '2', '2024'), { ok: true, date: '2024-02-29' });
  t.deepEqual(parse('1', 'March', '2024'), { ok: true, date: '2024-03-01' });
  t.deepEqual(parse('1', 'sept', '2024'), { ok: true, date: '2024-09-01' });
  t.deepEqual(parse('', '', '', false), { ok: true, date: null });
  t.deepEqual(parse('', '', ''), { ok: false, message: 'Enter the date the decision was taken' });
  t.deepEqual(parse('3', '', ''), { ok: false, message: 'The date the decision was taken must include a month and a year' });
  for (const [d, m, y] of [['29', '2', '2023'], ['31', '4', '2024'], ['1', '13', '2024'], ['x', '1', '2024'], ['1', '1', '24'], ['1', '1', '1066']]) {
    t.deepEqual(parse(d!, m!, y!), { ok: false, message: 'The date the decision was taken must be a real date, for example 27 3 2024' }, `${d}/${m}/${y}`);
  }
});

test('an expected date keeps its stored meaning while its wording is unchanged', (t) => {
  const current = { text: '17 June', date: '2024-06-17', precision: 'day' as const, note: '' };
  t.deepEqual(readExpectedDate('17 June', { today: '2024-07-02', current }), { ok: true, value: current });
  t.like(readExpectedDate('18 June', { today: '2024-07-02', current }), { ok: true, value: { date: '2025-06-18' } });
  t.like(readExpectedDate('27 February 2024 For Consideration', { today: '2024-02-26' }), { ok: true, value: { date: '2024-02-27', precision: 'day', note: 'For Consideration' } });
  t.like(readExpectedDate('', { today: '2024-02-26' }), { ok: false });
});

test('the wards column as a plan prints it', (t) => {
  t.is(printedWards('all', []), 'All Wards');
  t.is(printedWards('none', []), 'Not ward specific');
  t.is(printedWards('listed', ['Central']), 'Central');
  t.is(printedWards('listed', ['Central', 'East', 'West']), 'Central, East and West');
});

test('a key reference dates the plan that first advertised it', (t) => {
  t.is(referenceDate('KEY/25MAR24/01'), '2024-03-25');
  t.is(referenceDate('KEY/29FEB24/01'), '2024-02-29');
  t.is(referenceDate('KEY/30FEB24/01'), null);
  t.is(referenceDate('KEY/03JUL/11'), null, 'no year');
  t.is(referenceDate(null), null);
  const listing = { publishedOn: '2024-02-23', advertised: 'previous' as const };
  // KEY/11MAR24: lawful from 11 March, so first published on 11 February at the latest.
  t.is(firstNoticeDate(listing, 'KEY/11MAR24/04', '2024-02-26'), '2024-02-11');
  t.is(firstNoticeDate(listing, null, '2024-02-26'), '2024-02-23', 'no proof of an earlier notice: the listing itself');
  t.is(firstNoticeDate({ publishedOn: '2024-02-23', advertised: 'new' }, 'KEY/25MAR24/01', '2024-02-26'), '2024-02-23');
  t.is(firstNoticeDate(null, null, '2024-03-08'), '2024-03-08', 'not on a plan: the plan about to be published');
  // The derived date never claims less notice than the reference proves.
  t.true(checkNotice({ part: 'key', expectedDate: '2024-03-11', expectedPrecision: 'day', firstPublishedOn: firstNoticeDate(listing, 'KEY/11MAR24/04', '2024-02-26') }).ok);
});

test('which notice checks a decision needs, and with what', (t) => {
  const decision = { part: 'private' as const, isKey: true, expectedDate: '2024-03-15', expectedPrecision: 'day' as const };
  const exceptions = [
    { regulation: 10, chair_notified_on: '2024-02-26', notice_published_on: '2024-02-27', agreed_by: 'Cllr A', agreed_on: null, reasons: 'R' },
    { regulation: 11, chair_notified_on: null, notice_published_on: null, agreed_by: 'Cllr B', agreed_on: '2024-03-01', reasons: 'S' },
  ];
  const inputs = noticeInputsFor(decision, '2024-02-23', exceptions, '2024-02-01');
  t.deepEqual(inputs.map((i) => i.part), ['private', 'key']);
  t.deepEqual(inputs[0]!.privateNotice, { noticePublishedOn: '2024-02-01' });
  t.deepEqual(inputs[1]!.generalException, { chairNotifiedOn: '2024-02-26', noticePublishedOn: '2024-02-27', reasons: 'R' });
  t.deepEqual(inputs[1]!.specialUrgency, { agreedBy: 'Cllr B', agreedOn: '2024-03-01', reasons: 'S' });
  t.deepEqual(noticeInputsFor({ ...decision, part: 'non_key', isKey: false }, '2024-02-23', [], null), []);
  t.deepEqual(noticeInputsFor({ ...decision, isKey: false }, '2024-02-23', [], null).map((i) => i.part), ['private']);
});

test('which outcomes each status allows', (t) => {
  const table: [Parameters<typeof outcomeRefusal>, boolean][] = [
    [['taken', 'planned', false], true],
    [['withdrawn', 'planned', false], true],
    [['deferred', 'deferred', false], true],
    [['taken', 'taken', false], false],
    [['deferred', 'withdrawn', false], false],
    [['taken', 'draft', false], false],
    [['taken', 'draft', true], true],
    [['withdrawn', 'draft', true], false],
    [['deferred', 'draft', false], false],
  ];
  for (const [args, allowed] of table) t.is(outcomeRefusal(...args) === null, allowed, args.join(' '));
});

test('which notice records a decision can have', (t) => {
  t.is(noticeRecordRefusal('regulation-10', { part: 'key', is_key: true }), null);
  t.regex(noticeRecordRefusal('regulation-10', { part: 'private', is_key: false }) ?? '', /only for key decisions/);
  t.is(noticeRecordRefusal('regulation-11', { part: 'private', is_key: false }), null);
  t.regex(noticeRecordRefusal('regulation-11', { part: 'non_key', is_key: false }) ?? '', /neither/);
  t.is(noticeRecordRefusal('regulation-5', { part: 'private', is_key: true }), null);
  t.regex(noticeRecordRefusal('regulation-5', { part: 'key', is_key: true }) ?? '', /Part 2/);
});

test('the public history reads as sentences; the outcome shows only its public record', (t) => {
  const at = '2024-02-26T10:00:00Z';
  t.is(
    describePublicEvent({ id: 1, kind: 'date_changed', occurred_at: at, details: { from: { date: '2024-05-01', precision: 'month', text: 'May 2024' }, to: { date: '2024-06-10', precision: 'day', text: '10 June' } } }),
    'Expected date moved from May 2024 to 10 June 2024.',
  );
  t.is(describePublicEvent({ id: 2, kind: 'part_changed', occurred_at: at, details: { from: 'non_key', to: 'key' } }), 'Moved from Part 3 – Non-key decisions to Part 1 – Key decisions.');
  t.is(describePublicEvent({ id: 3, kind: 'advertised', occurred_at: at, details: {} }), null);
  t.is(describePublicEvent({ id: 4, kind: 'withdrawn', occurred_at: at, details: { reason: 'No longer needed.' } }), 'Withdrawn. No longer needed.');
  t.is(toPublicOutcome(undefined), null);
  const record = { kind: 'taken' as const, occurred_on: '2024-02-26', decision_maker: 'Cabinet', summary: 'S', reasons: 'R', alternatives_considered: 'A', notice_url: '', withdrawal_reason: '', without_notice_rules: [], without_notice_reason: '' };
  t.deepEqual(toPublicOutcome(record), { kind: 'taken', takenOn: '2024-02-26', decisionMaker: 'Cabinet', summary: 'S', reasons: 'R', alternativesConsidered: 'A', noticeUrl: null, withoutNotice: null });
  const withoutNotice = { ...record, without_notice_rules: ['regulation-5' as const, 'regulation-9' as const], without_notice_reason: 'Flood damage.' };
  t.deepEqual(toPublicOutcome(withoutNotice), {
    kind: 'taken', takenOn: '2024-02-26', decisionMaker: 'Cabinet', summary: 'S', reasons: 'R', alternativesConsidered: 'A', noticeUrl: null,
    withoutNotice: {
      rules: [
        { rule: 'regulation-5', name: 'Regulation 5 – notice of a decision in private' },
        { rule: 'regulation-9', name: 'Regulation 9 – 28 clear days’ notice of a key decision' },
      ],
      reason: 'Flood damage.',
    },
  }, 'taken without the required notice: the rules by name, and why');
});

test('the audit log compares and prints values as people read them', (t) => {
  t.deepEqual(diffFields({ a: 'x', b: ['1', '2'], c: null }, { a: 'x', b: ['1'], c: '' }), { b: { from: ['1', '2'], to: ['1'] }, c: { from: null, to: '' } });
  t.is(formatAuditValue(null), '(blank)');
  t.is(formatAuditValue(true), 'Yes');
  t.is(formatAuditValue(['Central', 'East']), 'Central, East');
  t.is(formatAuditValue('month'), 'month only');
  t.is(formatAuditValue({ reasonsNoticePublishedOn: null, agreedOn: '2024-02-26', agreedBy: 'Cllr A' }), 'Who: Cllr A; Agreed on: 26 February 2024', 'in the form’s order, dates in words');
  t.deepEqual(describeFields({ part: { from: 'key', to: 'private' } }), [{ field: 'part', label: 'Part of the plan', from: 'Part 1 – key decision', to: 'Part 2 – to be taken in private' }]);
});

test('staff may filter by draft; the rest is the public list’s validation', (t) => {
  t.deepEqual(parseStaffListQuery({ status: ['draft', 'planned'] }).filters.status, ['draft', 'planned']);
  t.deepEqual(parseStaffListQuery({ status: 'draft' }).filters.status, ['draft']);
  t.deepEqual(parseStaffListQuery({}).filters.status, []);
  t.throws(() => parseStaffListQuery({ status: 'secret' }), { message: /problem with the address/ });
  t.is(monthStart('2024-02-26'), '2024-02-01');
});

test('taken on a day that breaks a rule: refused unless a publisher records it was taken without the required notice', (t) => {
  const met: NoticeCheck = { ok: true, rule: 'regulation-9', earliestLawfulDate: '2024-03-23', message: 'Meets regulation 9.' };
  const reg5: NoticeCheck = { ok: false, rule: 'regulation-5', earliestLawfulDate: '2024-03-23', message: 'Breaks regulation 5.' };
  const reg9: NoticeCheck = { ok: false, rule: 'regulation-9', earliestLawfulDate: '2024-03-23', message: 'Breaks regulation 9.' };
  const why = { reason: 'Flood damage.' };
  const cases: Array<[string, NoticeCheck[], { reason: string } | null, 'editor' | 'publisher' | 'admin', ReturnType<typeof takenNoticeProblem>]> = [
    ['met, nothing more to say', [met], null, 'publisher', null],
    ['no notice rule at all (a public non-key decision)', [], null, 'editor', null],
    ['broken: every broken rule is explained at the date', [reg5, reg9], null, 'admin', { field: 'takenOn-day', message: 'Breaks regulation 5. Breaks regulation 9.' }],
    ['broken, recorded by a publisher', [reg5, met], why, 'publisher', null],
    ['broken, recorded by an admin', [reg9], why, 'admin', null],
    ['broken, but an editor cannot record it', [reg9], why, 'editor', { field: 'withoutNotice', message: 'Only a publisher or an administrator can record that a decision was taken without the required notice' }],
    ['nothing broken to record', [met], why, 'publisher', { field: 'withoutNotice', message: 'On that date the decision meets the notice rules: untick ‘It was taken without the required notice’' }],
  ];
  for (const [label, checks, withoutNotice, role, expected] of cases) t.deepEqual(takenNoticeProblem(checks, withoutNotice, role), expected, label);
  t.deepEqual(brokenRules([reg5, met, reg9, reg9]), ['regulation-5', 'regulation-9'], 'each broken rule once');
});
