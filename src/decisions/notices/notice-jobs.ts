import { dailyAt } from '../../scheduler/schedule.ts';
import type { Job } from '../../scheduler/scheduler.ts';

/**
 * Just after midnight, when a new day's dates come due: announces (feeds, email alerts) every
 * notice that has become public since it was saved — its publication date was still to come,
 * or its decision was a draft and has been taken since. Most notices are announced as they are
 * saved; this run finds nothing to do for them.
 */
export function noticeAnnouncementsJob(records: { announceDue(): Promise<{ events: number }> }): Job {
  return {
    name: 'notice-announcements',
    schedule: dailyAt('00:05'),
    run: async () => {
      const { events } = await records.announceDue();
      return events === 0 ? 'no notice to announce' : `announced ${events} notice publication(s)`;
    },
  };
}
