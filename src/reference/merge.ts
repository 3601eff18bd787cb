import type { Db } from '../db/create-db.ts';
import type { EntityKind } from '../db/database.ts';
import { ALIAS_COLUMN, ENTITY_TABLE, addAlias, type Executor } from './reference.repository.ts';
import { aliasKey } from './resolver.ts';

export class MergeError extends Error {}

async function entity(db: Executor, kind: EntityKind, slug: string) {
  const row = await db.selectFrom(ENTITY_TABLE[kind]).select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
  if (!row) throw new MergeError(`There is no ${kind.replace('_', ' ')} with the short name '${slug}'`);
  return row;
}

/**
 * Folds one entity into another: its decisions, its spellings (and its own name, as a new
 * spelling) move over, so the next import files those spellings under the survivor.
 */
export async function mergeEntities(db: Db, kind: EntityKind, fromSlug: string, intoSlug: string) {
  if (fromSlug === intoSlug) throw new MergeError('Choose two different entries to merge');
  return db.transaction().execute(async (trx) => {
    const from = await entity(trx, kind, fromSlug);
    const into = await entity(trx, kind, intoSlug);
    let decisions = 0;
    if (kind === 'committee' || kind === 'ward') {
      const table = kind === 'committee' ? 'decision_committees' : 'decision_wards';
      const column = kind === 'committee' ? 'committee_id' : 'ward_id';
      // A decision already linked to both keeps one link.
      await trx
        .deleteFrom(table)
        .where(column, '=', from.id)
        .where('decision_id', 'in', (eb) => eb.selectFrom(table).select('decision_id').where(column, '=', into.id))
        .execute();
      const moved = await trx.updateTable(table).set({ [column]: into.id } as never).where(column, '=', from.id).executeTakeFirst();
      decisions = Number(moved.numUpdatedRows);
    } else {
      const column = kind === 'directorate' ? 'directorate_id' : 'decision_maker_id';
      const moved = await trx.updateTable('decisions').set({ [column]: into.id } as never).where(column, '=', from.id).executeTakeFirst();
      decisions = Number(moved.numUpdatedRows);
      if (kind === 'decision_maker') {
        await trx.updateTable('portfolios').set({ decision_maker_id: into.id }).where('decision_maker_id', '=', from.id).execute();
      }
    }
    const aliasColumn = ALIAS_COLUMN[kind];
    await trx.updateTable('aliases').set({ [aliasColumn]: into.id } as never).where(aliasColumn, '=', from.id).execute();
    await addAlias(trx, kind, into.id, from.name, aliasKey(kind, from.name));
    await trx.deleteFrom(ENTITY_TABLE[kind]).where('id', '=', from.id).execute();
    return { from: from.name, into: into.name, decisions };
  });
}
