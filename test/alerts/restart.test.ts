import test from 'ava';
import { testConfig } from '../../src/config/config.ts';
import { createDeps } from '../../src/deps.ts';
import { importPlan } from '../../src/plans/plan-import.service.ts';
import { alertWorld, BASE_URL, laterPlan, subscribeAndConfirm, TITLES } from './helpers.ts';
import { readMail } from './mime.ts';

test('a digest queued before a crash is sent once after the restart', async (t) => {
  const world = await alertWorld(t);
  const { app, sink } = world;
  await subscribeAndConfirm(world, 'patient@example.org', 'committee=children-and-education');
  const before = sink.received.length;

  // Queued in the publication's transaction; the process "dies" before any drain runs.
  await importPlan(app.deps.db, laterPlan({ expectedDates: { [TITLES.medgen]: 'April 2024' } }), '2024-03-08', { alerts: app.deps.alerts });
  t.is(sink.received.length, before);
  const queued = await app.deps.db.selectFrom('outbox_messages').select(['status', 'kind']).where('kind', '=', 'alert-digest').execute();
  t.deepEqual(queued, [{ status: 'pending', kind: 'alert-digest' }]);

  const restarted = createDeps(testConfig({ smtpUrl: sink.url, baseUrl: BASE_URL }), app.handle.db, app.clock);
  t.like(await restarted.mail.drain(), { sent: 1 });
  t.like(await restarted.mail.drain(), { sent: 0 });
  t.like(await app.deps.mail.drain(), { sent: 0 }, 'nor does the old instance send it again');

  const digests = sink.received.slice(before).map(readMail);
  t.is(digests.length, 1);
  t.deepEqual(digests[0]!.to, ['patient@example.org']);
  t.regex(digests[0]!.text, /Medgen Nursing Services Limited\n {3}Expected date moved from February 2024 to April 2024\./);
});

test('alerts queued in a change that rolls back are never sent', async (t) => {
  const world = await alertWorld(t);
  const { app, drain } = world;
  await subscribeAndConfirm(world, 'careful@example.org', 'committee=children-and-education');
  const decision = await app.deps.db.selectFrom('decisions').select('id').where('title', '=', TITLES.medgen).executeTakeFirstOrThrow();

  await t.throwsAsync(
    app.deps.db.transaction().execute(async (trx) => {
      const event = await trx
        .insertInto('decision_events')
        .values({ decision_id: decision.id, kind: 'withdrawn', occurred_at: app.clock.now(), details: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow();
      t.like(await app.deps.alerts.queueAlertsFor(trx, { kind: 'outcome', eventIds: [Number(event.id)] }), { messages: 1 });
      throw new Error('the outcome could not be recorded');
    }),
    { message: 'the outcome could not be recorded' },
  );
  t.deepEqual(await drain(), []);
  t.deepEqual(await app.deps.db.selectFrom('alert_notified_events').select('event_id').execute(), []);
});
