import test from 'ava';
import { startBackgroundWork } from '../../src/background.ts';
import { testConfig } from '../../src/config/config.ts';
import { createDeps } from '../../src/deps.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { freshDb } from '../helpers/db.ts';
import { runRows } from './helpers.ts';

test('the background work catches up the registered jobs at start, unless the scheduler is disabled', async (t) => {
  const { db, close } = await freshDb();
  t.teardown(close);
  const clock = new ManualClock('2024-03-02T12:00:00Z');

  const disabled = startBackgroundWork(createDeps(testConfig({ schedulerEnabled: false }), db, clock));
  await disabled.stop();
  t.deepEqual(await runRows(db), []);

  // Every registered job's latest slot, each run once.
  const expected = [
    ['plan-publication', '2024-02-23T09:00:00.000Z', 'succeeded'],
    ['notice-announcements', '2024-03-02T00:05:00.000Z', 'succeeded'],
    ['comment-retention', '2024-03-02T02:40:00.000Z', 'succeeded'],
    ['job-runs-purge', '2024-03-02T03:10:00.000Z', 'succeeded'],
    ['alert-housekeeping', '2024-03-02T03:20:00.000Z', 'succeeded'],
    ['mail-outbox-purge', '2024-03-02T03:30:00.000Z', 'succeeded'],
    ['comment-overdue-summary', '2024-03-02T08:30:00.000Z', 'succeeded'],
    ['decision-follow-up', '2024-03-02T09:00:00.000Z', 'succeeded'],
    ['mail-outbox-drain', '2024-03-02T12:00:00.000Z', 'succeeded'],
  ];
  const background = startBackgroundWork(createDeps(testConfig(), db, clock));
  // stop() waits for runs in progress but claims nothing new, so wait until every job has claimed its slot.
  for (let waited = 0; (await runRows(db)).length < expected.length && waited < 10_000; waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await background.stop();
  t.deepEqual(
    (await runRows(db)).map((row) => [row.job, row.scheduledFor, row.outcome]),
    expected,
  );
});
