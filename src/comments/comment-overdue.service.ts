import { londonInstant, today } from '../lib/clock.ts';
import { addDays } from '../lib/dates.ts';
import { isWorkingDay } from '../rules/working-days.ts';
import { governanceTeamAddress, mailContext, type CommentContext } from './comment-context.ts';
import { latestOverdueReceiptDate } from './comment-deadlines.ts';
import { buildOverdueSummary, oneLine } from './comment-mail.ts';
import { findComments } from './comment.repository.ts';
import { toCommentView } from './comment.view.ts';

/** The daily summary of overdue comments for the governance team. */
export function createOverdueService(ctx: CommentContext) {
  const { db, clock, config } = ctx;
  return {
    /** Queues the summary (once a day, working days only); returns what it did, for the job's record. */
    async sendSummary(): Promise<string> {
      const day = today(clock);
      if (!isWorkingDay(day)) return `${day} is not a working day: no summary`;
      const workingDays = config.commentResponseWorkingDays;
      const rows = await findComments(db, {
        status: [],
        overdueBefore: londonInstant(addDays(latestOverdueReceiptDate(day, workingDays), 1)),
      });
      if (rows.length === 0) return 'no overdue comments';
      const to = await governanceTeamAddress(ctx);
      if (!to) return `${rows.length} overdue comment(s), but no GOVERNANCE_EMAIL or council governance email to send the summary to`;
      const items = rows
        .map((row) => toCommentView(row, day, workingDays))
        .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.reference.localeCompare(b.reference))
        .map((c) => ({
          id: c.id,
          reference: c.reference,
          receivedOn: c.receivedOn,
          dueOn: c.dueOn,
          statusLabel: c.statusLabel,
          about: c.decision ? oneLine(c.decision.title) : 'The plan in general',
          member: c.responsible?.name ?? 'Not yet chosen',
        }));
      const { queued } = await ctx.mail.enqueue(db, { to, ...buildOverdueSummary(items, day, await mailContext(ctx), ctx.templates) });
      return queued ? `${items.length} overdue comment(s): summary queued` : `${items.length} overdue comment(s): today's summary was already queued`;
    },
  };
}
