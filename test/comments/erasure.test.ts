import test from 'ava';
import type { TestApp } from '../helpers/app.ts';
import { createScheduler } from '../../src/scheduler/scheduler.ts';
import { commentJobs } from '../../src/comments/comment-jobs.ts';
import { collectingLog } from '../scheduler/helpers.ts';
import { decode, sendComment, staff, startCommentsApp } from './helpers.ts';

let app: TestApp;
let close: () => Promise<void>;
test.before(async () => {
  ({ app, close } = await startCommentsApp({ commentRateLimitPerHour: 1000, commentRetentionMonths: 12 }));
});
test.after.always(() => close?.());

const row = (id: number) => app.deps.db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const acks = async () => (await app.deps.db.selectFrom('outbox_messages').select('dedupe_key').where('kind', '=', 'comment-ack').execute()).map((r) => r.dedupe_key);

test.serial("a publisher erases one person's data on request, optionally every comment from the same email; editors cannot", async (t) => {
  app.clock.set('2024-02-26T10:00:00Z');
  const first = await sendComment(app, { comment: 'First', name: 'Erin Erase', email: 'erin@example.org', telephone: '01632 960 001', address: '1 Road' });
  const second = await sendComment(app, { comment: 'Second', name: 'Erin E', email: 'ERIN@example.org' });
  const other = await sendComment(app, { comment: 'Other person', name: 'Olly Other', email: 'olly@example.org' });

  const editor = await staff(app, 'editor');
  t.is((await editor.get(`/admin/comments/${first.id}/erase`)).status, 403);
  t.is((await editor.post(`/admin/comments/${first.id}/erase`, { scope: 'same-email' })).status, 403);
  t.false((await (await editor.get(`/admin/comments/${first.id}`)).text()).includes('/erase"'), 'editors are not offered it');

  const publisher = await staff(app, 'publisher', 'pat.publisher@council.example.gov.uk', 'Pat Publisher');
  const confirm = decode(await (await publisher.get(`/admin/comments/${first.id}/erase`)).text());
  t.true(confirm.includes('This comment and 1 other comment sent from erin@example.org'));
  const erased = await publisher.post(`/admin/comments/${first.id}/erase`, { scope: 'same-email' });
  t.is(erased.status, 303);

  for (const { id, body } of [{ ...first, body: 'First' }, { ...second, body: 'Second' }]) {
    t.like(await row(id), { name: null, email: null, telephone: null, address: null, body, status: 'received' });
    t.is(new Date((await row(id)).erased_at!).toISOString(), '2024-02-26T10:00:00.000Z');
  }
  t.like(await row(other.id), { name: 'Olly Other', email: 'olly@example.org', erased_at: null });
  t.deepEqual(await acks(), [`comment-ack-${other.reference}`], "the erased people's acknowledgements left the outbox");
  const history = await app.deps.db.selectFrom('comment_history as h').innerJoin('users as u', 'u.id', 'h.user_id').select(['h.comment_id', 'h.action', 'h.note', 'u.name']).where('h.action', '=', 'erased').orderBy('h.comment_id').execute();
  t.deepEqual(history, [
    { comment_id: first.id, action: 'erased', note: "At the person's request", name: 'Pat Publisher' },
    { comment_id: second.id, action: 'erased', note: "At the person's request", name: 'Pat Publisher' },
  ]);
  const page = decode(await (await publisher.get(`/admin/comments/${first.id}`)).text());
  t.true(page.includes('were erased on 26 February 2024'));
  t.false(page.includes('erin@example.org'));
});

