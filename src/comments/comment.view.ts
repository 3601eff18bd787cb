import { formatDateTime } from '../auth/format.ts';
import { STATUS_LABELS } from '../decisions/labels.ts';
import { londonDateOf } from '../lib/clock.ts';
import type { HistoryRow } from './comment-history.repository.ts';
import { isOverdue, responseDueOn } from './comment-deadlines.ts';
import { COMMENT_STATUS_LABELS, RESPONSE_METHOD_LABELS, canDo } from './comment-status.ts';
import type { CommentWithContext } from './comment.repository.ts';

/** A comment as staff see it: for the inbox, its pages and its export. Never for public output. */
export function toCommentView(row: CommentWithContext, today: string, workingDays: number) {
  const receivedOn = londonDateOf(new Date(row.received_at));
  const responsible =
    (row.referred_to_id !== null && { id: row.referred_to_id, name: row.referred_to_name ?? '' }) ||
    (row.requested_responder_id !== null && { id: row.requested_responder_id, name: row.requested_responder_name ?? '' }) ||
    (row.decision_maker_id !== null && { id: row.decision_maker_id, name: row.decision_maker_name ?? '' }) ||
    null;
  return {
    id: row.id,
    reference: row.reference,
    body: row.body,
    status: row.status,
    statusLabel: COMMENT_STATUS_LABELS[row.status],
    receivedAt: formatDateTime(row.received_at),
    receivedOn,
    dueOn: responseDueOn(receivedOn, workingDays),
    overdue: isOverdue({ status: row.status, receivedOn }, today, workingDays),
    decision:
      row.decision_id === null
        ? null
        : {
            id: row.decision_id,
            title: row.decision_title ?? '',
            reference: row.decision_reference,
            statusLabel: row.decision_status ? STATUS_LABELS[row.decision_status] : '',
            makerId: row.decision_maker_id,
            makerName: row.decision_maker_name,
          },
    requestedResponder: row.requested_responder_id === null ? null : { id: row.requested_responder_id, name: row.requested_responder_name ?? '' },
    referredTo: row.referred_to_id === null ? null : { id: row.referred_to_id, name: row.referred_to_name ?? '', at: formatDateTime(row.referred_at!) },
    /** Who answers it now: the member referred to, else the one asked for, else the decision maker. */
    responsible,
    /** null once erased. */
    contact: row.erased_at ? null : { name: row.name ?? '', email: row.email, telephone: row.telephone, address: row.address },
    erasedAt: row.erased_at ? formatDateTime(row.erased_at) : null,
    response:
      row.response === null
        ? null
        : { text: row.response, method: row.response_method ? RESPONSE_METHOD_LABELS[row.response_method] : '', at: formatDateTime(row.responded_at!) },
    closedAt: row.closed_at ? formatDateTime(row.closed_at) : null,
    can: { refer: canDo('refer', row.status), respond: canDo('respond', row.status), close: canDo('close', row.status), erase: !row.erased_at },
  };
}

export type CommentView = ReturnType<typeof toCommentView>;

const ACTION_LABELS: Record<HistoryRow['action'], string> = {
  received: 'Received from the public',
  referred: 'Referred',
  responded: 'Response recorded',
  closed: 'Closed',
  erased: 'Personal data erased',
};

export function toHistoryView(row: HistoryRow) {
  const who = row.actor === 'public' ? 'The person who sent it' : row.actor === 'system' ? 'The service (scheduled job)' : row.user_name || row.user_email || 'A member of staff';
  return {
    action: ACTION_LABELS[row.action],
    at: formatDateTime(row.at),
    who,
    change: row.from_status && row.from_status !== row.to_status ? `${COMMENT_STATUS_LABELS[row.from_status]} → ${COMMENT_STATUS_LABELS[row.to_status]}` : COMMENT_STATUS_LABELS[row.to_status],
    note: row.note,
  };
}
