import type { EntityKind } from '../reference-data/reference-data.tables.ts';
import type { DecisionFilters } from '../decisions/filters.ts';
import { entitiesBySlugs } from '../reference-data/reference-data.repository.ts';
import type { Executor } from '../db/executor.ts';
import type { ScopeNames } from './alert-scope.ts';

const KINDS: [keyof ScopeNames, EntityKind][] = [
  ['committee', 'committee'],
  ['ward', 'ward'],
  ['directorate', 'directorate'],
  ['maker', 'decision_maker'],
];

/**
 * Names for a stored scope's slugs. Unlike checkFilterSlugs it never refuses: a ward merged
 * away after someone subscribed must not break their manage page or their alerts.
 */
export async function scopeNames(db: Executor, filters: DecisionFilters): Promise<ScopeNames> {
  const names: ScopeNames = {};
  for (const [key, kind] of KINDS) {
    const found = await entitiesBySlugs(db, kind, filters[key]);
    names[key] = found.map(({ slug, name }) => ({ slug, name }));
  }
  return names;
}
