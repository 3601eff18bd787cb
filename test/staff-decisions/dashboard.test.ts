import test from 'ava';
import { noticeBreaches } from '../../src/decisions/staff/notice-breaches.ts';
import { errorSummary } from '../auth/helpers.ts';
import { decisionIdByTitle, decode, postForm, sharedStaffDecisionsWorld, text, validDecisionForm } from './helpers.ts';

const holder = sharedStaffDecisionsWorld(test);

async function createDraft(title: string, expectedDate: string, overrides: Record<string, string> = {}) {
  const { app, as } = holder.world;
  const response = await postForm(app, as.editor, '/admin/decisions', await validDecisionForm(app, { title, expectedDate, ...overrides }));
  if (response.status !== 303) throw new Error(`create gave ${response.status}`);
  return decisionIdByTitle(app, title);
}

const generalException = (day: string) => ({
  chairName: 'Cllr Jane Smith',
  'chairNotifiedOn-day': day, 'chairNotifiedOn-month': '2', 'chairNotifiedOn-year': '2024',
  'noticePublishedOn-day': day, 'noticePublishedOn-month': '2', 'noticePublishedOn-year': '2024',
  reasons: 'The grant offer expires on 8 March.',
});

test.serial('the sample plan: one real breach, a private decision a day inside its 28 clear days', async (t) => {
  const { app, as } = holder.world;
  const breaches = await noticeBreaches(app.deps.db, app.clock);
  t.deepEqual(breaches.map((b) => [b.title, b.rule, b.earliestLawfulDate]), [['Blue Sky Peterborough', 'regulation-5', '2024-03-23']]);
  const page = await text(await as.editor.get('/admin/dashboard'));
  t.true(page.includes('Notice rule breaches (1)'));
  t.regex(page, /Blue Sky Peterborough[\s\S]*Regulation 5 – notice of a decision in private[\s\S]*23 March 2024/);
});

test.serial('a key decision with too little notice breaks regulation 9 until a general exception with enough days is recorded', async (t) => {
  const { app, as } = holder.world;
  const id = await createDraft('Emergency bridge repairs', '11 March 2024');

  const breach = (await noticeBreaches(app.deps.db, app.clock)).find((b) => b.decisionId === id);
  t.like(breach, { title: 'Emergency bridge repairs', reference: null, rule: 'regulation-9', earliestLawfulDate: '2024-03-26' });
  t.regex(breach!.message, /expected on 11 March 2024, but the earliest lawful date is 26 March 2024/);

  const dashboard = await text(await as.editor.get('/admin/dashboard'));
  t.true(dashboard.includes('Notice rule breaches (2)'));
  t.regex(dashboard, /Emergency bridge repairs[\s\S]*?Regulation 9 – 28 clear days’ notice of a key decision[\s\S]*?26 March 2024/);
  t.regex(await text(await as.editor.get('/admin/decisions?status=draft')), /Emergency bridge repairs[\s\S]*?Breaks the rules[\s\S]*?Regulation 9/, 'the list marks it');

  // Publication judges it as if published on the plan's date.
  t.false((await noticeBreaches(app.deps.db, app.clock, { asIfPublishedOn: '2024-02-01' })).some((b) => b.decisionId === id));
  await t.throwsAsync(noticeBreaches(app.deps.db, app.clock, { asIfPublishedOn: '1 March' }), { instanceOf: RangeError });

  // The form shows the earliest date the exception's dates give.
  const invalid = await postForm(app, as.publisher, `/admin/decisions/${id}/general-exception`, { ...generalException('26'), reasons: '' });
  t.is(invalid.status, 400);
  const invalidHtml = decode(await invalid.text());
  t.deepEqual(errorSummary(invalidHtml), ['#reasons Enter why 28 clear days’ notice is impracticable']);
  t.true(invalidHtml.includes('may be taken on <strong>3 March 2024</strong> at the earliest'));

  t.is((await postForm(app, as.editor, `/admin/decisions/${id}/general-exception`, generalException('26'))).status, 403, 'editors do not record exceptions');
  const saved = await postForm(app, as.publisher, `/admin/decisions/${id}/general-exception`, generalException('26'));
  t.is(saved.status, 303);
  t.false((await noticeBreaches(app.deps.db, app.clock)).some((b) => b.decisionId === id), 'cleared');
  const after = await text(await as.editor.get('/admin/dashboard'));
  t.true(after.includes('Notice rule breaches (1)'));
  t.false(after.includes('Emergency bridge repairs</a><br>'));
  const staffPage = await text(await as.editor.get(`/admin/decisions/${id}`));
  t.regex(staffPage, /Earliest date it may be taken<\/dt>\s*<dd[^>]*><strong>3 March 2024<\/strong>/);
  t.true(staffPage.includes('Meets the rules'));

  const change = await app.deps.db.selectFrom('decision_changes').selectAll().where('decision_id', '=', id).where('action', '=', 'exception').executeTakeFirstOrThrow();
  t.like(change.fields, { regulation_10: { from: null, to: { agreedBy: 'Cllr Jane Smith', chairNotifiedOn: '2024-02-26', noticePublishedOn: '2024-02-26' } } });
});

