import test from 'ava';
import { mergeEntities } from '../../src/reference-data/merge.ts';
import type { TestApp } from '../helpers/app.ts';
import { errorSummary } from '../auth/helpers.ts';
import { TEAM, decisionId, decode, memberId, sendComment, staff, startCommentsApp } from './helpers.ts';

let app: TestApp;
let close: () => Promise<void>;
test.before(async () => {
  ({ app, close } = await startCommentsApp({ commentRateLimitPerHour: 1000 }));
});
test.after.always(() => close?.());

const resultCount = (html: string) => /<p class="app-result-count" role="status">([^<]+)<\/p>/.exec(html)?.[1]?.trim();

test.serial('the inbox lists comments with their decision and filters by decision, status, date, Cabinet Member and overdue', async (t) => {
  const signals = await decisionId(app, 'KEY/25MAR24/01');
  const housing = await decisionId(app, 'KEY/25MAR24/02');
  const hiller = await memberId(app, 'peter-hiller');
  const elsey = await memberId(app, 'gavin-elsey');
  app.clock.set('2024-02-26T10:00:00Z');
  const a = await sendComment(app, { decision: String(signals), comment: 'About the signals', name: 'Ann Signals' });
  app.clock.set('2024-03-04T10:00:00Z');
  const b = await sendComment(app, { decision: String(housing), comment: 'About housing', responder: String(hiller) });
  const c = await sendComment(app, { comment: 'About the plan in general' });
  app.clock.set('2024-03-12T10:00:00Z');

  const editor = await staff(app, 'editor');
  const all = await (await editor.get('/admin/comments')).text();
  t.is(resultCount(all), '3 comments');
  for (const text of [a.reference, b.reference, c.reference, 'Award of Contract for Traffic Signals', 'The plan in general', 'Ann Signals']) t.true(decode(all).includes(text), text);

  const filtered = async (query: string) => resultCount(await (await editor.get(`/admin/comments?${query}`)).text());
  t.is(await filtered(`decision=${signals}`), '1 comment match your filters');
  t.is(await filtered('decision=general'), '1 comment match your filters');
  t.is(await filtered('status=received'), '3 comments match your filters');
  t.is(await filtered('status=closed'), '0 comments match your filters');
  t.is(await filtered('from=2024-03-01'), '2 comments match your filters');
  t.is(await filtered('to=2024-02-26'), '1 comment match your filters');
  t.is(await filtered(`member=${hiller}`), '1 comment match your filters', 'the member asked for');
  t.is(await filtered(`member=${elsey}`), '1 comment match your filters', "the decision's maker when none was asked for");
  // Received Monday 26 February: due Monday 11 March (10 working days), overdue on 12 March.
  t.is(await filtered('overdue=yes'), '1 comment match your filters');
  t.regex(all, /govuk-tag--red[^>]*>\s*Overdue/);

  const bad = await editor.get('/admin/comments?from=yesterday&status=lost');
  t.is(bad.status, 400);
});

