import test from 'ava';
import { decisionIdByReference } from '../helpers/lookups.ts';
import { visibleText } from '../helpers/html.ts';
import { errorSummary } from '../auth/helpers.ts';
import { postForm, signInAgain, startKeepingWorld, validDecisionForm, type KeepingWorld } from '../staff-decisions/helpers.ts';

/*
 * Regulation 18: a scrutiny committee resolves that a decision should have been treated as key;
 * staff record the resolution and the date the report is due, then the decision maker's view and
 * the date the report went to the council. The sample council, clock at 26 February 2024.
 */

let world: KeepingWorld;
let decisionId: number;
let committeeId: number;

test.before(async () => {
  world = await startKeepingWorld();
  // A non-key decision of the sample plan.
  const row = await world.app.deps.db.selectFrom('decisions').select('id').where('part', '=', 'non_key').orderBy('id').executeTakeFirstOrThrow();
  decisionId = row.id;
  committeeId = (await world.app.deps.db.selectFrom('committees').select('id').where('slug', 'like', 'growth%').executeTakeFirstOrThrow()).id;
});
test.after.always(() => world?.app.close());

const dates = (id: string, iso: string) => {
  const [year, month, day] = iso.split('-');
  return { [`${id}-day`]: String(Number(day)), [`${id}-month`]: String(Number(month)), [`${id}-year`]: year! };
};
const resolution = (overrides: Record<string, string> = {}) => ({
  committee: String(committeeId),
  ...dates('resolvedOn', '2024-02-20'),
  committeeReasons: 'The contract is worth £750,000 over its term, above the threshold.',
  ...dates('reportDueOn', '2024-03-20'),
  decisionMakerView: '',
  'reportedOn-day': '', 'reportedOn-month': '', 'reportedOn-year': '',
  ...overrides,
});

test.serial('a resolution is recorded, audited, listed as due, and its report shows the decision and the committee’s reasons', async (t) => {
  const saved = await postForm(world.app, world.as.editor, `/admin/decisions/${decisionId}/regulation-18`, resolution());
  t.is(saved.status, 303);
  const location = saved.headers.get('location')!;
  t.regex(location, /^\/admin\/reports\/regulation-18\/\d+\?done=saved$/);
  const report = visibleText(await (await world.as.editor.get(location)).text());
  t.regex(report, /Regulation 18 resolution saved\./);
  t.regex(report, /Committee Growth, Resources and Communities Scrutiny Committee/);
  t.regex(report, /Why it should have been treated as a key decision The contract is worth £750,000/);
  t.regex(report, /Report due by 20 March 2024/);
  t.regex(report, /Not yet submitted to the council\./);
  const list = visibleText(await (await world.as.editor.get('/admin/reports/regulation-18')).text());
  t.regex(list, /Growth, Resources and Communities Scrutiny Committee 20 February 2024 Due 20 March 2024/);
  const staffPage = visibleText(await (await world.as.editor.get(`/admin/decisions/${decisionId}`)).text());
  t.regex(staffPage, /Growth, Resources and Communities Scrutiny Committee resolved on 20 February 2024 that it should have been treated as a key decision; report due by 20 March 2024\./);
  const audit = await world.app.deps.db.selectFrom('decision_changes').selectAll().where('action', '=', 'regulation_18').execute();
  t.is(audit.length, 1);
  t.like(audit[0]!.fields.regulation_18!.to, { committee: 'Growth, Resources and Communities Scrutiny Committee', reportDueOn: '2024-03-20' });
});

test.serial('a resolution with its facts missing or out of order is refused with each problem, and nothing is stored', async (t) => {
  const before = await world.app.deps.db.selectFrom('regulation_18_reports').select('id').execute();
  const refused = await postForm(world.app, world.as.editor, `/admin/decisions/${decisionId}/regulation-18`, resolution({
    committee: '99999',
    committeeReasons: '',
    ...dates('reportDueOn', '2024-02-19'),
  }));
  t.is(refused.status, 400);
  t.deepEqual(errorSummary(await refused.text()), [
    '#committee Select the scrutiny committee that made the resolution',
    '#committeeReasons Enter why the committee considers it should have been treated as a key decision',
    '#reportDueOn-day The date the report is due must be the same as or after the date of the resolution',
  ]);
  t.deepEqual(await world.app.deps.db.selectFrom('regulation_18_reports').select('id').execute(), before);
});

