import test from 'ava';
import { decisionsTakenWithoutNotice } from '../../src/decisions/staff/outcome.repository.ts';
import { errorSummary } from '../auth/helpers.ts';
import {
  checkAnswersForm,
  decisionIdByReference,
  decisionIdByTitle,
  decode,
  postAndConfirm,
  postForm,
  signInAgain,
  startKeepingWorld,
  text,
  validDecisionForm,
  type KeepingWorld,
} from './helpers.ts';

/*
 * Recording a decision as taken runs the notice rules on the date it was taken. The sample plan
 * of 23 February 2024 first lists KEY/25MAR24/01 and /02: 28 clear days, so lawful from 23 March.
 * The clock stands at 2 April 2024, so every date in March can be typed as the day it was taken.
 */

let world: KeepingWorld;
test.before(async () => {
  world = await startKeepingWorld();
  world.app.clock.set('2024-04-02T10:00:00Z');
  await signInAgain(world);
});
test.after.always(async () => {
  await world?.app.close();
});

const on = (prefix: string, iso: string) => {
  const [year, month, day] = iso.split('-');
  return { [`${prefix}-day`]: String(Number(day)), [`${prefix}-month`]: String(Number(month)), [`${prefix}-year`]: year! };
};

const taken = (iso: string, extra: Record<string, string> = {}) => ({
  ...on('takenOn', iso),
  decisionMaker: 'Cabinet',
  summary: 'Awarded the contract to Signal Co.',
  reasons: 'Best value of the compliant bids.',
  alternatives: 'Extending the current contract: rejected, as it cannot be extended again.',
  noticeUrl: '',
  ...extra,
});

async function statusOf(id: number) {
  const row = await world.app.deps.db.selectFrom('decisions').select('status').where('id', '=', id).executeTakeFirstOrThrow();
  const outcomes = await world.app.deps.db.selectFrom('decision_outcomes').select('id').where('decision_id', '=', id).execute();
  return { status: row.status, outcomes: outcomes.length };
}

async function draft(title: string) {
  const { app, as } = world;
  const response = await postForm(app, as.editor, '/admin/decisions', await validDecisionForm(app, { title, expectedDate: '28 March 2024' }));
  if (response.status !== 303) throw new Error(`create gave ${response.status}`);
  return decisionIdByTitle(app, title);
}

