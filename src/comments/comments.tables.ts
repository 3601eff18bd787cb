import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../db/column-types.ts';

export type CommentStatus = 'received' | 'referred' | 'responded' | 'closed';
export type CommentResponseMethod = 'email' | 'letter' | 'telephone' | 'in_person' | 'other';

/** A resident's comment or query. name, email, telephone and address are personal data, nulled on erasure. */
export interface CommentTable {
  id: Generated<number>;
  /** FPC-YYYY-NNNNNN, quoted by the person. */
  reference: string;
  /** null: about the plan in general. */
  decision_id: number | null;
  body: string;
  name: string | null;
  email: string | null;
  telephone: string | null;
  address: string | null;
  /** Who the person asked to respond; null means the decision's own decision maker. */
  requested_responder_id: number | null;
  status: Generated<CommentStatus>;
  referred_to_id: number | null;
  referred_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  response: string | null;
  response_method: CommentResponseMethod | null;
  responded_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  received_at: Timestamp;
  updated_at: Timestamp;
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  erased_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** Append-only: every change to a comment, with who made it. */
export interface CommentHistoryTable {
  id: Generated<number>;
  comment_id: number;
  action: 'received' | 'referred' | 'responded' | 'closed' | 'erased';
  from_status: CommentStatus | null;
  to_status: CommentStatus;
  user_id: number | null;
  actor: 'public' | 'staff' | 'system';
  at: Timestamp;
  note: Generated<string>;
}

/** The comment form's per-client rate limit; client_key is an HMAC of the address. */
export interface CommentSubmissionAttemptTable {
  id: Generated<number>;
  client_key: string;
  outcome: 'accepted' | 'spam';
  attempted_at: Timestamp;
}

/** The tables comments/ keeps: comments, their history, and the form's rate limit. */
export interface CommentTables {
  comments: CommentTable;
  comment_history: CommentHistoryTable;
  comment_submission_attempts: CommentSubmissionAttemptTable;
}
