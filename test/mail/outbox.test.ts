import test, { type ExecutionContext } from 'ava';
import { sql } from 'kysely';
import { testConfig, type Config } from '../../src/config/config.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { claimNextDueMail } from '../../src/mail/outbox.repository.ts';
import { createMailer, drainOutbox } from '../../src/mail/outbox.service.ts';
import type { OutgoingMail } from '../../src/mail/outgoing-mail.ts';
import { createMailTransport } from '../../src/mail/transport.ts';
import type { DbHandle } from '../../src/db/create-db.ts';
import { freshDb } from '../helpers/db.ts';
import { startSmtpSink } from './smtp-sink.ts';

const MINUTE = 60_000;
const START = '2026-11-23T09:00:00Z';

// One database for the file (building one takes seconds); the tests run one after another and
// each starts from an empty outbox.
let handle: DbHandle;
test.before(async () => {
  handle = await freshDb();
});
test.after.always(() => handle.close());
test.beforeEach(() => sql`TRUNCATE outbox_messages RESTART IDENTITY`.execute(handle.db));

async function setup(t: ExecutionContext, overrides: Partial<Config> = {}, sinkOptions: { delayMs?: number } = {}) {
  const { db } = handle;
  const sink = await startSmtpSink(sinkOptions);
  t.teardown(sink.close);
  const clock = new ManualClock(START);
  const config = testConfig({ smtpUrl: sink.url, baseUrl: 'https://forwardplan.example.gov.uk', ...overrides });
  return { db, sink, clock, config, mail: createMailer(config, db, clock) };
}