test.serial('a general exception with too few clear days is still a breach, named as regulation 10', async (t) => {
  const { app, as } = holder.world;
  const id = await createDraft('Flood defence works', '1 March 2024');
  t.is((await postForm(app, as.publisher, `/admin/decisions/${id}/general-exception`, generalException('26'))).status, 303);
  const breach = (await noticeBreaches(app.deps.db, app.clock)).find((b) => b.decisionId === id);
  t.like(breach, { rule: 'regulation-10', earliestLawfulDate: '2024-03-03' });
  t.regex(await text(await as.editor.get('/admin/dashboard')), /Flood defence works[\s\S]*?Regulation 10 – general exception[\s\S]*?3 March 2024/);

  const urgency = {
    agreedBy: 'Cllr Jane Smith', agreedByRole: 'scrutiny_chair',
    'agreedOn-day': '26', 'agreedOn-month': '2', 'agreedOn-year': '2024', reasons: 'Storm forecast for the first week of March.',
  };
  const missingRole = await postForm(app, as.publisher, `/admin/decisions/${id}/special-urgency`, { ...urgency, agreedByRole: '' });
  t.deepEqual(errorSummary(decode(await missingRole.text())), ['#agreedByRole Select who agreed: the scrutiny chair or, failing that, the chair then vice-chair of the council']);
  t.is((await postForm(app, as.publisher, `/admin/decisions/${id}/special-urgency`, urgency)).status, 303);
  t.false((await noticeBreaches(app.deps.db, app.clock)).some((b) => b.decisionId === id), 'special urgency allows it');
});

test.serial('regulation 5: a separate notice of intention clears a private decision; notices are only for Part 2', async (t) => {
  const { app, as } = holder.world;
  const blueSky = await decisionIdByTitle(app, 'Blue Sky Peterborough');
  const notice = { 'intentionPublishedOn-day': '20', 'intentionPublishedOn-month': '2', 'intentionPublishedOn-year': '2024', representations: '', response: '' };
  const future = await postForm(app, as.publisher, `/admin/decisions/${blueSky}/private-notice`, { ...notice, 'intentionPublishedOn-day': '28' });
  t.deepEqual(errorSummary(decode(await future.text())), ['#intentionPublishedOn-day The date the notice of intention was published must be today or in the past']);
  t.is((await postForm(app, as.publisher, `/admin/decisions/${blueSky}/private-notice`, notice)).status, 303);
  t.false((await noticeBreaches(app.deps.db, app.clock)).some((b) => b.decisionId === blueSky));
  t.is((await app.deps.db.selectFrom('decision_changes').select('action').where('decision_id', '=', blueSky).executeTakeFirstOrThrow()).action, 'private_notice');

  const keyDecision = await createDraft('Not private', '1 June 2024');
  const refused = await postForm(app, as.publisher, `/admin/decisions/${keyDecision}/private-notice`, notice);
  t.is(refused.status, 409);
  t.true((await as.publisher.get(`/admin/decisions/${keyDecision}/private-notice`).then(text)).includes('only for decisions in Part 2'));
});

test.serial('a private key decision must meet regulation 9 as well as regulation 5', async (t) => {
  const { app } = holder.world;
  const id = await createDraft('Purchase of the Old Mill', '15 March 2024', { part: 'private', isKey: 'yes', exemptParagraph: '3' });
  const rules = (await noticeBreaches(app.deps.db, app.clock)).filter((b) => b.decisionId === id).map((b) => b.rule);
  t.deepEqual(rules, ['regulation-5', 'regulation-9']);
});
