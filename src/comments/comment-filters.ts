import type { ParsedUrlQuery } from 'node:querystring';
import type { CommentStatus } from './comments.tables.ts';
import { badRequest } from '../http/errors.ts';
import { QueryReader } from '../http/query.ts';
import { COMMENT_STATUSES } from './comment-status.ts';

/** The inbox's filters as the query string gives them: shareable, and the same for the CSV export. */
export interface CommentFilters {
  /** A decision's id, or 'general' for the plan in general. */
  decision?: number | 'general' | undefined;
  status: CommentStatus[];
  /** Received on or after / on or before (London dates). */
  from?: string | undefined;
  to?: string | undefined;
  /** A decision maker's id. */
  member?: number | undefined;
  overdue: boolean;
}

export function parseCommentQuery(query: ParsedUrlQuery): { filters: CommentFilters; page: number } {
  const reader = new QueryReader(query);
  const decision = String(query.decision).trim() === 'general' ? 'general' : reader.id('decision', "general or a decision's number");
  const member = reader.id('member', "a decision maker's number");
  const overdue = reader.single('overdue', 3);
  if (overdue !== undefined && overdue !== 'yes') reader.problems.push("'overdue' must be yes, or left out");
  const filters: CommentFilters = {
    decision,
    status: reader.oneOf('status', COMMENT_STATUSES),
    from: reader.date('from'),
    to: reader.date('to'),
    member,
    overdue: overdue === 'yes',
  };
  if (filters.from && filters.to && filters.from > filters.to) reader.problems.push("'Received from' must be on or before 'Received to'");
  const page = reader.integer('page', { min: 1, max: 10_000, fallback: 1 });
  if (reader.problems.length > 0) throw badRequest('There is a problem with the filters', reader.problems);
  return { filters, page };
}

export function hasCommentFilters(filters: CommentFilters): boolean {
  return !!(filters.decision || filters.status.length || filters.from || filters.to || filters.member || filters.overdue);
}

/** '?status=received&from=…' (or '' when there are none), for pagination and the export link. */
export function commentFiltersToQuery(filters: CommentFilters, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  if (filters.decision) params.set('decision', String(filters.decision));
  for (const status of filters.status) params.append('status', status);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.member) params.set('member', String(filters.member));
  if (filters.overdue) params.set('overdue', 'yes');
  for (const [key, value] of Object.entries(extra)) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
