import type { Db } from '../../db/create-db.ts';
import type { EntityKind } from '../reference-data.tables.ts';
import { createAliasAdmin } from './alias-admin.service.ts';
import { createCouncilAdmin } from './council-admin.service.ts';
import { countsByKind, entityById, listForAdmin } from './entity-admin.repository.ts';
import { decisionIdsNaming } from '../merge.ts';
import { createEntityAdmin } from './entity-admin.service.ts';
import { createMergeAdmin } from './merge-admin.service.ts';
import { createPortfolioAdmin } from './portfolio-admin.service.ts';
import { createSettingsAdmin } from './settings-admin.service.ts';
import { changesOf } from './reference-data-changes.repository.ts';
import { KIND_LIST } from './reference-data-kinds.ts';

/** Everything the reference-data admin pages do, built from the database and the caches of the council's details and settings. */
export function createReferenceDataAdmin(db: Db, council: { forget(): void }, settings: { forget(): void }) {
  return {
    entities: createEntityAdmin(db),
    aliases: createAliasAdmin(db),
    portfolios: createPortfolioAdmin(db),
    merges: createMergeAdmin(db),
    council: createCouncilAdmin(db, council),
    settings: createSettingsAdmin(db, settings),
    list: (kind: EntityKind) => listForAdmin(db, kind),
    entity: (kind: EntityKind, id: number) => entityById(db, kind, id),
    decisionCount: async (kind: EntityKind, id: number) => (await decisionIdsNaming(db, kind, id)).length,
    history: (kind: EntityKind | 'council' | 'council_settings', id: number) => changesOf(db, kind, id),

    /** The four kinds with their counts, and what imports created from spellings nobody knew. */
    async overview() {
      const kinds = await Promise.all(KIND_LIST.map(async (page) => ({ page, ...(await countsByKind(db, page.kind)) })));
      const queue = await Promise.all(
        KIND_LIST.map(async (page) => (await listForAdmin(db, page.kind, { needsReviewOnly: true })).map((entity) => ({ page, ...entity }))),
      );
      return { kinds, queue: queue.flat() };
    },
  };
}

export type ReferenceDataAdmin = ReturnType<typeof createReferenceDataAdmin>;
