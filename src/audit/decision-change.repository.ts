import type { Executor } from '../db/executor.ts';
import { inChunks } from '../db/chunks.ts';
import type { DecisionChangeTable } from './audit.tables.ts';

/** { field: { from, to } }: what changed, with the values before and after. */
export type ChangeFields = Record<string, { from: unknown; to: unknown }>;

export interface NewDecisionChange {
  decisionId: number;
  userId: number | null;
  source: DecisionChangeTable['source'];
  action: DecisionChangeTable['action'];
  at: Date;
  fields: ChangeFields;
  note?: string;
}

/** Appends to the audit log; call it in the transaction of the change it records. */
export function recordDecisionChange(db: Executor, change: NewDecisionChange): Promise<void> {
  return recordDecisionChanges(db, [change]);
}

/** Many entries in a few statements, in the order given (publication records one per plan entry). */
export async function recordDecisionChanges(db: Executor, changes: NewDecisionChange[]): Promise<void> {
  for (const chunk of inChunks(changes)) {
    await db
      .insertInto('decision_changes')
      .values(
        chunk.map((change) => ({
          decision_id: change.decisionId,
          user_id: change.userId,
          source: change.source,
          action: change.action,
          changed_at: change.at,
          fields: JSON.stringify(change.fields),
          note: change.note ?? '',
        })),
      )
      .execute();
  }
}

export interface AuditFilters {
  userId?: number | undefined;
  decisionId?: number | undefined;
}

function filtered(db: Executor, filters: AuditFilters) {
  let query = db.selectFrom('decision_changes');
  if (filters.userId !== undefined) query = query.where('decision_changes.user_id', '=', filters.userId);
  if (filters.decisionId !== undefined) query = query.where('decision_changes.decision_id', '=', filters.decisionId);
  return query;
}

/** Newest first, with who made each change and which decision it was. */
export async function findDecisionChanges(db: Executor, filters: AuditFilters, paging: { page: number; limit: number }) {
  return filtered(db, filters)
    .innerJoin('decisions', 'decisions.id', 'decision_changes.decision_id')
    .leftJoin('users', 'users.id', 'decision_changes.user_id')
    .select([
      'decision_changes.id',
      'decision_changes.decision_id',
      'decision_changes.source',
      'decision_changes.action',
      'decision_changes.changed_at',
      'decision_changes.fields',
      'decision_changes.note',
      'decisions.title as decision_title',
      'decisions.reference as decision_reference',
      'users.email as user_email',
      'users.name as user_name',
    ])
    .orderBy('decision_changes.changed_at', 'desc')
    .orderBy('decision_changes.id', 'desc')
    .limit(paging.limit)
    .offset((paging.page - 1) * paging.limit)
    .execute();
}

export type DecisionChangeRow = Awaited<ReturnType<typeof findDecisionChanges>>[number];

export async function countDecisionChanges(db: Executor, filters: AuditFilters): Promise<number> {
  const row = await filtered(db, filters).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  return Number(row.total);
}

/** Everyone who could have made a change, for the filter. */
export async function staffForFilter(db: Executor) {
  return db.selectFrom('users').select(['id', 'email', 'name']).orderBy('email').execute();
}
