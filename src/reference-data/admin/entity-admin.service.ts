import type { Db } from '../../db/create-db.ts';
import type { EntityKind } from '../reference-data.tables.ts';
import { insertDecisionMaker, insertNamedEntity } from '../reference-data.repository.ts';
import type { Executor } from '../../db/executor.ts';
import { aliasKey, uniqueSlug } from '../resolver.ts';
import { aliasOwner, insertAlias } from './alias-admin.repository.ts';
import { cabinetOf, entityById, slugOwner, updateEntity } from './entity-admin.repository.ts';
import { isUniqueViolation, refused, succeeded, type FieldProblems, type FormResult } from './form-result.ts';
import { changedFields, recordReferenceChange, type ChangeAuthor } from './reference-data-changes.repository.ts';
import { ADMIN_KINDS } from './reference-data-kinds.ts';
import { slugProblem } from './slug-rules.ts';

export const MAX_NAME_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 5_000;

export interface EntityInput {
  name: string;
  /** '' when adding means "make one from the name". */
  slug: string;
  description: string;
  /** Adding a decision maker: 'member' or 'cabinet'. */
  makerKind?: string;
}

async function nameProblem(db: Executor, kind: EntityKind, name: string, selfId?: number): Promise<string | undefined> {
  if (name === '') return 'Enter a name';
  if (name.length > MAX_NAME_LENGTH) return `The name must be ${MAX_NAME_LENGTH} characters or fewer`;
  if (aliasKey(kind, name) === '') return 'Enter a name with at least one letter or number';
  const owner = await aliasOwner(db, kind, aliasKey(kind, name));
  if (owner && owner.entityId !== selfId) {
    return `‘${name}’ is already a spelling of ‘${owner.entityName}’: if they are the same ${ADMIN_KINDS[kind].singular}, merge them instead`;
  }
  return undefined;
}

async function slugProblemFor(db: Executor, kind: EntityKind, slug: string, selfId?: number): Promise<string | undefined> {
  const problem = slugProblem(slug);
  if (problem) return problem;
  const owner = await slugOwner(db, kind, slug);
  return owner !== undefined && owner !== selfId ? `Another ${ADMIN_KINDS[kind].singular} already uses the short name ‘${slug}’` : undefined;
}

function descriptionProblem(description: string): string | undefined {
  return description.length > MAX_DESCRIPTION_LENGTH ? `The text must be ${MAX_DESCRIPTION_LENGTH} characters or fewer` : undefined;
}

/** Keeps the entity's own name among its spellings, so the next import recognises it. */
async function keepNameAsSpelling(db: Executor, kind: EntityKind, id: number, name: string, by: ChangeAuthor) {
  const key = aliasKey(kind, name);
  if (await aliasOwner(db, kind, key)) return;
  await insertAlias(db, kind, id, name, key);
  await recordReferenceChange(db, by, { kind, entityId: id, entityName: name, action: 'alias_added', fields: { spelling: { from: null, to: name } } });
}

function slugTakenOutcome<T>(error: unknown): FormResult<T> {
  if (isUniqueViolation(error)) return refused({ slug: 'Another entry was saved with this short name or name at the same time: check and try again' });
  throw error;
}

/** Adding, editing and reviewing committees, wards, directorates and decision makers. */
export function createEntityAdmin(db: Db) {
  return {
    async create(kind: EntityKind, input: EntityInput, by: ChangeAuthor): Promise<FormResult<{ id: number }>> {
      const problems: FieldProblems = {};
      const isCabinet = kind === 'decision_maker' && input.makerKind === 'cabinet';
      if (kind === 'decision_maker' && input.makerKind !== 'member' && !isCabinet) problems.makerKind = 'Select whether this is a Cabinet Member or the Cabinet';
      if (isCabinet) {
        const cabinet = await cabinetOf(db);
        if (cabinet) problems.makerKind = `The Cabinet is already recorded as ‘${cabinet.name}’: there is only one`;
      }
      const name = await nameProblem(db, kind, input.name);
      if (name) problems.name = name;
      if (input.slug !== '') {
        const slug = await slugProblemFor(db, kind, input.slug);
        if (slug) problems.slug = slug;
      }
      const description = descriptionProblem(input.description);
      if (description) problems.description = description;
      if (Object.keys(problems).length > 0) return refused(problems);
      try {
        return await db.transaction().execute(async (trx) => {
          const slug = input.slug || (await uniqueSlug(trx, kind, input.name));
          const id =
            kind === 'decision_maker'
              ? await insertDecisionMaker(trx, { slug, name: input.name, kind: isCabinet ? 'cabinet' : 'member' })
              : await insertNamedEntity(trx, kind, { slug, name: input.name, description: input.description });
          const fields = { name: { from: null, to: input.name }, slug: { from: null, to: slug } };
          await recordReferenceChange(trx, by, {
            kind,
            entityId: id,
            entityName: input.name,
            action: 'created',
            fields: kind === 'decision_maker' ? { ...fields, kind: { from: null, to: isCabinet ? 'cabinet' : 'member' } } : { ...fields, description: { from: null, to: input.description } },
          });
          await keepNameAsSpelling(trx, kind, id, input.name, by);
          return succeeded({ id });
        });
      } catch (error) {
        return slugTakenOutcome(error);
      }
    },

    /** Saving an entity an import created marks it reviewed: someone has looked at it. Undefined when there is no such entity. */
    async update(kind: EntityKind, id: number, input: EntityInput, by: ChangeAuthor): Promise<FormResult<{ id: number }> | undefined> {
      const before = await entityById(db, kind, id);
      if (!before) return undefined;
      const problems: FieldProblems = {};
      const name = await nameProblem(db, kind, input.name, id);
      if (name) problems.name = name;
      const slug = await slugProblemFor(db, kind, input.slug, id);
      if (slug) problems.slug = slug;
      const description = kind === 'decision_maker' ? undefined : descriptionProblem(input.description);
      if (description) problems.description = description;
      if (Object.keys(problems).length > 0) return refused(problems);
      const after = { name: input.name, slug: input.slug, ...(kind === 'decision_maker' ? {} : { description: input.description }), needsReview: false };
      const fields = changedFields({ name: before.name, slug: before.slug, description: before.description, needsReview: before.needsReview }, after);
      if (Object.keys(fields).length === 0) return succeeded({ id });
      try {
        return await db.transaction().execute(async (trx) => {
          await updateEntity(trx, kind, id, { name: after.name, slug: after.slug, description: after.description, needs_review: false });
          await recordReferenceChange(trx, by, { kind, entityId: id, entityName: input.name, action: 'updated', fields });
          await keepNameAsSpelling(trx, kind, id, input.name, by);
          return succeeded({ id });
        });
      } catch (error) {
        return slugTakenOutcome(error);
      }
    },

    /** Takes an entity off the review queue as it is. False when there is no such entity. */
    async markReviewed(kind: EntityKind, id: number, by: ChangeAuthor): Promise<boolean> {
      const entity = await entityById(db, kind, id);
      if (!entity) return false;
      if (!entity.needsReview) return true;
      await db.transaction().execute(async (trx) => {
        await updateEntity(trx, kind, id, { needs_review: false });
        await recordReferenceChange(trx, by, { kind, entityId: id, entityName: entity.name, action: 'reviewed', fields: { needsReview: { from: true, to: false } } });
      });
      return true;
    },
  };
}

export type EntityAdmin = ReturnType<typeof createEntityAdmin>;