test.serial('refer, respond and close: each change is recorded with who and when, and the defaults follow the decision', async (t) => {
  app.clock.set('2024-03-12T10:00:00Z');
  const signals = await decisionId(app, 'KEY/25MAR24/01');
  const elsey = await memberId(app, 'gavin-elsey');
  const bisby = await memberId(app, 'ray-bisby');
  const { id } = await sendComment(app, { decision: String(signals), comment: 'Route me' });
  const editor = await staff(app, 'editor', 'casey@council.example.gov.uk', 'Casey Officer');

  const page = await (await editor.get(`/admin/comments/${id}`)).text();
  t.regex(page, new RegExp(`value="${elsey}" checked`), 'the referral defaults to the decision maker');
  t.true(page.includes('alex@example.org'), 'staff see the contact details');

  app.clock.set('2024-03-12T10:20:00Z');
  const referred = await editor.post(`/admin/comments/${id}/refer`, { member: String(bisby), note: 'Children angle' });
  t.is(referred.status, 303);
  t.is(referred.headers.get('location'), `/admin/comments/${id}?done=referred`);

  const missing = await editor.post(`/admin/comments/${id}/respond`, { response: '', method: '', note: 'typed note' });
  t.is(missing.status, 400);
  const missingHtml = await missing.text();
  t.deepEqual(errorSummary(missingHtml).map(decode), ['#respond-response Enter the response that was sent', '#respond-method Choose how the response was sent']);
  t.true(missingHtml.includes('typed note'), 'what was typed comes back');

  app.clock.set('2024-03-12T10:40:00Z');
  t.is((await editor.post(`/admin/comments/${id}/respond`, { response: 'We have passed this on.', method: 'email', note: '' })).status, 303);
  t.is((await editor.post(`/admin/comments/${id}/respond`, { response: 'Twice', method: 'email' })).status, 400, 'a second response is refused');
  app.clock.set('2024-03-12T11:00:00Z');
  t.is((await editor.post(`/admin/comments/${id}/close`, { note: '' })).status, 303, 'a responded comment closes without a note');

  const row = await app.deps.db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  t.like(row, { status: 'closed', referred_to_id: bisby, response: 'We have passed this on.', response_method: 'email' });
  t.is(new Date(row.closed_at!).toISOString(), '2024-03-12T11:00:00.000Z');
  const history = await app.deps.db.selectFrom('comment_history').selectAll().where('comment_id', '=', id).orderBy('id').execute();
  t.deepEqual(
    history.map((h) => [h.action, h.from_status, h.to_status, h.actor, new Date(h.at).toISOString(), h.note]),
    [
      ['received', null, 'received', 'public', '2024-03-12T10:00:00.000Z', ''],
      ['referred', 'received', 'referred', 'staff', '2024-03-12T10:20:00.000Z', 'Referred to Ray Bisby. Children angle'],
      ['responded', 'referred', 'responded', 'staff', '2024-03-12T10:40:00.000Z', 'Response sent by email'],
      ['closed', 'responded', 'closed', 'staff', '2024-03-12T11:00:00.000Z', ''],
    ],
  );
  const shown = decode(await (await editor.get(`/admin/comments/${id}`)).text());
  t.true(shown.includes('Casey Officer'), 'the history names who made each change');
  t.true(shown.includes('12 March 2024 at 10:40am'), 'and when');
  t.true(shown.includes('Referred to Ray Bisby. Children angle'));
});

test.serial('closing without a response needs a reason; a closed comment cannot be referred', async (t) => {
  const { id } = await sendComment(app, { comment: 'Duplicate of another' });
  const editor = await staff(app, 'editor');
  const refused = await editor.post(`/admin/comments/${id}/close`, { note: '' });
  t.is(refused.status, 400);
  t.deepEqual(errorSummary(await refused.text()).map(decode), ['#close-note Say why the comment is closed without a response']);
  t.is((await editor.post(`/admin/comments/${id}/close`, { note: 'Duplicate of FPC-2024-000001' })).status, 303);
  const late = await editor.post(`/admin/comments/${id}/refer`, { member: String(await memberId(app, 'ray-bisby')) });
  t.is(late.status, 400);
  t.deepEqual(errorSummary(await late.text()).map(decode), ['#refer-member This comment can no longer be referred (it is now closed)']);
});

test.serial('the daily summary emails the team the overdue comments, once a working day', async (t) => {
  await app.deps.db.deleteFrom('outbox_messages').execute();
  app.clock.set('2024-03-12T08:30:00Z');
  t.regex(await app.deps.comments.overdue.sendSummary(), /overdue comment\(s\): summary queued/);
  t.regex(await app.deps.comments.overdue.sendSummary(), /already queued/);
  const [summary] = await app.deps.db.selectFrom('outbox_messages').selectAll().where('kind', '=', 'comment-overdue-summary').execute();
  t.is(summary!.to_address, TEAM);
  const overdue = await app.deps.db.selectFrom('comments').select('reference').where('received_at', '<', new Date('2024-02-27T00:00:00Z')).execute();
  for (const { reference } of overdue) t.true(summary!.text_body.includes(reference));
  t.true(summary!.text_body.includes('due 11 March 2024'));
  app.clock.set('2024-03-16T08:30:00Z');
  t.regex(await app.deps.comments.overdue.sendSummary(), /not a working day/);
});

test.serial("merging two decision makers moves comments' responders", async (t) => {
  const hiller = await memberId(app, 'peter-hiller');
  const { id } = await sendComment(app, { comment: 'For Peter', responder: String(hiller) });
  await app.deps.db.insertInto('decision_makers').values({ slug: 'p-hiller', name: 'P Hiller', kind: 'member' }).execute();
  const duplicate = await memberId(app, 'p-hiller');
  await app.deps.db.updateTable('comments').set({ referred_to_id: duplicate, referred_at: new Date(), status: 'referred' }).where('id', '=', id).execute();
  await mergeEntities(app.deps.db, 'decision_maker', 'p-hiller', 'peter-hiller');
  const row = await app.deps.db.selectFrom('comments').select(['requested_responder_id', 'referred_to_id']).where('id', '=', id).executeTakeFirstOrThrow();
  t.deepEqual(row, { requested_responder_id: hiller, referred_to_id: hiller });
});