test.serial('the retention job erases exactly the personal data of comments closed longer ago than the period, and nothing else', async (t) => {
  await app.deps.db.deleteFrom('outbox_messages').execute();
  app.clock.set('2024-01-05T10:00:00Z');
  const expired = await sendComment(app, { comment: 'Closed long ago', name: 'Old Closed', email: 'old@example.org', telephone: '01632 960 002' });
  const responded = await sendComment(app, { comment: 'Responded long ago, never closed', name: 'Still Open', email: 'open@example.org' });
  const open = await sendComment(app, { comment: 'Never answered', name: 'Waiting Person', address: '5 Lane' });
  app.clock.set('2024-03-01T10:00:00Z');
  const recent = await sendComment(app, { comment: 'Closed recently', name: 'Recent Closed', email: 'recent@example.org' });

  // Closed 1 February 2024 12:00 and 1 March 2024: the period (12 months) ends 1 February 2025 12:00 and 1 March 2025.
  await app.deps.db.updateTable('comments').set({ status: 'closed', closed_at: new Date('2024-02-01T12:00:00Z'), response: 'Answered', response_method: 'letter', responded_at: new Date('2024-01-20T12:00:00Z') }).where('id', '=', expired.id).execute();
  await app.deps.db.updateTable('comments').set({ status: 'responded', response: 'Answered too', response_method: 'email', responded_at: new Date('2024-01-20T12:00:00Z') }).where('id', '=', responded.id).execute();
  await app.deps.db.updateTable('comments').set({ status: 'closed', closed_at: new Date('2024-03-01T12:00:00Z') }).where('id', '=', recent.id).execute();
  const before = await Promise.all([responded, open, recent].map((c) => row(c.id)));

  const scheduler = createScheduler({ db: app.deps.db, clock: app.clock, log: collectingLog() });
  for (const job of commentJobs(app.deps.comments)) scheduler.register(job);

  app.clock.set('2025-02-01T11:00:00Z');
  await app.deps.comments.erasure.eraseExpired();
  t.is((await row(expired.id)).erased_at, null, 'an hour before the period ends, nothing is erased');

  app.clock.set('2025-02-02T03:00:00Z');
  const reports = await scheduler.runDue();
  const retention = reports.find((r) => r.job === 'comment-retention');
  t.is(retention?.outcome, 'succeeded');
  t.regex(retention?.message ?? '', /erased the personal data of 1 comment/);

  t.like(await row(expired.id), { name: null, email: null, telephone: null, address: null, body: 'Closed long ago', response: 'Answered', response_method: 'letter', status: 'closed' });
  t.is(new Date((await row(expired.id)).erased_at!).toISOString(), '2025-02-02T03:00:00.000Z');
  t.deepEqual(await Promise.all([responded, open, recent].map((c) => row(c.id))), before, 'the others are untouched');
  const history = await app.deps.db.selectFrom('comment_history').selectAll().where('action', '=', 'erased').where('comment_id', '=', expired.id).execute();
  t.like(history, [{ actor: 'system', user_id: null, from_status: 'closed', to_status: 'closed', note: 'Retention period of 12 months after closing ended' }]);
  t.deepEqual((await acks()).sort(), [responded, open, recent].map((c) => `comment-ack-${c.reference}`).sort(), "only the erased comment's acknowledgement left the outbox");

  app.clock.set('2025-02-03T03:00:00Z');
  t.is(await app.deps.comments.erasure.eraseExpired(), 0, 'running again erases nothing more');
});

test.serial('comment history is append-only', async (t) => {
  await t.throwsAsync(app.deps.db.updateTable('comment_history').set({ note: 'rewritten' }).execute(), { message: /cannot be changed/ });
  await t.throwsAsync(app.deps.db.deleteFrom('comment_history').execute(), { message: /cannot be changed/ });
});

test.serial('the database refuses a comment with no way to reply, or personal data left after erasure', async (t) => {
  const base = { reference: 'FPC-2024-999999', body: 'x', received_at: new Date(), updated_at: new Date() };
  await t.throwsAsync(app.deps.db.insertInto('comments').values({ ...base, name: 'No Contact' }).execute(), { message: /comments_contact_until_erased/ });
  await t.throwsAsync(app.deps.db.insertInto('comments').values({ ...base, name: 'Still Here', email: 'a@example.org', erased_at: new Date() }).execute(), { message: /comments_nothing_personal_after_erasure/ });
});
