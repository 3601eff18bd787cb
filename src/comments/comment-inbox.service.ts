import type { StaffUser } from '../auth/roles.ts';
import type { CommentStatus } from './comments.tables.ts';
import type { Executor } from '../db/executor.ts';
import { FormErrors } from '../http/forms.ts';
import { londonInstant, today } from '../lib/clock.ts';
import { addDays } from '../lib/dates.ts';
import { currentCabinetMembers, decisionMakerName } from './cabinet-members.repository.ts';
import { validateClosing, validateReferral, validateResponse, type ActionValues } from './comment-actions.ts';
import type { CommentContext } from './comment-context.ts';
import { latestOverdueReceiptDate } from './comment-deadlines.ts';
import { commentsCsv } from './comment-export.ts';
import type { CommentFilters } from './comment-filters.ts';
import { addHistory, historyFor } from './comment-history.repository.ts';
import { COMMENT_STATUS_LABELS, RESPONSE_METHOD_LABELS, canDo, type CommentAction } from './comment-status.ts';
import {
  countComments,
  decisionsWithComments,
  findCommentById,
  findComments,
  lockComment,
  membersInvolved,
  updateComment,
  type CommentQuery,
} from './comment.repository.ts';
import { toCommentView, toHistoryView, type CommentView } from './comment.view.ts';
import { NOT_FOUND, type NotFound } from '../lib/result.ts';

export const INBOX_PAGE_SIZE = 50;

export type ActionOutcome = { status: 'done' } | { status: 'invalid'; errors: FormErrors } | NotFound;

const REFUSED: Record<CommentAction, string> = {
  refer: 'can no longer be referred',
  respond: 'already has a response, or is closed',
  close: 'is already closed',
};

const joinNote = (lead: string, note: string) => (note ? `${lead}. ${note}` : lead);

/** Governance staff's side: the inbox, a comment's page, the export and the status changes. */
export function createInboxService(ctx: CommentContext) {
  const { db, clock, config } = ctx;
  const workingDays = config.commentResponseWorkingDays;

  function toQuery(filters: CommentFilters): CommentQuery {
    return {
      decision: filters.decision,
      status: filters.status,
      receivedFrom: filters.from ? londonInstant(filters.from) : undefined,
      receivedBefore: filters.to ? londonInstant(addDays(filters.to, 1)) : undefined,
      member: filters.member,
      overdueBefore: filters.overdue ? londonInstant(addDays(latestOverdueReceiptDate(today(clock), workingDays), 1)) : undefined,
    };
  }

  const view = (row: Parameters<typeof toCommentView>[0]) => toCommentView(row, today(clock), workingDays);

  /**
   * Runs one status change on a locked comment: refuses it when the comment has moved on since
   * the page was loaded, and records the change in the history in the same transaction.
   */
  async function change(
    id: number,
    action: CommentAction,
    user: StaffUser,
    apply: (status: CommentStatus, trx: Executor) => Promise<{ errors: FormErrors } | { to: CommentStatus; note: string; set: Parameters<typeof updateComment>[2] }>,
    errorField: string,
  ): Promise<ActionOutcome> {
    return db.transaction().execute(async (trx) => {
      const row = await lockComment(trx, id);
      if (!row) return NOT_FOUND;
      if (!canDo(action, row.status)) {
        return { status: 'invalid', errors: new FormErrors().add(errorField, `This comment ${REFUSED[action]} (it is now ${COMMENT_STATUS_LABELS[row.status].toLowerCase()})`) };
      }
      const result = await apply(row.status, trx);
      if ('errors' in result) return { status: 'invalid', errors: result.errors };
      const now = clock.now();
      await updateComment(trx, id, { ...result.set, status: result.to, updated_at: now });
      await addHistory(trx, {
        comment_id: id,
        action: action === 'refer' ? 'referred' : action === 'respond' ? 'responded' : 'closed',
        from_status: row.status,
        to_status: result.to,
        actor: 'staff',
        user_id: user.id,
        at: now,
        note: result.note,
      });
      return { status: 'done' };
    });
  }

  return {
    async list(filters: CommentFilters, page: number): Promise<{ items: CommentView[]; total: number; pages: number }> {
      const query = toQuery(filters);
      const [rows, total] = await Promise.all([findComments(db, query, { page, limit: INBOX_PAGE_SIZE }), countComments(db, query)]);
      return { items: rows.map(view), total, pages: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)) };
    },

    async get(id: number) {
      const row = await findCommentById(db, id);
      if (!row) return undefined;
      return { comment: view(row), history: (await historyFor(db, id)).map(toHistoryView) };
    },

    async csv(filters: CommentFilters): Promise<string> {
      const rows = await findComments(db, toQuery(filters));
      return commentsCsv(
        rows.map((row) => ({ view: view(row), receivedAt: row.received_at, respondedAt: row.responded_at, closedAt: row.closed_at, erasedAt: row.erased_at })),
      );
    },

    async filterChoices() {
      const [decisions, members] = await Promise.all([decisionsWithComments(db), membersInvolved(db)]);
      return { decisions, members };
    },

    /** Whom a comment can be referred to: the current Cabinet Members, and the decision's own maker (the Cabinet, say). */
    async referralChoices(comment: CommentView) {
      const members = (await currentCabinetMembers(db, today(clock))).map((m) => ({ id: m.id, name: m.name, hint: m.portfolio }));
      const maker = comment.decision?.makerId;
      if (maker != null && !members.some((m) => m.id === maker)) {
        members.unshift({ id: maker, name: comment.decision!.makerName ?? '', hint: 'The decision maker for this decision' });
      }
      return members;
    },

    refer(id: number, values: ActionValues, allowedMemberIds: ReadonlySet<number>, user: StaffUser): Promise<ActionOutcome> {
      return change(id, 'refer', user, async (_status, trx) => {
        const checked = validateReferral(values, allowedMemberIds);
        if (checked.memberId === undefined) return { errors: checked.errors };
        const name = (await decisionMakerName(trx, checked.memberId)) ?? `decision maker ${checked.memberId}`;
        return { to: 'referred', note: joinNote(`Referred to ${name}`, values.note), set: { referred_to_id: checked.memberId, referred_at: clock.now() } };
      }, 'refer-member');
    },

    respond(id: number, values: ActionValues, user: StaffUser): Promise<ActionOutcome> {
      return change(id, 'respond', user, async () => {
        const checked = validateResponse(values);
        if (!checked.method) return { errors: checked.errors };
        return {
          to: 'responded',
          note: joinNote(`Response sent by ${RESPONSE_METHOD_LABELS[checked.method].toLowerCase()}`, values.note),
          set: { response: values.response, response_method: checked.method, responded_at: clock.now() },
        };
      }, 'respond-response');
    },

    close(id: number, values: ActionValues, user: StaffUser): Promise<ActionOutcome> {
      return change(id, 'close', user, async (status) => {
        const errors = validateClosing(values, status);
        if (errors.any) return { errors };
        return { to: 'closed', note: values.note, set: { closed_at: clock.now() } };
      }, 'close-note');
    },
  };
}

export type InboxService = ReturnType<typeof createInboxService>;
