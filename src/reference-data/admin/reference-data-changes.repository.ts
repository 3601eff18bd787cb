import type { Clock } from '../../lib/clock.ts';
import type { ReferenceChangeAction, ReferenceChangeKind } from '../reference-data.tables.ts';
import type { Executor } from '../../db/executor.ts';

/** Who makes a change: a signed-in administrator, or the `fp` command (no user). */
export interface ChangeAuthor {
  userId: number | null;
  source: 'staff' | 'command';
  clock: Clock;
}

export type ChangedFields = Record<string, { from: unknown; to: unknown }>;

export interface ReferenceChange {
  kind: ReferenceChangeKind;
  entityId: number;
  entityName: string;
  action: ReferenceChangeAction;
  fields?: ChangedFields;
}

/** Only the fields whose value differs, as { field: { from, to } }. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): ChangedFields {
  const fields: ChangedFields = {};
  for (const [key, to] of Object.entries(after)) {
    const from = before[key];
    if (to !== undefined && JSON.stringify(from) !== JSON.stringify(to)) fields[key] = { from: from ?? null, to };
  }
  return fields;
}

/** Call inside the transaction that makes the change, so the record and the change stand or fall together. */
export async function recordReferenceChange(db: Executor, by: ChangeAuthor, change: ReferenceChange): Promise<void> {
  await db
    .insertInto('reference_changes')
    .values({
      changed_at: by.clock.now(),
      user_id: by.userId,
      source: by.source,
      kind: change.kind,
      entity_id: change.entityId,
      entity_name: change.entityName,
      action: change.action,
      fields: JSON.stringify(change.fields ?? {}),
    })
    .execute();
}

/** An entity's recorded changes, newest first, with who made them. */
export async function changesOf(db: Executor, kind: ReferenceChangeKind, entityId: number, limit = 50) {
  return db
    .selectFrom('reference_changes')
    .leftJoin('users', 'users.id', 'reference_changes.user_id')
    .select([
      'reference_changes.id',
      'reference_changes.changed_at',
      'reference_changes.source',
      'reference_changes.action',
      'reference_changes.entity_name',
      'reference_changes.fields',
      'users.name as user_name',
      'users.email as user_email',
    ])
    .where('reference_changes.kind', '=', kind)
    .where('reference_changes.entity_id', '=', entityId)
    .orderBy('reference_changes.changed_at', 'desc')
    .orderBy('reference_changes.id', 'desc')
    .limit(limit)
    .execute();
}
