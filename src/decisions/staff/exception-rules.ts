import type { Part } from '../decisions.tables.ts';

export type NoticeRecordKind = 'regulation-10' | 'regulation-11' | 'regulation-5';

/**
 * Which records a decision can have, or why not. A general exception (regulation 10) and special
 * urgency (regulation 11) stand in for regulation 9, which only key decisions need; the same
 * agreement also allows an urgent private decision (regulation 5(6)). The regulation 5 notices
 * are for private (Part 2) decisions.
 */
export function noticeRecordRefusal(kind: NoticeRecordKind, decision: { part: Part; is_key: boolean }): string | null {
  if (kind === 'regulation-10' && !decision.is_key) {
    return 'A general exception (regulation 10) is only for key decisions, and this is not a key decision';
  }
  if (kind === 'regulation-11' && !decision.is_key && decision.part !== 'private') {
    return 'Special urgency (regulation 11) is only for key decisions and decisions taken in private, and this is neither';
  }
  if (kind === 'regulation-5' && decision.part !== 'private') {
    return 'Notices of a private decision (regulation 5) are only for decisions in Part 2, to be taken in private';
  }
  return null;
}
