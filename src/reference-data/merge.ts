import { recordDecisionChange } from '../audit/decision-change.repository.ts';
import type { Db } from '../db/create-db.ts';
import type { EntityKind } from './reference-data.tables.ts';
import { systemClock } from '../lib/clock.ts';
import { recordReferenceChange, type ChangeAuthor } from './admin/reference-data-changes.repository.ts';
import { constraintFailure, repointReferences, type ReferenceCount } from './merge-foreign-keys.ts';
import { ALIAS_COLUMN, ENTITY_TABLE, addAlias } from './reference-data.repository.ts';
import type { Executor } from '../db/executor.ts';
import { aliasKey } from './resolver.ts';

export class MergeError extends Error {}

/** Merges run by `npm run fp -- merge` are recorded as the command's, with no user. */
export const COMMAND_LINE: ChangeAuthor = { userId: null, source: 'command', clock: systemClock };

/** The columns a merge moves itself (with their own rules); every other reference is repointed as found. */
export const MERGE_HANDLED: Record<EntityKind, ReadonlySet<string>> = {
  committee: new Set(['decision_committees.committee_id', 'aliases.committee_id']),
  ward: new Set(['decision_wards.ward_id', 'aliases.ward_id']),
  directorate: new Set(['decisions.directorate_id', 'aliases.directorate_id']),
  decision_maker: new Set(['decisions.decision_maker_id', 'portfolios.decision_maker_id', 'aliases.decision_maker_id']),
};

/** How a decision's audit record names the field a merge changes. */
const DECISION_FIELD: Record<EntityKind, string> = {
  committee: 'committees',
  ward: 'wards',
  directorate: 'directorate',
  decision_maker: 'decision_maker',
};

export interface MergeResult {
  from: string;
  into: string;
  /** Decisions that named the duplicate. */
  decisions: number;
  spellings: number;
  portfolios: number;
  /** Rows of other tables (added by later modules) that now point at the survivor. */
  others: ReferenceCount[];
}

export async function mergeTarget(db: Executor, kind: EntityKind, slug: string) {
  const row = await db.selectFrom(ENTITY_TABLE[kind]).select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
  if (!row) throw new MergeError(`There is no ${kind.replace('_', ' ')} with the short name '${slug}'`);
  const maker = kind === 'decision_maker' ? await db.selectFrom('decision_makers').select('kind').where('id', '=', row.id).executeTakeFirst() : undefined;
  return { ...row, isCabinet: maker?.kind === 'cabinet' };
}

export async function decisionIdsNaming(db: Executor, kind: EntityKind, id: number): Promise<number[]> {
  const rows =
    kind === 'committee'
      ? await db.selectFrom('decision_committees').select('decision_id').where('committee_id', '=', id).execute()
      : kind === 'ward'
        ? await db.selectFrom('decision_wards').select('decision_id').where('ward_id', '=', id).execute()
        : await db
            .selectFrom('decisions')
            .select('id as decision_id')
            .where(kind === 'directorate' ? 'directorate_id' : 'decision_maker_id', '=', id)
            .execute();
  return rows.map((r) => r.decision_id);
}

/** The Cabinet is one body with no portfolio: folding it into a person would lose it. */
export function cabinetProblem(from: { isCabinet: boolean }, into: { isCabinet: boolean }): string | undefined {
  return from.isCabinet && !into.isCabinet ? 'The Cabinet cannot be merged into a Cabinet Member: keep the Cabinet and merge the other entry into it' : undefined;
}

/**
 * Folds one entity into another: its decisions, its spellings (and its own name, as a new
 * spelling), a member's portfolios and any other table's references move over, so the next
 * import files those spellings under the survivor; then the duplicate is deleted. One
 * transaction, recorded in reference_changes and in each moved decision's audit record.
 */
