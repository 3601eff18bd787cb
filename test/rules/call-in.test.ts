import test from 'ava';
import { callInRequestRefusal, callInStatus, callInWindow } from '../../src/rules/call-in.ts';

/** [published, working days, last day for call-in, implementable from, why] */
const WINDOWS: [string, number, string, string, string][] = [
  ['2024-03-28', 3, '2024-04-04', '2024-04-05', 'Thursday before Easter: Good Friday and Easter Monday are skipped'],
  ['2024-03-04', 3, '2024-03-07', '2024-03-08', 'a Monday: Tuesday, Wednesday, Thursday'],
  ['2024-03-07', 3, '2024-03-12', '2024-03-13', 'a Thursday: the weekend is skipped'],
  ['2024-03-09', 3, '2024-03-13', '2024-03-14', 'published on a Saturday: Monday is the first working day'],
  ['2024-12-23', 3, '2024-12-30', '2024-12-31', 'before Christmas: Christmas Day and Boxing Day are skipped'],
  ['2024-12-30', 3, '2025-01-03', '2025-01-04', 'across the year end: New Year’s Day is skipped'],
  ['2025-05-02', 3, '2025-05-08', '2025-05-09', 'early May bank holiday'],
  ['2024-03-28', 2, '2024-04-03', '2024-04-04', 'an older constitution’s two days'],
  ['2024-03-04', 5, '2024-03-11', '2024-03-12', 'five working days'],
];

for (const [published, days, lastDay, implementable, why] of WINDOWS) {
  test(`call-in: notice published ${published}, ${days} working days → call in until ${lastDay}, implement from ${implementable} (${why})`, (t) => {
    t.deepEqual(callInWindow(published, days), { noticePublishedOn: published, lastDayForCallIn: lastDay, implementableFrom: implementable });
  });
}

const RULES = { workingDays: 3, appliesTo: ['cabinet', 'member'], urgentExempt: true };

test('a decision is open for call-in through its last day, then may be implemented', (t) => {
  const decision = { noticePublishedOn: '2024-03-28', makerKind: 'member', urgent: false };
  t.like(callInStatus(decision, RULES, '2024-03-28'), { kind: 'open' });
  t.like(callInStatus(decision, RULES, '2024-04-04'), { kind: 'open' });
  t.like(callInStatus(decision, RULES, '2024-04-05'), { kind: 'implementable', window: { implementableFrom: '2024-04-05' } });
});

test('a decision maker outside the setting, or an urgent decision when urgent ones are exempt, is not subject to call-in', (t) => {
  t.deepEqual(callInStatus({ noticePublishedOn: '2024-03-28', makerKind: 'officer', urgent: false }, RULES, '2024-03-29'), { kind: 'not-subject', reason: 'decision-maker' });
  t.deepEqual(callInStatus({ noticePublishedOn: '2024-03-28', makerKind: 'cabinet', urgent: true }, RULES, '2024-03-29'), { kind: 'not-subject', reason: 'urgent' });
  t.like(callInStatus({ noticePublishedOn: '2024-03-28', makerKind: 'cabinet', urgent: true }, { ...RULES, urgentExempt: false }, '2024-03-29'), { kind: 'open' });
});

const WINDOW = callInWindow('2024-03-28', 3);
const REQUESTS: [string, { receivedOn: string; members: number }, number, string | null][] = [
  ['three members on the last day', { receivedOn: '2024-04-04', members: 3 }, 3, null],
  ['on the day of publication', { receivedOn: '2024-03-28', members: 3 }, 3, null],
  ['the day after the last day', { receivedOn: '2024-04-05', members: 3 }, 3, 'The call-in period ended on 4 April 2024: the request was received too late'],
  ['two members where three are needed', { receivedOn: '2024-04-02', members: 2 }, 3, 'A call-in needs 3 members of a scrutiny committee: 2 signed this request'],
  ['two members where the older constitution needed two', { receivedOn: '2024-04-02', members: 2 }, 2, null],
  ['before the notice', { receivedOn: '2024-03-27', members: 3 }, 3, 'A request cannot be received before the decision notice was published'],
];

for (const [name, request, needed, expected] of REQUESTS) {
  test(`call-in request: ${name}`, (t) => {
    t.is(callInRequestRefusal(request, WINDOW, needed), expected);
  });
}
