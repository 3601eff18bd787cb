import test from 'ava';
import { registerJobs } from '../../src/background.ts';
import { importPlan } from '../../src/plans/plan-import.service.ts';
import { createScheduler } from '../../src/scheduler/scheduler.ts';
import { collectingLog } from '../scheduler/helpers.ts';
import { alertWorld, laterPlan, subscribeAndConfirm, TITLES, Visitor } from './helpers.ts';

const DAY_MS = 86_400_000;

test('the scheduled jobs send queued alerts every minute and expire unconfirmed requests daily', async (t) => {
  const world = await alertWorld(t);
  const { app, sink } = world;
  await subscribeAndConfirm(world, 'scheduled@example.org', 'committee=children-and-education');
  await new Visitor(app).subscribe('forgetful@example.org', 'ward=central');
  const before = sink.received.length;
  await importPlan(app.deps.db, laterPlan({ expectedDates: { [TITLES.medgen]: 'April 2024' } }), '2024-03-08', { alerts: app.deps.alerts });

  const log = collectingLog();
  const scheduler = createScheduler({ db: app.deps.db, clock: app.clock, log });
  registerJobs(scheduler, app.deps);
  const reports = await scheduler.runDue();
  t.true(reports.some((r) => r.job === 'mail-outbox-drain' && r.outcome === 'succeeded'));
  t.deepEqual(sink.received.slice(before).map((m) => m.recipients), [['forgetful@example.org'], ['scheduled@example.org']]);

  app.clock.advance(8 * DAY_MS);
  await scheduler.runDue();
  await scheduler.stop();
  t.true(log.lines.info.some((line) => /job alert-housekeeping .* succeeded .*: 1 unconfirmed address\(es\) expired \(1 erased\)/.test(line)), log.lines.info.join('\n'));
  t.deepEqual(await app.deps.db.selectFrom('alert_subscriptions').select('email').execute(), [{ email: 'scheduled@example.org' }]);
});
