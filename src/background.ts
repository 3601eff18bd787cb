import type { Deps } from './deps.ts';
import { jobRunsPurge } from './scheduler/job-runs-purge.ts';
import { createScheduler, type Scheduler } from './scheduler/scheduler.ts';

/**
 * Every scheduled job in the service, one line each, e.g.
 *   scheduler.register({ name: 'mail-outbox-drain', schedule: everyMinutes(1), run: () => deps.mail.drain().then(...) });
 * Schedules come from ./scheduler/schedule.ts (everyMinutes, dailyAt, fortnightlyAt; London time).
 * Each slot runs once across all instances; a run returns a one-line summary or throws.
 */
export function registerJobs(scheduler: Scheduler, _deps: Deps): void {
  scheduler.register(jobRunsPurge());
}

/** Started by the process entry; stop() waits for the runs in progress. */
export function startBackgroundWork(deps: Deps): { stop(): Promise<void> } {
  if (!deps.config.schedulerEnabled) return { stop: async () => {} };
  const scheduler = createScheduler({ db: deps.db, clock: deps.clock });
  registerJobs(scheduler, deps);
  scheduler.start();
  return { stop: () => scheduler.stop() };
}
