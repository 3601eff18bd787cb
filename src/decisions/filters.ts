import type { ParsedUrlQuery } from 'node:querystring';
import type { DecisionStatus, Part } from './decisions.tables.ts';
import { QueryReader } from '../http/query.ts';
import { PARTS } from './labels.ts';

export const PUBLIC_STATUSES: readonly DecisionStatus[] = ['planned', 'deferred', 'taken', 'withdrawn'];

export interface DecisionFilters {
  committee: string[];
  ward: string[];
  directorate: string[];
  maker: string[];
  part: Part[];
  status: DecisionStatus[];
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
}

export interface Paging {
  page: number;
  limit: number;
}

export const FILTER_KEYS = ['committee', 'ward', 'directorate', 'maker', 'part', 'status', 'from', 'to', 'q'] as const;

/** Reads the filters every list of decisions accepts (pages, API and feeds alike). */
export function readFilters(reader: QueryReader): DecisionFilters {
  const slugs = (name: string) => {
    const values = reader.many(name);
    const bad = values.filter((v) => !/^[a-z0-9-]{1,80}$/.test(v));
    if (bad.length > 0) reader.problems.push(`'${name}' must be the short name used in addresses, such as children-and-education`);
    return bad.length > 0 ? [] : values;
  };
  const filters: DecisionFilters = {
    committee: slugs('committee'),
    ward: slugs('ward'),
    directorate: slugs('directorate'),
    maker: slugs('maker'),
    part: reader.oneOf('part', PARTS),
    status: reader.oneOf('status', PUBLIC_STATUSES),
    from: reader.date('from'),
    to: reader.date('to'),
    q: reader.single('q', 200),
  };
  if (filters.from && filters.to && filters.from > filters.to) {
    reader.problems.push("'from' must be on or before 'to'");
  }
  return filters;
}

export function readPaging(reader: QueryReader, defaultLimit = 25): Paging {
  return {
    page: reader.integer('page', { min: 1, max: 10_000, fallback: 1 }),
    limit: reader.integer('limit', { min: 1, max: 100, fallback: defaultLimit }),
  };
}

export function parseListQuery(query: ParsedUrlQuery, defaultLimit = 25): { filters: DecisionFilters; paging: Paging } {
  const reader = new QueryReader(query);
  const filters = readFilters(reader);
  const paging = readPaging(reader, defaultLimit);
  reader.throwIfProblems();
  return { filters, paging };
}

/** The query string for a set of filters (stable order), for links, feeds and pagination. */
export function filtersToQuery(filters: Partial<DecisionFilters>, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (Array.isArray(value)) for (const v of value) params.append(key, v);
    else if (value) params.append(key, value);
  }
  for (const [key, value] of Object.entries(extra)) params.append(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function hasFilters(filters: DecisionFilters): boolean {
  return FILTER_KEYS.some((key) => {
    const value = filters[key];
    return Array.isArray(value) ? value.length > 0 : Boolean(value);
  });
}
