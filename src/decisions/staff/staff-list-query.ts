import type { ParsedUrlQuery } from 'node:querystring';
import type { DecisionStatus } from '../decisions.tables.ts';
import { parseListQuery, PUBLIC_STATUSES, type DecisionFilters, type Paging } from '../filters.ts';

export const STAFF_STATUSES: readonly DecisionStatus[] = ['draft', ...PUBLIC_STATUSES];

/**
 * The public list's filters, read by the same code, plus the status only staff may ask for:
 * 'draft'. It is taken out before the public reader sees the query and put back after.
 */
export function parseStaffListQuery(query: ParsedUrlQuery): { filters: DecisionFilters; paging: Paging } {
  const raw = query.status;
  const statuses = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((v) => v.split(',')).map((v) => v.trim());
  const drafts = statuses.includes('draft');
  const others = statuses.filter((v) => v !== 'draft' && v !== '');
  const { filters, paging } = parseListQuery({ ...query, status: others.length ? others : undefined }, 50);
  return { filters: { ...filters, status: drafts ? ['draft', ...filters.status] : filters.status }, paging };
}
