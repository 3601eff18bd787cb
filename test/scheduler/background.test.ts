import test from 'ava';
import { startBackgroundWork } from '../../src/background.ts';
import { testConfig } from '../../src/config.ts';
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

  const background = startBackgroundWork(createDeps(testConfig(), db, clock));
  for (let waited = 0; (await runRows(db)).length === 0 && waited < 5_000; waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await background.stop();
  t.deepEqual(
    (await runRows(db)).map((row) => [row.job, row.scheduledFor, row.outcome]),
    [['job-runs-purge', '2024-03-02T03:10:00.000Z', 'succeeded']],
  );
});
