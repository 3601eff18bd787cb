import test from 'ava';
import { createDb } from '../../../src/db/create-db.ts';
import { ManualClock } from '../../../src/lib/clock.ts';
import { createScheduler } from '../../../src/scheduler/scheduler.ts';
import { everyMinutes } from '../../../src/scheduler/schedule.ts';
import { startTestApp } from '../../helpers/app.ts';
import { freshDb } from '../../helpers/db.ts';

/** A service instance of its own (pool, caches, LISTEN connection) on a shared database. */
async function instance(t: import('ava').ExecutionContext, url: string, clock: ManualClock) {
  const handle = createDb({ url, poolSize: 3 });
  t.teardown(handle.close);
  const app = await startTestApp({ handle, clock });
  t.teardown(app.close);
  return { deps: app.deps, get: async (path: string) => (await app.fetch(path)).text() };
}

test('two instances on one database: a change through one shows on the other at once, and each scheduled slot runs once', async (t) => {
  const shared = await freshDb({ sample: true });
  t.teardown(shared.close);
  const clock = new ManualClock('2024-02-26T10:00:00Z');
  const [a, b] = [await instance(t, shared.url, clock), await instance(t, shared.url, clock)];
  const page = '/committees/children-and-education';
  for (const one of [a, b]) {
    await one.deps.changes.start();
    t.false((await one.get(page)).includes('A new remit'));
    await one.get(page);
  }

  await a.deps.db.updateTable('committees').set({ description: 'A new remit' }).where('slug', '=', 'children-and-education').execute();
  t.true((await a.get(page)).includes('A new remit'), 'the instance that wrote it, at once');
  const until = Date.now() + 2_000;
  let seen = false;
  while (!seen && Date.now() < until) {
    seen = (await b.get(page)).includes('A new remit');
    if (!seen) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  t.true(seen, 'the other instance, as soon as the notification arrives');

  const ran: string[] = [];
  const schedulers = [a, b].map((one, i) => {
    const scheduler = createScheduler({ db: one.deps.db, clock, log: { info: () => {}, warn: () => {}, error: () => {} } });
    scheduler.register({ name: 'count-runs', schedule: everyMinutes(1), run: async () => void ran.push(`instance ${i}`) });
    return scheduler;
  });
  for (let minute = 0; minute < 5; minute += 1) {
    await Promise.all(schedulers.map((s) => s.runDue()));
    clock.advance(60_000);
  }
  t.is(ran.length, 5, 'five slots, five runs between the two instances');
});
