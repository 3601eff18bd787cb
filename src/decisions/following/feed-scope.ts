import type { ParsedUrlQuery } from 'node:querystring';
import { QueryReader } from '../../http/query.ts';
import { filtersToQuery, readFilters, type DecisionFilters } from '../filters.ts';

/**
 * What a feed follows: the filters of /decisions, or (feeds and /subscribe only) one decision
 * by `id`, which /decisions has no use for but a resident following one decision does.
 */
export interface FeedScope {
  filters: DecisionFilters;
  decisionId?: number | undefined;
}

/** Reads and validates a scope from a query string; any problem is one 400 naming each. */
export function readFeedScope(query: ParsedUrlQuery): FeedScope {
  const reader = new QueryReader(query);
  const filters = readFilters(reader);
  const id = reader.id('id', "a decision's number");
  reader.throwIfProblems();
  return normaliseScope({ filters, decisionId: id });
}

/**
 * One form for scopes that select the same decisions (order and repeats of values, spacing in
 * the search), so that they share a cache entry and render identical bytes.
 */
export function normaliseScope(scope: FeedScope): FeedScope {
  const sorted = <T extends string>(values: T[]) => [...new Set(values)].sort();
  const f = scope.filters;
  const q = f.q?.replace(/\s+/g, ' ').trim();
  return {
    filters: {
      committee: sorted(f.committee),
      ward: sorted(f.ward),
      directorate: sorted(f.directorate),
      maker: sorted(f.maker),
      part: sorted(f.part),
      status: sorted(f.status),
      from: f.from || undefined,
      to: f.to || undefined,
      q: q || undefined,
    },
    decisionId: scope.decisionId,
  };
}

/** The query string of a scope ('' or '?…'), in the stable order the cache key relies on. */
export function scopeQuery(scope: FeedScope): string {
  return filtersToQuery(scope.filters, scope.decisionId ? { id: scope.decisionId } : {});
}

export function scopeOfFilters(filters: Partial<DecisionFilters>, decisionId?: number): FeedScope {
  return normaliseScope({
    filters: { committee: [], ward: [], directorate: [], maker: [], part: [], status: [], ...filters },
    decisionId,
  });
}
