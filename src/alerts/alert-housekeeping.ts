import type { Db } from '../db/create-db.ts';
import type { Clock } from '../lib/clock.ts';
import type { Mailer } from '../mail/outbox.service.ts';
import { dailyAt } from '../scheduler/schedule.ts';
import type { Job } from '../scheduler/scheduler.ts';
import { purgeRequestsBefore } from './alert-attempt.repository.ts';
import { eraseIfNoSubscriptions } from './alert-erase.ts';
import { ATTEMPT_HISTORY_MS } from './alert-limits.ts';
import { purgeNotifiedBefore } from './alert-notified.repository.ts';
import { deleteExpiredUnconfirmed } from './alert-subscription.repository.ts';
import { purgeManageTokensBefore } from './alert-token.repository.ts';

const DAY_MS = 86_400_000;
/**
 * Links in alerts work this long, and what an address was told is remembered this long: every
 * occasion concerns events recorded just before it, so a year-old event is never listed again.
 */
export const ALERT_LINK_DAYS = 365;

/** Deletes what alerts no longer need: unconfirmed requests past their 7 days first of all. */
export async function alertHousekeeping(db: Db, clock: Clock, mail: Pick<Mailer, 'forget'>): Promise<string> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const expired = await deleteExpiredUnconfirmed(trx, now);
    let erased = 0;
    for (const address of expired) if (await eraseIfNoSubscriptions(trx, mail, address)) erased += 1;
    const attempts = await purgeRequestsBefore(trx, new Date(now.getTime() - ATTEMPT_HISTORY_MS));
    const linkCutoff = new Date(now.getTime() - ALERT_LINK_DAYS * DAY_MS);
    const tokens = await purgeManageTokensBefore(trx, linkCutoff);
    const notified = await purgeNotifiedBefore(trx, linkCutoff);
    return `${expired.length} unconfirmed address(es) expired (${erased} erased), ${attempts} request record(s), ${tokens} old link(s) and ${notified} old notification record(s) deleted`;
  });
}

export function alertHousekeepingJob(alerts: { housekeeping(): Promise<string> }): Job {
  return { name: 'alert-housekeeping', schedule: dailyAt('03:20'), run: () => alerts.housekeeping() };
}
