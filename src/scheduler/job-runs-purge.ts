import { purgeOldRuns } from './job-runs.repository.ts';
import { dailyAt } from './schedule.ts';
import type { Job } from './scheduler.ts';

const DAY_MS = 86_400_000;

/**
 * The scheduler's own housekeeping: an every-minute job writes 1,440 rows a day. The period kept
 * must outlast the longest schedule (14 days), though the purge never deletes a job's newest row.
 */
export function jobRunsPurge(keepDays = 30): Job {
  return {
    name: 'job-runs-purge',
    schedule: dailyAt('03:10'),
    async run({ db, clock }) {
      const deleted = await purgeOldRuns(db, new Date(clock.now().getTime() - keepDays * DAY_MS));
      return `deleted ${deleted} run(s) older than ${keepDays} days`;
    },
  };
}
