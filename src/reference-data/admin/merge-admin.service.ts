import type { Db } from '../../db/create-db.ts';
import type { EntityKind } from '../reference-data.tables.ts';
import { parseId } from '../../lib/ids.ts';
import { countReferences } from '../merge-foreign-keys.ts';
import { MERGE_HANDLED, MergeError, cabinetProblem, decisionIdsNaming, mergeEntities, type MergeResult } from '../merge.ts';
import { ENTITY_TABLE, listEntities } from '../reference-data.repository.ts';
import { aliasKey } from '../resolver.ts';
import { aliasesOf } from './alias-admin.repository.ts';
import { decisionTitles, entityById, type AdminEntity } from './entity-admin.repository.ts';
import { refused, succeeded, type FormResult } from './form-result.ts';
import { portfoliosOf } from './portfolio-admin.repository.ts';
import type { ChangeAuthor } from './reference-data-changes.repository.ts';

/** How many decision titles the confirmation page lists before saying "and N more". */
const TITLES_SHOWN = 15;

export interface MergeChoice {
  /** The entity the person started from (the page they are on). */
  current: AdminEntity;
  other: AdminEntity;
  from: AdminEntity;
  into: AdminEntity;
  keep: 'current' | 'other';
}

/** Merging duplicates from the admin pages: the choice, what it will move, and doing it. */
export function createMergeAdmin(db: Db) {
  const isCabinet = (e: AdminEntity) => ({ isCabinet: e.makerKind === 'cabinet' });

  return {
    /** The entities `current` could be merged with. */
    async candidates(kind: EntityKind, currentId: number) {
      return (await listEntities(db, kind)).filter((e) => e.id !== currentId);
    },

    /** Reads the choice form (fields 'other' and 'keep'); undefined when the current entity does not exist. */
    async choose(kind: EntityKind, currentId: number, otherText: string, keepText: string): Promise<FormResult<MergeChoice> | undefined> {
      const current = await entityById(db, kind, currentId);
      if (!current) return undefined;
      const problems: Record<string, string> = {};
      const otherId = parseId(otherText);
      const other = otherId !== undefined && otherId !== currentId ? await entityById(db, kind, otherId) : undefined;
      if (!other) problems.other = 'Select the entry to merge with';
      if (keepText !== 'current' && keepText !== 'other') problems.keep = 'Select which one to keep';
      if (!other || Object.keys(problems).length > 0) return refused(problems);
      const keep = keepText as MergeChoice['keep'];
      const [from, into] = keep === 'current' ? [other, current] : [current, other];
      const cabinet = cabinetProblem(isCabinet(from), isCabinet(into));
      if (cabinet) return refused({ keep: cabinet });
      return succeeded({ current, other, from, into, keep });
    },

    /** Everything the merge will move, for the confirmation page. */
    async preview(kind: EntityKind, from: AdminEntity, into: AdminEntity) {
      const decisionIds = await decisionIdsNaming(db, kind, from.id);
      const intoIds = new Set(await decisionIdsNaming(db, kind, into.id));
      const spellings = await aliasesOf(db, kind, from.id);
      const nameIsSpelling = spellings.some((s) => s.normalised === aliasKey(kind, from.name));
      const portfolios = kind === 'decision_maker' ? await portfoliosOf(db, from.id) : [];
      return {
        decisions: decisionIds.length,
        alreadyBoth: decisionIds.filter((id) => intoIds.has(id)).length,
        titles: await decisionTitles(db, decisionIds, TITLES_SHOWN),
        spellings: nameIsSpelling ? spellings.map((s) => s.spelling) : [from.name, ...spellings.map((s) => s.spelling)],
        portfolios,
        portfoliosRemoved: into.makerKind === 'cabinet' && portfolios.length > 0,
        others: await countReferences(db, ENTITY_TABLE[kind], from.id, MERGE_HANDLED[kind]),
      };
    },

    /** Undefined when either entity no longer exists; a refusal (field 'merge') when the database would not allow it. */
    async merge(kind: EntityKind, fromId: number, intoId: number, by: ChangeAuthor): Promise<FormResult<MergeResult & { intoId: number }> | undefined> {
      const [from, into] = await Promise.all([entityById(db, kind, fromId), entityById(db, kind, intoId)]);
      if (!from || !into) return undefined;
      try {
        return succeeded({ ...(await mergeEntities(db, kind, from.slug, into.slug, by)), intoId });
      } catch (error) {
        if (error instanceof MergeError) return refused({ merge: error.message });
        throw error;
      }
    },
  };
}

export type MergeAdmin = ReturnType<typeof createMergeAdmin>;
