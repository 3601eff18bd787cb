import { purgeSubmissionsBefore } from './comment-attempt.repository.ts';
import { RATE_LIMIT_WINDOW_MS } from './comment-limits.ts';
import { dailyAt } from '../scheduler/schedule.ts';
import type { Job } from '../scheduler/scheduler.ts';
import type { Comments } from './comments.ts';

/** The comment module's scheduled jobs, for src/background.ts. */
export function commentJobs(comments: Pick<Comments, 'erasure' | 'overdue'>): Job[] {
  return [
    {
      name: 'comment-retention',
      schedule: dailyAt('02:40'),
      async run({ db, clock }) {
        const erased = await comments.erasure.eraseExpired();
        // Rate-limit records outlive their window by nothing: they are addresses' fingerprints.
        const purged = await purgeSubmissionsBefore(db, new Date(clock.now().getTime() - RATE_LIMIT_WINDOW_MS));
        return `erased the personal data of ${erased} comment(s); deleted ${purged} old rate-limit record(s)`;
      },
    },
    {
      name: 'comment-overdue-summary',
      schedule: dailyAt('08:30'),
      run: () => comments.overdue.sendSummary(),
    },
  ];
}
