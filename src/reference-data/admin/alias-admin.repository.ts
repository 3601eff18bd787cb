import type { EntityKind } from '../reference-data.tables.ts';
import { ALIAS_COLUMN, ENTITY_TABLE } from '../reference-data.repository.ts';
import type { Executor } from '../../db/executor.ts';

export interface AliasRow {
  id: number;
  spelling: string;
  normalised: string;
}

export async function aliasesOf(db: Executor, kind: EntityKind, entityId: number): Promise<AliasRow[]> {
  return db
    .selectFrom('aliases')
    .select(['id', 'spelling', 'normalised'])
    .where('kind', '=', kind)
    .where(ALIAS_COLUMN[kind], '=', entityId)
    .orderBy('spelling')
    .execute();
}

/** Which entity (id and name) a normalised spelling already belongs to, and how that spelling was written. */
export async function aliasOwner(db: Executor, kind: EntityKind, normalised: string) {
  const alias = await db
    .selectFrom('aliases')
    .select(['id', 'spelling', 'committee_id', 'ward_id', 'directorate_id', 'decision_maker_id'])
    .where('kind', '=', kind)
    .where('normalised', '=', normalised)
    .executeTakeFirst();
  const entityId = alias?.[ALIAS_COLUMN[kind]];
  if (!alias || entityId == null) return undefined;
  const entity = await db.selectFrom(ENTITY_TABLE[kind]).select('name').where('id', '=', entityId).executeTakeFirstOrThrow();
  return { aliasId: alias.id, spelling: alias.spelling, entityId, entityName: entity.name };
}

export async function insertAlias(db: Executor, kind: EntityKind, entityId: number, spelling: string, normalised: string): Promise<number> {
  const row = await db
    .insertInto('aliases')
    .values({ kind, spelling, normalised, [ALIAS_COLUMN[kind]]: entityId } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function aliasOf(db: Executor, kind: EntityKind, entityId: number, aliasId: number): Promise<AliasRow | undefined> {
  return db
    .selectFrom('aliases')
    .select(['id', 'spelling', 'normalised'])
    .where('id', '=', aliasId)
    .where('kind', '=', kind)
    .where(ALIAS_COLUMN[kind], '=', entityId)
    .executeTakeFirst();
}

export async function deleteAlias(db: Executor, aliasId: number): Promise<void> {
  await db.deleteFrom('aliases').where('id', '=', aliasId).execute();
}
