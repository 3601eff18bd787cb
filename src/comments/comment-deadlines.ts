import type { CommentStatus } from './comments.tables.ts';
import { addDays } from '../lib/dates.ts';
import { addWorkingDays } from '../rules/working-days.ts';
import { isOpen } from './comment-status.ts';

/**
 * The date by which a comment received on `receivedOn` (London date) should have a response:
 * `workingDays` working days later, the day of receipt not counted.
 */
export function responseDueOn(receivedOn: string, workingDays: number): string {
  return addWorkingDays(receivedOn, workingDays);
}

/** Still waiting for a response after its due date. Responded and closed comments are never overdue. */
export function isOverdue(comment: { status: CommentStatus; receivedOn: string }, today: string, workingDays: number): boolean {
  return isOpen(comment.status) && today > responseDueOn(comment.receivedOn, workingDays);
}

/**
 * The latest date of receipt whose due date is already past on `today`: an open comment
 * received on or before it is overdue. Lets the database filter what isOverdue decides.
 */
export function latestOverdueReceiptDate(today: string, workingDays: number): string {
  let day = addDays(today, -1);
  while (responseDueOn(day, workingDays) >= today) day = addDays(day, -1);
  return day;
}