export async function mergeEntities(db: Db, kind: EntityKind, fromSlug: string, intoSlug: string, by: ChangeAuthor = COMMAND_LINE): Promise<MergeResult> {
  if (fromSlug === intoSlug) throw new MergeError('Choose two different entries to merge');
  return db.transaction().execute(async (trx) => {
    const from = await mergeTarget(trx, kind, fromSlug);
    const into = await mergeTarget(trx, kind, intoSlug);
    const refused = cabinetProblem(from, into);
    if (refused) throw new MergeError(refused);
    try {
      return await fold(trx, kind, from, into, by);
    } catch (error) {
      const failure = constraintFailure(error);
      if (!failure) throw error;
      throw new MergeError(
        failure.code === 'foreign_key'
          ? `‘${from.name}’ could not be merged because ${failure.table} still refers to it and merging does not know how to move it. Nothing has been changed: ask the service’s developers to include ${failure.table} in merging.`
          : `‘${from.name}’ could not be merged because ${failure.table} already holds the same record for ‘${into.name}’. Nothing has been changed: ask the service’s developers to include ${failure.table} in merging.`,
      );
    }
  });
}

type Target = Awaited<ReturnType<typeof mergeTarget>>;

async function fold(trx: Executor, kind: EntityKind, from: Target, into: Target, by: ChangeAuthor): Promise<MergeResult> {
  const decisionIds = await decisionIdsNaming(trx, kind, from.id);
  if (kind === 'committee' || kind === 'ward') {
    const table = kind === 'committee' ? 'decision_committees' : 'decision_wards';
    const column = kind === 'committee' ? 'committee_id' : 'ward_id';
    // A decision already linked to both keeps one link.
    await trx
      .deleteFrom(table)
      .where(column, '=', from.id)
      .where('decision_id', 'in', (eb) => eb.selectFrom(table).select('decision_id').where(column, '=', into.id))
      .execute();
    await trx.updateTable(table).set({ [column]: into.id } as never).where(column, '=', from.id).execute();
  } else {
    const column = kind === 'directorate' ? 'directorate_id' : 'decision_maker_id';
    await trx.updateTable('decisions').set({ [column]: into.id } as never).where(column, '=', from.id).execute();
  }
  let portfolios = 0;
  if (kind === 'decision_maker' && !into.isCabinet) {
    const moved = await trx.updateTable('portfolios').set({ decision_maker_id: into.id }).where('decision_maker_id', '=', from.id).executeTakeFirst();
    portfolios = Number(moved.numUpdatedRows);
  }
  // Into the Cabinet, a member's portfolios go with them (deleted with the member; decisions' portfolio_id is set null).

  const aliasColumn = ALIAS_COLUMN[kind];
  const spellings = await trx.updateTable('aliases').set({ [aliasColumn]: into.id } as never).where(aliasColumn, '=', from.id).executeTakeFirst();
  await addAlias(trx, kind, into.id, from.name, aliasKey(kind, from.name));
  const others = await repointReferences(trx, ENTITY_TABLE[kind], from.id, into.id, MERGE_HANDLED[kind]);

  for (const decisionId of decisionIds) {
    await recordDecisionChange(trx, {
      decisionId,
      userId: by.userId,
      source: by.source === 'staff' ? 'staff' : 'system',
      action: 'updated',
      at: by.clock.now(),
      fields: { [DECISION_FIELD[kind]]: { from: from.name, to: into.name } },
      note: `Merged the duplicate ‘${from.name}’ into ‘${into.name}’`,
    });
  }
  await recordReferenceChange(trx, by, {
    kind,
    entityId: into.id,
    entityName: into.name,
    action: 'merged',
    fields: { merged: { from: { id: from.id, slug: from.slug, name: from.name }, to: { id: into.id, slug: into.slug, name: into.name } } },
  });
  await trx.deleteFrom(ENTITY_TABLE[kind]).where('id', '=', from.id).execute();
  return { from: from.name, into: into.name, decisions: decisionIds.length, spellings: Number(spellings.numUpdatedRows), portfolios, others };
}