function digest(n: number, extra: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    to: `resident${n}@example.org`,
    subject: `Forward Plan: new decisions in your wards (${n})`,
    text: 'Two decisions were added to the plan published on 23 February 2024.',
    html: '<p>Two decisions were added to the plan published on 23 February 2024.</p>',
    headers: {
      'List-Unsubscribe': `<https://forwardplan.example.gov.uk/alerts/unsubscribe/token-${n}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    kind: 'alert-digest',
    ...extra,
  };
}

test.serial('a queued message arrives once, with its unsubscribe headers and a stable Message-ID', async (t) => {
  const { db, sink, clock, config, mail } = await setup(t);
  const { id, queued } = await mail.enqueue(db, digest(1));
  t.true(queued);

  t.deepEqual(await mail.drain(), { sent: 1, failed: 0, retried: 0 });
  t.deepEqual(await mail.drain(), { sent: 0, failed: 0, retried: 0 });

  t.is(sink.received.length, 1);
  const [message] = sink.received;
  t.deepEqual(message?.recipients, ['resident1@example.org']);
  t.is(message?.headers.get('list-unsubscribe'), '<https://forwardplan.example.gov.uk/alerts/unsubscribe/token-1>');
  t.is(message?.headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
  t.is(message?.headers.get('message-id'), `<outbox-${id}@forwardplan.example.gov.uk>`);
  t.is(message?.headers.get('from'), config.mailFrom);
  t.is(message?.headers.get('subject'), 'Forward Plan: new decisions in your wards (1)');
  t.regex(message?.raw ?? '', /plan published on 23 February 2024/);

  const row = await db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  t.is(row.status, 'sent');
  t.is(row.attempts, 1);
  t.deepEqual(row.sent_at, clock.now());
});

test.serial('a message queued in a transaction that rolls back is never sent', async (t) => {
  const { db, sink, mail } = await setup(t);
  await t.throwsAsync(
    db.transaction().execute(async (trx) => {
      await mail.enqueue(trx, digest(1));
      throw new Error('the publication failed');
    }),
    { message: 'the publication failed' },
  );
  await db.transaction().execute((trx) => mail.enqueue(trx, digest(2)));

  t.deepEqual(await mail.drain(), { sent: 1, failed: 0, retried: 0 });
  t.deepEqual(
    sink.received.map((m) => m.recipients),
    [['resident2@example.org']],
  );
});

test.serial('a dedupe key already queued queues no second copy', async (t) => {
  const { db, sink, mail } = await setup(t);
  const key = 'alert-digest:plan-7:subscription-3';
  const first = await db.transaction().execute((trx) => mail.enqueue(trx, digest(1, { dedupeKey: key })));
  const again = await db.transaction().execute((trx) => mail.enqueue(trx, digest(1, { dedupeKey: key })));
  t.deepEqual(again, { id: first.id, queued: false });

  await mail.drain();
  const afterSending = await mail.enqueue(db, digest(1, { dedupeKey: key }));
  t.deepEqual(afterSending, { id: first.id, queued: false });
  t.deepEqual(await mail.drain(), { sent: 0, failed: 0, retried: 0 });
  t.is(sink.received.length, 1);
});

test.serial('a temporary SMTP failure is retried after the backoff, then delivered once', async (t) => {
  const { db, sink, clock, mail } = await setup(t);
  const { id } = await mail.enqueue(db, digest(1));
  sink.refuseNext(451, 451);

  t.deepEqual(await mail.drain(), { sent: 0, failed: 0, retried: 1 });
  let row = await db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  t.is(row.status, 'pending');
  t.deepEqual(row.next_attempt_at, new Date(clock.now().getTime() + MINUTE));
  t.regex(row.last_error ?? '', /451/);

  clock.advance(MINUTE - 1000);
  t.deepEqual(await mail.drain(), { sent: 0, failed: 0, retried: 0 }, 'not before the first minute is up');
  clock.advance(1000);
  t.deepEqual(await mail.drain(), { sent: 0, failed: 0, retried: 1 });

  clock.advance(2 * MINUTE - 1000);
  t.deepEqual(await mail.drain(), { sent: 0, failed: 0, retried: 0 }, 'the second wait is two minutes');
  clock.advance(1000);
  t.deepEqual(await mail.drain(), { sent: 1, failed: 0, retried: 0 });

  t.is(sink.received.length, 1);
  row = await db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  t.like(row, { status: 'sent', attempts: 3, last_error: null });
});

test.serial('after MAIL_MAX_ATTEMPTS temporary failures a message is failed and left alone', async (t) => {
  const { db, sink, clock, mail } = await setup(t, { mailMaxAttempts: 3 });
  const { id } = await mail.enqueue(db, digest(1));
  await mail.enqueue(db, digest(2));
  sink.refuseEveryone(421);

  t.deepEqual(await mail.drain(), { sent: 0, failed: 0, retried: 2 });
  clock.advance(MINUTE);
  t.deepEqual(await mail.drain(), { sent: 0, failed: 0, retried: 2 });
  clock.advance(2 * MINUTE);
  t.deepEqual(await mail.drain(), { sent: 0, failed: 2, retried: 0 });

  sink.refuseEveryone(undefined);
  clock.advance(24 * 60 * MINUTE);
  t.deepEqual(await mail.drain(), { sent: 0, failed: 0, retried: 0 });
  t.is(sink.received.length, 0);
  const row = await db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  t.like(row, { status: 'failed', attempts: 3 });
});

test.serial('a recipient the server rejects outright is failed at once, and the others still go', async (t) => {
  const { db, sink, mail } = await setup(t);
  const { id } = await mail.enqueue(db, digest(1));
  await mail.enqueue(db, digest(2));
  sink.refuseNext(550);

  t.deepEqual(await mail.drain(), { sent: 1, failed: 1, retried: 0 });
  const row = await db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  t.like(row, { status: 'failed', attempts: 1 });
  t.regex(row.last_error ?? '', /550/);
  t.deepEqual(
    sink.received.map((m) => m.recipients),
    [['resident2@example.org']],
  );
});

test.serial('a message claimed by a drain that crashed is sent once after its lease expires', async (t) => {
  const { db, sink, clock, mail } = await setup(t);
  const { id } = await mail.enqueue(db, digest(1));
  const lease = 300_000;
  const crashed = await claimNextDueMail(db, clock.now(), new Date(clock.now().getTime() + lease));
  t.is(crashed?.id, id);

  t.deepEqual(await mail.drain({ leaseSeconds: 300 }), { sent: 0, failed: 0, retried: 0 }, 'still leased');
  clock.advance(lease - 1000);
  t.deepEqual(await mail.drain({ leaseSeconds: 300 }), { sent: 0, failed: 0, retried: 0 }, 'still leased');
  clock.advance(1000);
  t.deepEqual(await mail.drain({ leaseSeconds: 300 }), { sent: 1, failed: 0, retried: 0 });
  clock.advance(lease * 2);
  t.deepEqual(await mail.drain({ leaseSeconds: 300 }), { sent: 0, failed: 0, retried: 0 });

  t.is(sink.received.length, 1);
  t.is(sink.received[0]?.headers.get('message-id'), `<outbox-${id}@forwardplan.example.gov.uk>`);
});

test.serial('two drains running at once deliver each message exactly once', async (t) => {
  const { db, sink, clock, config } = await setup(t, {}, { delayMs: 5 });
  const count = 30;
  for (let n = 1; n <= count; n++) await createMailer(config, db, clock).enqueue(db, digest(n));

  // Two service instances: each its own transport, sharing only the database.
  const drain = () => drainOutbox({ db, clock, transport: createMailTransport(config) });
  const results = await Promise.all([drain(), drain()]);
  t.log(`sent by each drain: ${results.map((r) => r.sent).join(' + ')}`);

  t.is(results[0].sent + results[1].sent, count);
  const recipients = sink.received.flatMap((m) => m.recipients);
  t.is(recipients.length, count);
  t.is(new Set(recipients).size, count);
  const unsent = await db.selectFrom('outbox_messages').select('id').where('status', '!=', 'sent').execute();
  t.deepEqual(unsent, []);
});

test.serial('forgetting an address removes its queued mail; purge removes only old finished mail', async (t) => {
  const { db, sink, clock, mail, config } = await setup(t);
  await mail.enqueue(db, digest(1));
  await mail.enqueue(db, digest(1, { kind: 'alert-confirmation' }));
  t.is(await mail.forget(db, 'Resident1@Example.org'), 2);
  await mail.enqueue(db, digest(2));
  const { id: keptPending } = await mail.enqueue(db, digest(3, { to: 'not-yet@example.org' }));
  t.deepEqual(await mail.drain({ batchSize: 1 }), { sent: 1, failed: 0, retried: 0 });
  t.deepEqual(sink.received.map((m) => m.recipients), [['resident2@example.org']]);

  const sent = await db.selectFrom('outbox_messages').select('created_at').where('status', '=', 'sent').executeTakeFirstOrThrow();
  clock.set(new Date(sent.created_at.getTime() + (config.mailKeepDays - 1) * 24 * 60 * MINUTE));
  t.is(await mail.purge(), 0, 'kept for MAIL_KEEP_DAYS');
  clock.advance(2 * 24 * 60 * MINUTE);
  t.is(await mail.purge(), 1);
  const left = await db.selectFrom('outbox_messages').select(['id', 'status']).execute();
  t.deepEqual(left, [{ id: keptPending, status: 'pending' }], 'unsent mail is never purged');
});
