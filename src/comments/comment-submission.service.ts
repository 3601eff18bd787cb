import { sql } from 'kysely';
import type { DecisionStatus } from '../decisions/decisions.tables.ts';
import { hashClientAddress } from '../lib/client-key.ts';
import { today } from '../lib/clock.ts';
import { secondsUntilAllowed } from '../lib/rate-limit.ts';
import type { Executor } from '../db/executor.ts';
import { currentCabinetMembers, decisionMakerName, type CabinetMember } from './cabinet-members.repository.ts';
import { recordSubmission, submissionsSince } from './comment-attempt.repository.ts';
import { governanceTeamAddress, mailContext, type CommentContext } from './comment-context.ts';
import { responseDueOn } from './comment-deadlines.ts';
import { addHistory } from './comment-history.repository.ts';
import { RATE_LIMIT_WINDOW_MS } from './comment-limits.ts';
import { buildAcknowledgement, buildTeamNotification, finishedDecisionNote, type CommentForMail } from './comment-mail.ts';
import { formatCommentReference } from './comment-reference.ts';
import { findByReference, insertComment, nextReferenceNumber } from './comment.repository.ts';
import type { ValidComment } from './comment-form.ts';
import { thanksKeyIsValid, thanksPath } from './comment-thanks-link.ts';

export interface SubmittedDecision {
  id: number;
  title: string;
  reference: string | null;
  status: DecisionStatus;
}

export type SubmissionResult =
  | { ok: true; id: number; reference: string; thanksPath: string }
  | { ok: false; retryAfterSeconds: number };

/** The public side: the form's choices, accepting a comment, and its confirmation. */
export function createSubmissionService(ctx: CommentContext) {
  const { db, clock, config } = ctx;
  // The choices as last read, so the form can still be shown again when the database is down.
  let lastKnownMembers: CabinetMember[] = [];

  /** Counts this client's recent comments under a lock on its key, so parallel posts cannot both squeeze in. */
  async function withinLimit(trx: Executor, clientKey: string, now: Date) {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${clientKey}))`.execute(trx);
    const recent = await submissionsSince(trx, clientKey, new Date(now.getTime() - RATE_LIMIT_WINDOW_MS));
    return secondsUntilAllowed(recent, { max: config.commentRateLimitPerHour, windowMs: RATE_LIMIT_WINDOW_MS }, now);
  }

  return {
    async cabinetMembers(): Promise<CabinetMember[]> {
      lastKnownMembers = await currentCabinetMembers(db, today(clock));
      return lastKnownMembers;
    },

    lastKnownCabinetMembers: (): CabinetMember[] => lastKnownMembers,

    /**
     * Stores the comment, its first history row and its emails (acknowledgement, team
     * notification) in one transaction: whatever the person is told afterwards was committed,
     * and no email goes out about a comment that was not.
     */
    async submit(input: ValidComment & { decision: SubmittedDecision | null; clientAddress: string }): Promise<SubmissionResult> {
      const mailCtx = await mailContext(ctx);
      const teamAddress = await governanceTeamAddress(ctx);
      const clientKey = hashClientAddress(ctx.secretKey, input.clientAddress);
      return db.transaction().execute(async (trx) => {
        const now = clock.now();
        const wait = await withinLimit(trx, clientKey, now);
        if (wait > 0) return { ok: false, retryAfterSeconds: wait };
        await recordSubmission(trx, { clientKey, outcome: 'accepted', at: now });

        const receivedOn = today(clock);
        const reference = formatCommentReference(Number(receivedOn.slice(0, 4)), await nextReferenceNumber(trx));
        const id = await insertComment(trx, {
          reference,
          decision_id: input.decision?.id ?? null,
          body: input.body,
          name: input.name,
          email: input.email,
          telephone: input.telephone,
          address: input.address,
          requested_responder_id: input.requestedResponderId,
          received_at: now,
          updated_at: now,
        });
        await addHistory(trx, { comment_id: id, action: 'received', from_status: null, to_status: 'received', actor: 'public', user_id: null, at: now });

        const forMail: CommentForMail = {
          id,
          reference,
          body: input.body,
          name: input.name,
          receivedOn,
          dueOn: responseDueOn(receivedOn, config.commentResponseWorkingDays),
          decision: input.decision,
          requestedResponder: input.requestedResponderId === null ? null : ((await decisionMakerName(trx, input.requestedResponderId)) ?? null),
        };
        if (input.email) await ctx.mail.enqueue(trx, { to: input.email, ...buildAcknowledgement(forMail, mailCtx, ctx.templates) });
        if (teamAddress) await ctx.mail.enqueue(trx, { to: teamAddress, ...buildTeamNotification(forMail, mailCtx, ctx.templates) });
        else console.warn(`comment ${reference}: no GOVERNANCE_EMAIL or council governance email, so the team was not emailed (it is in the inbox)`);
        return { ok: true, id, reference, thanksPath: thanksPath(ctx.secretKey, reference) };
      });
    },

    /** A filled honeypot: nothing is stored but the count that keeps the client within the rate limit. */
    async recordSpam(clientAddress: string): Promise<void> {
      await recordSubmission(db, { clientKey: hashClientAddress(ctx.secretKey, clientAddress), outcome: 'spam', at: clock.now() });
    },

    /** What the confirmation page may show: the reference and the public decision, nothing personal. */
    async confirmation(reference: string, key: unknown) {
      if (!thanksKeyIsValid(ctx.secretKey, reference, key)) return undefined;
      const found = await findByReference(db, reference);
      if (!found) return undefined;
      return {
        reference: found.reference,
        decision: found.decision_id === null ? null : { id: found.decision_id, title: found.decision_title ?? '', status: found.decision_status },
        finishedNote: finishedDecisionNote(found.decision_status),
        workingDays: config.commentResponseWorkingDays,
      };
    },
  };
}

export type SubmissionService = ReturnType<typeof createSubmissionService>;
