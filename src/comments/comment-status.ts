import type { CommentResponseMethod, CommentStatus } from './comments.tables.ts';

/*
 * A comment moves received → referred (to a Cabinet Member) → responded → closed. Staff may
 * refer it again while it waits, answer it directly without a referral (a simple query about
 * documents), or close it without a response (a duplicate, or nothing to answer), saying why.
 */

export const COMMENT_STATUSES: readonly CommentStatus[] = ['received', 'referred', 'responded', 'closed'];
export const OPEN_STATUSES: readonly CommentStatus[] = ['received', 'referred'];

export const COMMENT_STATUS_LABELS: Record<CommentStatus, string> = {
  received: 'Received',
  referred: 'Referred',
  responded: 'Responded',
  closed: 'Closed',
};

export const RESPONSE_METHODS: readonly CommentResponseMethod[] = ['email', 'letter', 'telephone', 'in_person', 'other'];

export const RESPONSE_METHOD_LABELS: Record<CommentResponseMethod, string> = {
  email: 'Email',
  letter: 'Letter',
  telephone: 'Telephone',
  in_person: 'In person',
  other: 'Another way',
};

export type CommentAction = 'refer' | 'respond' | 'close';

const ALLOWED_FROM: Record<CommentAction, readonly CommentStatus[]> = {
  refer: ['received', 'referred'],
  respond: ['received', 'referred'],
  close: ['received', 'referred', 'responded'],
};

export function canDo(action: CommentAction, status: CommentStatus): boolean {
  return ALLOWED_FROM[action].includes(status);
}

export function isOpen(status: CommentStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export function isResponseMethod(value: string): value is CommentResponseMethod {
  return (RESPONSE_METHODS as readonly string[]).includes(value);
}