test.serial('a draft cannot have a resolution: no committee has seen it', async (t) => {
  const created = await postForm(world.app, world.as.editor, '/admin/decisions', await validDecisionForm(world.app, { title: 'A draft for regulation 18' }));
  t.is(created.status, 303);
  const draftId = Number(/\/admin\/decisions\/(\d+)/.exec(created.headers.get('location')!)![1]);
  const refused = await postForm(world.app, world.as.editor, `/admin/decisions/${draftId}/regulation-18`, resolution());
  t.is(refused.status, 400);
  t.regex(visibleText(await refused.text()), /A draft has not been published, so no committee can have resolved on it/);
});

test.serial('a taken decision’s report says when it was taken, by whom, and why', async (t) => {
  const id = await decisionIdByReference(world.app.deps.db, 'KEY/25MAR24/01');
  const user = await world.app.deps.db.selectFrom('users').selectAll().where('role', '=', 'publisher').executeTakeFirstOrThrow();
  const publisher = { id: user.id, email: user.email, name: user.name, role: 'publisher' as const };
  await world.app.deps.staffDecisions.records.specialUrgency(id, { agreedBy: 'Cllr Chair', agreedByRole: 'scrutiny_chair', agreedOn: '2024-02-20', reasons: 'Urgent.', reasonsNoticePublishedOn: null }, publisher);
  await world.app.deps.staffDecisions.outcomes.taken(id, { takenOn: '2024-02-21', decisionMaker: 'Councillor Jane Smith', summary: 'Approved the scheme.', reasons: 'Value for money.', alternatives: 'None.', noticeUrl: '', withoutNotice: null }, publisher);
  const saved = await postForm(world.app, world.as.editor, `/admin/decisions/${id}/regulation-18`, resolution({ ...dates('resolvedOn', '2024-02-22'), ...dates('reportDueOn', '2024-04-01') }));
  t.is(saved.status, 303);
  const report = visibleText(await (await world.as.editor.get(saved.headers.get('location')!)).text());
  t.regex(report, /Decision maker Councillor Jane Smith/);
  t.regex(report, /Date taken 21 February 2024/);
  t.regex(report, /What was decided Approved the scheme\./);
  t.regex(report, /Reasons for the decision Value for money\./);
});

test.serial('an unknown or malformed resolution number is a 404', async (t) => {
  t.is((await world.as.editor.get('/admin/reports/regulation-18/999999')).status, 404);
  t.is((await world.as.editor.get('/admin/reports/regulation-18/abc')).status, 404);
  t.is((await world.as.editor.get('/admin/decisions/999999/regulation-18')).status, 404);
});

test.serial('the decision maker’s view and the date it went to the council complete the report; past the due date it is overdue', async (t) => {
  const [row] = await world.app.deps.db.selectFrom('regulation_18_reports').select('id').orderBy('id').execute();
  // A month on: the clock's move ends the sessions, so everyone signs in again.
  world.app.clock.set('2024-03-25T10:00:00Z');
  await signInAgain(world);
  const overdue = visibleText(await (await world.as.editor.get('/admin/reports/regulation-18')).text());
  t.regex(overdue, /Overdue due 20 March 2024/);
  const saved = await postForm(world.app, world.as.editor, `/admin/reports/regulation-18/${row!.id}`, resolution({
    decisionMakerView: 'The contract was let in two lots, each below the threshold.',
    ...dates('reportedOn', '2024-03-19'),
  }));
  t.is(saved.status, 303);
  const report = visibleText(await (await world.as.editor.get(`/admin/reports/regulation-18/${row!.id}`)).text());
  t.regex(report, /The decision maker’s view The contract was let in two lots, each below the threshold\./);
  t.regex(report, /This report went to the council on 19 March 2024\./);
  t.notRegex(report, /Overdue/);
  const list = visibleText(await (await world.as.editor.get('/admin/reports/regulation-18')).text());
  t.regex(list, /Went to the council 19 March 2024/);
  const audit = await world.app.deps.db.selectFrom('decision_changes').selectAll().where('action', '=', 'regulation_18').where('decision_id', '=', decisionId).orderBy('id').execute();
  t.is(audit.length, 2);
  t.like(audit[1]!.fields.regulation_18!.from, { decisionMakerView: '' });
});
