import { createHash, randomBytes } from 'node:crypto';
import test from 'ava';
import { errorSummary } from '../auth/helpers.ts';
import { decisionIdByReference, decisionIdByTitle, decode, postAndConfirm, postForm, sharedStaffDecisionsWorld, text } from './helpers.ts';

const holder = sharedStaffDecisionsWorld(test);

const TAKEN = {
  'takenOn-day': '26',
  'takenOn-month': '2',
  'takenOn-year': '2024',
  decisionMaker: 'Cabinet',
  summary: 'Approved the award of the Bikeability contract to Cycle Safe Ltd.',
  reasons: 'Best value of the three compliant bids.',
  alternatives: 'Not delivering Bikeability in 2024/25: rejected, as grant funding would be lost.',
  noticeUrl: 'https://democracy.example.gov.uk/notice/123',
};

/** A resident who follows every decision, confirmed, so an outcome queues an alert for them. */
async function subscribeResident() {
  const { app } = holder.world;
  const email = 'resident@example.org';
  await app.deps.db
    .insertInto('alert_subscriptions')
    .values({
      email,
      address_hash: createHash('sha256').update(email).digest('hex'),
      filters: '{}',
      confirm_token_hash: createHash('sha256').update(randomBytes(16)).digest('hex'),
      created_at: new Date('2024-02-01T10:00:00Z'),
      confirmed_at: new Date('2024-02-01T10:05:00Z'),
      expires_at: null,
    })
    .execute();
}

