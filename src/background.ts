import type { Deps } from './deps.ts';
import { jobRunsPurge } from './scheduler/job-runs-purge.ts';
import { dailyAt, everyMinutes } from './scheduler/schedule.ts';
import { alertHousekeepingJob } from './alerts/alert-housekeeping.ts';
import { commentJobs } from './comments/comment-jobs.ts';
import { fortnightlyPublicationJob, followUpJob } from './publication/publication-jobs.ts';
import { noticeAnnouncementsJob } from './decisions/notices/notice-jobs.ts';
import { createScheduler, type Scheduler } from './scheduler/scheduler.ts';

/**
 * Every scheduled job in the service, one line each, e.g.
 *   scheduler.register({ name: 'mail-outbox-drain', schedule: everyMinutes(1), run: () => deps.mail.drain().then(...) });
 * Schedules come from ./scheduler/schedule.ts (everyMinutes, dailyAt, fortnightlyAt; London time).
 * Each slot runs once across all instances; a run returns a one-line summary or throws.
 */
export function registerJobs(scheduler: Scheduler, deps: Deps): void {
  scheduler.register(jobRunsPurge());
  scheduler.register({ name: 'mail-outbox-drain', schedule: everyMinutes(1), run: () => deps.mail.drain().then((r) => `sent ${r.sent}, retried ${r.retried}, failed ${r.failed}`) });
  // Sent mail holds addresses and comment text: keep it only MAIL_KEEP_DAYS.
  scheduler.register({ name: 'mail-outbox-purge', schedule: dailyAt('03:30'), run: () => deps.mail.purge().then((n) => `purged ${n} finished messages`) });
  scheduler.register(alertHousekeepingJob(deps.alerts));
  for (const job of commentJobs(deps.comments)) scheduler.register(job);
  scheduler.register(fortnightlyPublicationJob(deps));
  scheduler.register(followUpJob(deps));
  scheduler.register(noticeAnnouncementsJob(deps.staffDecisions.records));
}

/** Started by the process entry; stop() waits for the runs in progress. */
export function startBackgroundWork(deps: Deps): { stop(): Promise<void> } {
  if (!deps.config.schedulerEnabled) return { stop: async () => {} };
  const scheduler = createScheduler({ db: deps.db, clock: deps.clock });
  registerJobs(scheduler, deps);
  scheduler.start();
  return { stop: () => scheduler.stop() };
}