test.serial('regulation 9: a date before the lawful date is refused, naming the rule and the date; the lawful date is accepted', async (t) => {
  const { app, as } = world;
  const id = await decisionIdByReference(app, 'KEY/25MAR24/01');
  const early = await postForm(app, as.publisher, `/admin/decisions/${id}/taken`, taken('2024-03-22'));
  t.is(early.status, 400);
  const html = decode(await early.text());
  const [problem] = errorSummary(html);
  t.regex(problem ?? '', /^#takenOn-day Breaks Regulation 9 – 28 clear days’ notice of a key decision: it was taken on 22 March 2024, but the earliest lawful date was 23 March 2024 \(28 clear days after the plan published on 23 February 2024\)/);
  t.true(html.includes('It was taken without the required notice'), 'a publisher is offered the last resort');
  t.true(html.includes('Awarded the contract to Signal Co.'), 'what was typed is kept');

  const skipped = await postForm(app, as.publisher, `/admin/decisions/${id}/taken/confirm`, taken('2024-03-22'));
  t.is(skipped.status, 400, 'the confirmation checks the rules too');
  t.deepEqual(await statusOf(id), { status: 'planned', outcomes: 0 });

  const check = await postForm(app, as.publisher, `/admin/decisions/${id}/taken`, taken('2024-03-23'));
  t.is(check.status, 200);
  const checkHtml = await text(check);
  t.true(checkHtml.includes('Meets Regulation 9 – 28 clear days’ notice of a key decision: taken on 23 March 2024'));
  const page = checkAnswersForm(checkHtml);
  const recorded = await postForm(app, as.publisher, page.confirm, page.fields);
  t.is(recorded.status, 303);
  const outcome = await app.deps.db.selectFrom('decision_outcomes').selectAll().where('decision_id', '=', id).executeTakeFirstOrThrow();
  t.like(outcome, { kind: 'taken', occurred_on: '2024-03-23', without_notice_rules: [], without_notice_reason: '' });
});

test.serial('regulation 10: a general exception allows it from its earliest date, and the rules are checked again when it is recorded', async (t) => {
  const { app, as } = world;
  const id = await draft('Emergency school roof repairs');
  const exception = (published: string) => ({
    chairName: 'Cllr Jane Smith', ...on('chairNotifiedOn', '2024-03-01'), ...on('noticePublishedOn', published), reasons: 'The roof failed its inspection.',
  });
  t.is((await postForm(app, as.publisher, `/admin/decisions/${id}/general-exception`, exception('2024-03-04'))).status, 303);

  const early = await postForm(app, as.publisher, `/admin/decisions/${id}/taken`, taken('2024-03-09'));
  t.is(early.status, 400);
  t.regex(errorSummary(decode(await early.text()))[0] ?? '', /^#takenOn-day Breaks Regulation 10 – general exception: it was taken on 9 March 2024, but the earliest lawful date was 10 March 2024/);

  const check = await postForm(app, as.publisher, `/admin/decisions/${id}/taken`, taken('2024-03-10'));
  t.is(check.status, 200);
  const page = checkAnswersForm(await text(check));
  // Meanwhile someone corrects the exception: its notice went up later, so 10 March is too early.
  t.is((await postForm(app, as.publisher, `/admin/decisions/${id}/general-exception`, exception('2024-03-06'))).status, 303);
  const stale = await postForm(app, as.publisher, page.confirm, page.fields);
  t.is(stale.status, 400);
  t.regex(errorSummary(decode(await stale.text()))[0] ?? '', /^#takenOn-day Breaks Regulation 10 – general exception: it was taken on 10 March 2024, but the earliest lawful date was 12 March 2024/);
  // And the service itself, on the locked decision, for a change that lands between the two.
  const publisher = { ...world.users.publisher, name: 'Pat Publisher', role: 'publisher' as const };
  const input = { takenOn: '2024-03-10', decisionMaker: 'Cabinet', summary: 'S', reasons: 'R', alternatives: 'A', noticeUrl: '', withoutNotice: null };
  const refused = await app.deps.staffDecisions.outcomes.taken(id, input, publisher);
  t.like(refused, { status: 'refused', field: 'takenOn-day' });
  t.regex((refused as { message: string }).message, /^Breaks Regulation 10 – general exception: .*12 March 2024/);
  t.deepEqual(await statusOf(id), { status: 'draft', outcomes: 0 });

  t.is((await postAndConfirm(app, as.publisher, `/admin/decisions/${id}/taken`, taken('2024-03-12'))).status, 303);
  t.deepEqual(await statusOf(id), { status: 'taken', outcomes: 1 });
});

test.serial('regulation 11: a special urgency agreement allows it from the day it was given, not before', async (t) => {
  const { app, as } = world;
  const id = await draft('Emergency bridge closure');
  const urgency = { agreedBy: 'Cllr Jane Smith', agreedByRole: 'scrutiny_chair', ...on('agreedOn', '2024-03-28'), reasons: 'The bridge is unsafe.' };
  t.is((await postForm(app, as.publisher, `/admin/decisions/${id}/special-urgency`, urgency)).status, 303);
  const early = await postForm(app, as.publisher, `/admin/decisions/${id}/taken`, taken('2024-03-27'));
  t.regex(errorSummary(decode(await early.text()))[0] ?? '', /^#takenOn-day Breaks Regulation 11 – special urgency: it was taken on 27 March 2024, but the earliest lawful date was 28 March 2024/);
  t.is((await postAndConfirm(app, as.publisher, `/admin/decisions/${id}/taken`, taken('2024-03-28'))).status, 303);
  t.deepEqual(await statusOf(id), { status: 'taken', outcomes: 1 });
});

test.serial('regulation 5: a private decision needs its 28 clear days and the further notice 5 clear days before it', async (t) => {
  const { app, as } = world;
  const id = await decisionIdByTitle(app, 'Blue Sky Peterborough');
  const noFurther = await postForm(app, as.publisher, `/admin/decisions/${id}/taken`, taken('2024-03-25'));
  t.is(noFurther.status, 400);
  t.regex(errorSummary(decode(await noFurther.text()))[0] ?? '', /^#takenOn-day Breaks Regulation 5 – notice of a decision in private: .*The further notice of the decision in private, due 5 clear days before it \(regulation 5\(4\)\), is not recorded/);

  const notice = { ...on('furtherNoticePublishedOn', '2024-03-18'), representations: '', response: '' };
  t.is((await postForm(app, as.publisher, `/admin/decisions/${id}/private-notice`, notice)).status, 303);
  const early = await postForm(app, as.publisher, `/admin/decisions/${id}/taken`, taken('2024-03-23'));
  t.regex(errorSummary(decode(await early.text()))[0] ?? '', /it was taken on 23 March 2024, but the earliest lawful date was 24 March 2024 \(.*5 clear days after the further notice published on 18 March 2024/);
  t.is((await postAndConfirm(app, as.publisher, `/admin/decisions/${id}/taken`, taken('2024-03-25'))).status, 303);
  t.deepEqual(await statusOf(id), { status: 'taken', outcomes: 1 });
});

test.serial('taken without the required notice: a publisher records it with the reason; it is public and listed for the report to council', async (t) => {
  const { app, as, anonymous, users } = world;
  const id = await decisionIdByReference(app, 'KEY/25MAR24/02');
  const url = `/admin/decisions/${id}/taken`;
  const reason = 'The housing grant had to be accepted by 1 March; the decision was taken before the plan’s notice ran out.';

  const noReason = await postForm(app, as.publisher, url, taken('2024-03-01', { withoutNotice: 'yes', withoutNoticeReason: '  ' }));
  t.is(noReason.status, 400);
  t.deepEqual(errorSummary(decode(await noReason.text())), ['#withoutNoticeReason Enter why it was taken without the required notice']);

  t.is((await postForm(app, as.editor, url, taken('2024-03-01', { withoutNotice: 'yes', withoutNoticeReason: reason }))).status, 403, 'an editor records no outcome');
  t.is((await postForm(app, as.editor, `${url}/confirm`, taken('2024-03-01', { withoutNotice: 'yes', withoutNoticeReason: reason }))).status, 403);
  const asEditor = await app.deps.staffDecisions.outcomes.taken(
    id,
    { takenOn: '2024-03-01', decisionMaker: 'Cabinet', summary: 'S', reasons: 'R', alternatives: 'A', noticeUrl: '', withoutNotice: { reason } },
    { ...users.editor, name: 'Pat Editor', role: 'editor' },
  );
  t.deepEqual(asEditor, { status: 'refused', field: 'withoutNotice', message: 'Only a publisher or an administrator can record that a decision was taken without the required notice' });

  const check = await postForm(app, as.publisher, url, taken('2024-03-01', { withoutNotice: 'yes', withoutNoticeReason: reason }));
  t.is(check.status, 200);
  const checkHtml = await text(check);
  t.true(checkHtml.includes('Yes, against Regulation 9 – 28 clear days’ notice of a key decision'));
  t.true(checkHtml.includes(reason));
  t.deepEqual(await statusOf(id), { status: 'planned', outcomes: 0 });
  const page = checkAnswersForm(checkHtml);
  t.is((await postForm(app, as.publisher, page.confirm, page.fields)).status, 303);

  const outcome = await app.deps.db.selectFrom('decision_outcomes').selectAll().where('decision_id', '=', id).executeTakeFirstOrThrow();
  t.like(outcome, { occurred_on: '2024-03-01', without_notice_rules: ['regulation-9'], without_notice_reason: reason });
  const change = await app.deps.db.selectFrom('decision_changes').select('fields').where('decision_id', '=', id).where('action', '=', 'outcome').executeTakeFirstOrThrow();
  t.like(change.fields.outcome?.to, { withoutNoticeRules: ['regulation-9'], withoutNoticeReason: reason }, 'audited');
  const staffPage = await text(await as.editor.get(`/admin/decisions/${id}`));
  t.regex(staffPage, /Taken without the required notice[\s\S]*?Regulation 9 – 28 clear days’ notice of a key decision/);
  t.regex(staffPage, /Outcome recorded[\s\S]*Taken without the required notice under: Regulation 9 – 28 clear days’ notice of a key decision/, 'the change history says so');

  const publicPage = await text(await anonymous.get(`/decisions/${id}`));
  t.regex(publicPage, /Taken without the required notice[\s\S]*?Regulation 9 – 28 clear days’ notice of a key decision[\s\S]*?The housing grant had to be accepted by 1 March/);
  const api = (await (await anonymous.get(`/api/v1/decisions/${id}`)).json()) as { outcome: Record<string, unknown> };
  t.like(api.outcome, { kind: 'taken', takenOn: '2024-03-01', decisionMaker: 'Cabinet', summary: 'Awarded the contract to Signal Co.' });
  t.deepEqual(api.outcome.withoutNotice, { rules: [{ rule: 'regulation-9', name: 'Regulation 9 – 28 clear days’ notice of a key decision' }], reason });

  t.deepEqual(await decisionsTakenWithoutNotice(app.deps.db, { from: '2024-03-01', to: '2024-03-31' }), [
    { decisionId: id, reference: 'KEY/25MAR24/02', title: 'Peterborough Housing Strategy 2024-2029', takenOn: '2024-03-01', decisionMaker: 'Cabinet', rules: ['regulation-9'], reason },
  ]);
  t.deepEqual(await decisionsTakenWithoutNotice(app.deps.db, { from: '2024-03-02', to: '2024-12-31' }), [], 'only its range');
  t.deepEqual(await app.deps.staffDecisions.takenWithoutNotice({ from: '2024-02-01', to: '2024-03-01' }), await decisionsTakenWithoutNotice(app.deps.db, { from: '2024-03-01', to: '2024-03-01' }), 'the service gives the same');

  const other = await decisionIdByReference(app, 'KEY/15JAN24/02');
  const row = { decision_id: other, kind: 'taken' as const, occurred_on: '2024-03-01', decision_maker: 'Cabinet', summary: 'S', reasons: 'R', recorded_at: new Date() };
  await t.throwsAsync(app.deps.db.insertInto('decision_outcomes').values({ ...row, without_notice_rules: ['regulation-9'], without_notice_reason: ' ' }).execute(), undefined, 'the database wants the reason');
  await t.throwsAsync(app.deps.db.insertInto('decision_outcomes').values({ ...row, without_notice_reason: 'Why' }).execute(), undefined, 'and a reason only with a rule');
  await t.throwsAsync(
    app.deps.db.insertInto('decision_outcomes').values({ ...row, without_notice_rules: ['regulation-99' as 'regulation-9'], without_notice_reason: 'Why' }).execute(),
    undefined,
    'and only rules it knows',
  );

  const lawful = await decisionIdByReference(app, 'KEY/04DEC23/01');
  const needless = await postForm(app, as.publisher, `/admin/decisions/${lawful}/taken`, taken('2024-03-11', { withoutNotice: 'yes', withoutNoticeReason: reason }));
  t.is(needless.status, 400);
  t.deepEqual(errorSummary(decode(await needless.text())), ['#withoutNotice On that date the decision meets the notice rules: untick ‘It was taken without the required notice’']);
});

test.serial('check your answers: every answer shown, Change keeps them all, nothing recorded until confirmed', async (t) => {
  const { app, as } = world;
  const id = await decisionIdByReference(app, 'KEY/04DEC23/01');
  const form = taken('2024-03-11', { summary: 'Accepted the LUF2 grant\nand its conditions.', noticeUrl: 'https://democracy.example.gov.uk/notice/9' });
  const check = await postForm(app, as.publisher, `/admin/decisions/${id}/taken`, form);
  t.is(check.status, 200);
  const html = await text(check);
  t.true(html.includes('<h1 class="govuk-heading-l">Check your answers before recording the decision as taken</h1>'));
  for (const shown of ['11 March 2024', 'Cabinet', 'Accepted the LUF2 grant\nand its conditions.', form.reasons, form.alternatives, form.noticeUrl, 'Meets Regulation 9']) {
    t.true(html.includes(shown), shown);
  }
  t.regex(html, /Change<span class="govuk-visually-hidden"> the date the decision was taken<\/span>/);
  t.true(html.includes('Record the decision as taken'));
  t.deepEqual(await statusOf(id), { status: 'planned', outcomes: 0 }, 'nothing recorded yet');
  t.is((await app.deps.db.selectFrom('decision_events').select('id').where('decision_id', '=', id).where('kind', '=', 'taken').execute()).length, 0);

  const page = checkAnswersForm(html);
  t.is(page.change, `/admin/decisions/${id}/taken/change`);
  t.truthy(page.fields._csrf, 'the confirmation carries its anti-forgery token');
  const changed = await postForm(app, as.publisher, page.change, page.fields);
  t.is(changed.status, 200);
  const formHtml = await text(changed);
  t.regex(formHtml, /name="takenOn-day" type="text" value="11"/);
  t.true(formHtml.includes('>Accepted the LUF2 grant\nand its conditions.</textarea>'));
  t.true(formHtml.includes(`value="${form.noticeUrl}"`));
  t.true(formHtml.includes(form.alternatives));
  t.deepEqual(await statusOf(id), { status: 'planned', outcomes: 0 }, 'still nothing recorded');

  const noToken = await postForm(app, as.publisher, page.confirm, { ...page.fields, _csrf: 'forged' });
  t.is(noToken.status, 403, 'no confirmation without the form’s token');
  t.is((await postForm(app, as.publisher, page.confirm, page.fields)).status, 303);
  const outcome = await app.deps.db.selectFrom('decision_outcomes').selectAll().where('decision_id', '=', id).executeTakeFirstOrThrow();
  t.like(outcome, { occurred_on: '2024-03-11', summary: 'Accepted the LUF2 grant\nand its conditions.', notice_url: form.noticeUrl });
});

test.serial('withdrawn goes through check your answers too; deferred, not final, goes straight through', async (t) => {
  const { app, as } = world;
  const id = await decisionIdByReference(app, 'KEY/18DEC23/01');
  const check = await postForm(app, as.publisher, `/admin/decisions/${id}/withdrawn`, { reason: 'Maintenance moves to the new county contract.' });
  t.is(check.status, 200);
  const html = await text(check);
  t.true(html.includes('Check your answers before withdrawing the decision'));
  t.true(html.includes('Maintenance moves to the new county contract.'));
  t.true(html.includes('2 April 2024 (today)'));
  t.deepEqual(await statusOf(id), { status: 'planned', outcomes: 0 });
  const page = checkAnswersForm(html);
  t.true((await text(await postForm(app, as.publisher, page.change, page.fields))).includes('>Maintenance moves to the new county contract.</textarea>'));
  t.is((await postForm(app, as.publisher, page.confirm, page.fields)).status, 303);
  t.deepEqual(await statusOf(id), { status: 'withdrawn', outcomes: 1 });

  const later = await decisionIdByReference(app, 'KEY/01JAN24/02');
  t.is((await postForm(app, as.publisher, `/admin/decisions/${later}/deferred`, { expectedDate: 'June 2024', reason: '' })).status, 303);
  t.deepEqual(await statusOf(later), { status: 'deferred', outcomes: 1 });
});