test.serial('taken: every problem is shown and the values are kept', async (t) => {
  const { app, as } = holder.world;
  const id = await decisionIdByReference(app, 'KEY/04DEC23/04');
  const form = await text(await as.publisher.get(`/admin/decisions/${id}/taken`));
  t.true(form.includes('value="Gavin Elsey, Cabinet Member for Infrastructure, Environment and Climate Change"'), 'the decision maker is filled in, with the portfolio');
  const response = await postForm(app, as.publisher, `/admin/decisions/${id}/taken`, {
    'takenOn-day': '30', 'takenOn-month': '2', 'takenOn-year': '2024',
    decisionMaker: '', summary: '', reasons: 'Kept reasons', alternatives: '', noticeUrl: 'javascript:alert(1)',
  });
  t.is(response.status, 400);
  const html = decode(await response.text());
  t.deepEqual(errorSummary(html), [
    '#takenOn-day The date the decision was taken must be a real date, for example 27 3 2024',
    '#decisionMaker Enter who took the decision',
    '#summary Enter a summary of the decision',
    '#alternatives Enter the alternative options considered and rejected, or say that there were none',
    '#noticeUrl Enter the address of the decision notice starting https://, for example https://democracy.example.gov.uk/notice/123',
  ]);
  t.true(html.includes('Kept reasons'));
  t.regex(html, /name="takenOn-day" type="text" value="30"/);

  const future = await postForm(app, as.publisher, `/admin/decisions/${id}/taken`, { ...TAKEN, 'takenOn-day': '27' });
  t.is(future.status, 400);
  t.deepEqual(errorSummary(decode(await future.text())), ['#takenOn-day The date the decision was taken must be today or in the past']);
  t.is((await app.deps.db.selectFrom('decisions').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'planned');
});

test.serial('taken: the regulation 12/13 record, a public event, an alert queued in the same transaction, and it is final', async (t) => {
  const { app, as, anonymous, users } = holder.world;
  await subscribeResident();
  const id = await decisionIdByReference(app, 'KEY/04DEC23/04');
  t.is((await as.editor.get(`/admin/decisions/${id}/taken`)).status, 403, 'editors do not record outcomes');
  t.is((await postForm(app, as.editor, `/admin/decisions/${id}/taken`, TAKEN)).status, 403);
  t.is((await postForm(app, as.editor, `/admin/decisions/${id}/taken/confirm`, TAKEN)).status, 403);

  const response = await postAndConfirm(app, as.publisher, `/admin/decisions/${id}/taken`, TAKEN);
  t.is(response.status, 303);
  t.is(response.headers.get('location'), `/admin/decisions/${id}?done=taken`);

  const outcome = await app.deps.db.selectFrom('decision_outcomes').selectAll().where('decision_id', '=', id).executeTakeFirstOrThrow();
  t.like(outcome, { kind: 'taken', occurred_on: '2024-02-26', decision_maker: 'Cabinet', summary: TAKEN.summary, reasons: TAKEN.reasons, alternatives_considered: TAKEN.alternatives, notice_url: TAKEN.noticeUrl, recorded_by: users.publisher.id });
  t.is((await app.deps.db.selectFrom('decisions').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'taken');
  const event = await app.deps.db.selectFrom('decision_events').selectAll().where('decision_id', '=', id).where('kind', '=', 'taken').executeTakeFirstOrThrow();
  t.deepEqual(event.details, { takenOn: '2024-02-26', decisionMaker: 'Cabinet', summary: TAKEN.summary, noticeUrl: TAKEN.noticeUrl });
  const change = await app.deps.db.selectFrom('decision_changes').selectAll().where('decision_id', '=', id).executeTakeFirstOrThrow();
  t.like(change, { action: 'outcome', user_id: users.publisher.id });
  t.deepEqual(change.fields.status, { from: 'planned', to: 'taken' });

  const alerts = await app.deps.db.selectFrom('outbox_messages').select(['to_address', 'text_body']).where('to_address', '=', 'resident@example.org').execute();
  t.is(alerts.length, 1, 'one alert queued for the subscriber');
  t.true(alerts[0]!.text_body.includes('Award of Bikeability Contract'));
  const notified = await app.deps.db.selectFrom('alert_notified_events').select('event_id').execute();
  t.deepEqual(notified.map((n) => Number(n.event_id)), [Number(event.id)]);

  const publicPage = await text(await anonymous.get(`/decisions/${id}`));
  for (const part of ['Decision taken on 26 February 2024', TAKEN.summary, TAKEN.reasons, TAKEN.alternatives, `href="${TAKEN.noticeUrl}"`]) {
    t.true(publicPage.includes(part), part);
  }
  const api = (await (await anonymous.get(`/api/v1/decisions/${id}`)).json()) as { status: string; outcome: Record<string, unknown> };
  t.is(api.status, 'taken');
  t.like(api.outcome, { kind: 'taken', takenOn: '2024-02-26', summary: TAKEN.summary, alternativesConsidered: TAKEN.alternatives });

  const again = await postForm(app, as.publisher, `/admin/decisions/${id}/taken`, TAKEN);
  t.is(again.status, 409, 'taken is final');
  t.regex(errorSummary(decode(await again.text()))[0] ?? '', /already been recorded as taken/);
  const withdraw = await postForm(app, as.admin, `/admin/decisions/${id}/withdrawn`, { reason: 'Changed our minds' });
  t.is(withdraw.status, 409);
  t.is((await app.deps.db.selectFrom('decision_outcomes').select('id').where('decision_id', '=', id).execute()).length, 1);
  await t.throwsAsync(
    app.deps.db.insertInto('decision_outcomes').values({ decision_id: id, kind: 'withdrawn', occurred_on: '2024-02-26', withdrawal_reason: 'x', recorded_at: new Date() }).execute(),
    undefined,
    'and the database refuses a second final outcome',
  );
});

test.serial('withdrawn: a reason is required; then the decision leaves the plan with the reason public', async (t) => {
  const { app, as, anonymous } = holder.world;
  const id = await decisionIdByReference(app, 'KEY/15JAN24/06');
  const empty = await postForm(app, as.publisher, `/admin/decisions/${id}/withdrawn`, { reason: '   ' });
  t.is(empty.status, 400);
  t.deepEqual(errorSummary(decode(await empty.text())), ['#reason Enter why the decision was withdrawn']);

  const response = await postAndConfirm(app, as.publisher, `/admin/decisions/${id}/withdrawn`, { reason: 'The scheme will be delivered by the county council.' });
  t.is(response.status, 303);
  t.is((await app.deps.db.selectFrom('decisions').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'withdrawn');
  const event = await app.deps.db.selectFrom('decision_events').selectAll().where('decision_id', '=', id).where('kind', '=', 'withdrawn').executeTakeFirstOrThrow();
  t.deepEqual(event.details, { reason: 'The scheme will be delivered by the county council.' });
  const page = await text(await anonymous.get(`/decisions/${id}`));
  t.true(page.includes('Withdrawn on 26 February 2024'));
  t.true(page.includes('The scheme will be delivered by the county council.'));
  t.is((await app.deps.db.selectFrom('outbox_messages').select('id').where('to_address', '=', 'resident@example.org').execute()).length, 2, 'the follower is told');
});

test.serial('deferred: the new date is read as plans print it, must be new and not past; status deferred, a public event', async (t) => {
  const { app, as, anonymous } = holder.world;
  const id = await decisionIdByReference(app, 'KEY/12FEB24/03');
  const bad = await postForm(app, as.publisher, `/admin/decisions/${id}/deferred`, { expectedDate: 'next Tuesday', reason: 'Kept reason' });
  t.is(bad.status, 400);
  const badHtml = decode(await bad.text());
  t.deepEqual(errorSummary(badHtml), ["#expectedDate 'next Tuesday' is not a date; give a date such as 11 March 2024 or May 2024"]);
  t.true(badHtml.includes('Kept reason'));
  const same = await postForm(app, as.publisher, `/admin/decisions/${id}/deferred`, { expectedDate: '11 March 2024', reason: '' });
  t.deepEqual(errorSummary(decode(await same.text())), ['#expectedDate The new expected date is the same as the current one']);
  const past = await postForm(app, as.publisher, `/admin/decisions/${id}/deferred`, { expectedDate: 'January 2024', reason: '' });
  t.deepEqual(errorSummary(decode(await past.text())), ['#expectedDate The new expected date must be today or later']);

  const response = await postForm(app, as.publisher, `/admin/decisions/${id}/deferred`, { expectedDate: '8 April', reason: 'Awaiting the contract terms.' });
  t.is(response.status, 303);
  const row = await app.deps.db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  t.like(row, { status: 'deferred', expected_date: '2024-04-08', expected_precision: 'day', expected_date_text: '8 April' });
  const outcome = await app.deps.db.selectFrom('decision_outcomes').selectAll().where('decision_id', '=', id).executeTakeFirstOrThrow();
  t.like(outcome, { kind: 'deferred', new_expected_date: '2024-04-08', new_expected_precision: 'day' });
  const event = await app.deps.db.selectFrom('decision_events').selectAll().where('decision_id', '=', id).where('kind', '=', 'deferred').executeTakeFirstOrThrow();
  t.deepEqual(event.details, {
    from: { date: '2024-03-11', precision: 'day', text: '11 March 2024' },
    to: { date: '2024-04-08', precision: 'day', text: '8 April' },
    reason: 'Awaiting the contract terms.',
  });
  const page = await text(await anonymous.get(`/decisions/${id}`));
  t.true(page.includes('Deferred from 11 March 2024 to 8 April 2024. Awaiting the contract terms.'));
  t.true((await text(await as.publisher.get(`/admin/decisions/${id}?done=deferred`))).includes('was read as <strong>8 April 2024</strong>'));
  t.is((await postForm(app, as.publisher, `/admin/decisions/${id}/deferred`, { expectedDate: 'May 2024', reason: '' })).status, 303, 'a deferred decision can be deferred again');
  t.is((await app.deps.db.selectFrom('outbox_messages').select('id').where('to_address', '=', 'resident@example.org').execute()).length, 2, 'deferral sends no alert');
});

test.serial('a draft cannot be withdrawn or deferred, and can be taken only under a recorded exception', async (t) => {
  const { app, as } = holder.world;
  const form = { title: 'Urgent repairs to the Lido', part: 'key' };
  const { validDecisionForm } = await import('./helpers.ts');
  t.is((await postForm(app, as.editor, '/admin/decisions', await validDecisionForm(app, { ...form, expectedDate: '20 February 2024' }))).status, 303);
  const id = await decisionIdByTitle(app, 'Urgent repairs to the Lido');
  const withdrawn = await postForm(app, as.publisher, `/admin/decisions/${id}/withdrawn`, { reason: 'x' });
  t.is(withdrawn.status, 409);
  t.regex(errorSummary(decode(await withdrawn.text()))[0] ?? '', /draft and has never been published/);
  t.is((await postForm(app, as.publisher, `/admin/decisions/${id}/deferred`, { expectedDate: 'May 2024' })).status, 409);
  const page = await text(await as.publisher.get(`/admin/decisions/${id}/taken`));
  t.true(page.includes('Record the general exception (regulation 10) or special urgency agreement (regulation 11)'), 'the form says why it is not offered');
  t.is((await postForm(app, as.publisher, `/admin/decisions/${id}/taken`, TAKEN)).status, 409);

  const urgency = await postForm(app, as.publisher, `/admin/decisions/${id}/special-urgency`, {
    agreedBy: 'Cllr Jane Smith', agreedByRole: 'scrutiny_chair', 'agreedOn-day': '19', 'agreedOn-month': '2', 'agreedOn-year': '2024',
    reasons: 'The pool roof is unsafe.',
  });
  t.is(urgency.status, 303);
  t.is((await postAndConfirm(app, as.publisher, `/admin/decisions/${id}/taken`, TAKEN)).status, 303);
  t.is((await app.deps.db.selectFrom('decisions').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'taken');
});
