import type { ParsedUrlQuery } from 'node:querystring';
import { FILTER_KEYS, readFilters, type DecisionFilters } from '../decisions/filters.ts';
import { QueryReader } from '../http/query.ts';

/** Filters as stored in alert_subscriptions.filters: only the ones in use, in query-string form. */
export type StoredFilters = Record<string, string | string[]>;

/**
 * One spelling per scope: empty filters left out and lists sorted, so that the same choice made
 * twice (or in another order) is the same jsonb value and the unique (email, filters) holds.
 */
export function normaliseFilters(filters: DecisionFilters): StoredFilters {
  const stored: StoredFilters = {};
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (Array.isArray(value)) {
      if (value.length > 0) stored[key] = [...new Set(value)].sort();
    } else if (value) {
      stored[key] = value;
    }
  }
  return stored;
}

/**
 * Reads stored filters back through the same parser as the /decisions query string, so a
 * subscription can never mean anything /decisions would not accept.
 */
export function filtersFromStored(stored: StoredFilters): DecisionFilters {
  const reader = new QueryReader(stored as ParsedUrlQuery);
  const filters = readFilters(reader);
  if (reader.problems.length > 0) throw new Error(`Stored alert filters are not valid: ${reader.problems.join('; ')}`);
  return filters;
}

/** The same jsonb value for the same scope: the key to group subscriptions that share one. */
export function scopeKey(stored: StoredFilters): string {
  return JSON.stringify(normaliseFilters(filtersFromStored(stored)));
}
