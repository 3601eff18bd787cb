import type { Db } from '../../db/create-db.ts';
import type { EntityKind } from '../reference-data.tables.ts';
import { aliasKey } from '../resolver.ts';
import { aliasOf, aliasesOf, aliasOwner, deleteAlias, insertAlias } from './alias-admin.repository.ts';
import { entityById } from './entity-admin.repository.ts';
import { isUniqueViolation, refused, succeeded, type FormResult } from './form-result.ts';
import { recordReferenceChange, type ChangeAuthor } from './reference-data-changes.repository.ts';
import { ADMIN_KINDS } from './reference-data-kinds.ts';

export const MAX_SPELLING_LENGTH = 300;

/** The spellings the import recognises for each entity (the alias table), added and removed by hand. */
export function createAliasAdmin(db: Db) {
  return {
    list: (kind: EntityKind, entityId: number) => aliasesOf(db, kind, entityId),

    /** Undefined when there is no such entity. The field id of every problem is 'spelling'. */
    async add(kind: EntityKind, entityId: number, spelling: string, by: ChangeAuthor): Promise<FormResult<{ spelling: string }> | undefined> {
      const entity = await entityById(db, kind, entityId);
      if (!entity) return undefined;
      const singular = ADMIN_KINDS[kind].singular;
      if (spelling === '') return refused({ spelling: 'Enter a spelling' });
      if (spelling.length > MAX_SPELLING_LENGTH) return refused({ spelling: `The spelling must be ${MAX_SPELLING_LENGTH} characters or fewer` });
      // The import looks spellings up by this key, so two spellings with one key are one spelling.
      const key = aliasKey(kind, spelling);
      if (key === '') return refused({ spelling: 'Enter a spelling with at least one letter or number' });
      const owner = await aliasOwner(db, kind, key);
      if (owner?.entityId === entityId) {
        return refused({ spelling: `‘${spelling}’ is already a spelling of this ${singular} (recorded as ‘${owner.spelling}’)` });
      }
      if (owner) {
        return refused({
          spelling: `‘${spelling}’ is already a spelling of ‘${owner.entityName}’: if that is the same ${singular}, merge the two instead`,
        });
      }
      try {
        await db.transaction().execute(async (trx) => {
          await insertAlias(trx, kind, entityId, spelling, key);
          await recordReferenceChange(trx, by, { kind, entityId, entityName: entity.name, action: 'alias_added', fields: { spelling: { from: null, to: spelling } } });
        });
      } catch (error) {
        if (isUniqueViolation(error)) return refused({ spelling: `‘${spelling}’ was added by someone else at the same time: reload the page` });
        throw error;
      }
      return succeeded({ spelling });
    },

    /** Undefined when the entity or the spelling does not exist. The field id of every problem is 'spellings'. */
    async remove(kind: EntityKind, entityId: number, aliasId: number, by: ChangeAuthor): Promise<FormResult<{ spelling: string }> | undefined> {
      const entity = await entityById(db, kind, entityId);
      if (!entity) return undefined;
      const alias = await aliasOf(db, kind, entityId, aliasId);
      if (!alias) return undefined;
      if (alias.normalised === aliasKey(kind, entity.name)) {
        return refused({
          spellings: `‘${alias.spelling}’ is how the name ‘${entity.name}’ is recognised by the import, so it cannot be removed. Change the name first if it is wrong.`,
        });
      }
      await db.transaction().execute(async (trx) => {
        await deleteAlias(trx, aliasId);
        await recordReferenceChange(trx, by, { kind, entityId, entityName: entity.name, action: 'alias_removed', fields: { spelling: { from: alias.spelling, to: null } } });
      });
      return succeeded({ spelling: alias.spelling });
    },
  };
}

export type AliasAdmin = ReturnType<typeof createAliasAdmin>;
