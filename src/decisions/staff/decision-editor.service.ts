import { recordDecisionChange } from '../../audit/decision-change.repository.ts';
import { diffFields } from '../../audit/audit-fields.ts';
import type { StaffUser } from '../../auth/roles.ts';
import type { Db } from '../../db/create-db.ts';
import type { DecisionRow } from '../decisions.tables.ts';
import type { Clock } from '../../lib/clock.ts';
import { portfolioOn } from '../../reference-data/reference-data.repository.ts';
import type { Executor } from '../../db/executor.ts';
import { insertDecision, insertDecisionEvent, replaceCommittees, replaceWards, updateDecision } from '../decision.write.repository.ts';
import { columnsOf, createdFields, printedWards, sameMembers, sameOrder } from './decision-columns.ts';
import type { DecisionInput } from './decision-form.ts';
import { auditStateOf, committeeIdsOf, lockDecision, makerKind, namesOf, wardIdsOf } from './staff-decision.repository.ts';
import { NOT_FOUND, type NotFound } from '../../lib/result.ts';

export type SaveResult =
  | { status: 'saved'; id: number; changed: string[] }
  | { status: 'unchanged'; id: number }
  | { status: 'stale'; id: number }
  | NotFound;

/** A member's portfolio on the expected date, as the import chooses it; the Cabinet has none. */
async function portfolioFor(db: Executor, input: DecisionInput): Promise<number | null> {
  if ((await makerKind(db, input.decisionMakerId)) !== 'member') return null;
  return (await portfolioOn(db, input.decisionMakerId, input.expected.date))?.id ?? null;
}

/** Residents see moves of the date and of the part once a decision is public; drafts have no public history. */
async function recordPublicEvents(db: Executor, before: DecisionRow, input: DecisionInput, at: Date): Promise<void> {
  if (before.status === 'draft') return;
  if (before.expected_date !== input.expected.date || before.expected_precision !== input.expected.precision) {
    await insertDecisionEvent(db, {
      decisionId: before.id,
      kind: 'date_changed',
      occurredAt: at,
      details: {
        from: { date: before.expected_date, precision: before.expected_precision, text: before.expected_date_text },
        to: { date: input.expected.date, precision: input.expected.precision, text: input.expected.text },
      },
    });
  }
  if (before.part !== input.part) {
    await insertDecisionEvent(db, { decisionId: before.id, kind: 'part_changed', occurredAt: at, details: { from: before.part, to: input.part } });
  }
}

/** Staff create and edit decisions; every change is audited in its own transaction. */
export function createDecisionEditor(db: Db, clock: Clock) {
  return {
    /** A new decision is a draft: only staff see it until a published plan includes it. */
    async create(input: DecisionInput, user: StaffUser): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const now = clock.now();
        const wardsText = printedWards(input.wardScope, await namesOf(trx, 'wards', input.wardIds));
        const id = await insertDecision(trx, {
          ...columnsOf(input),
          portfolio_id: await portfolioFor(trx, input),
          wards_text: wardsText,
          status: 'draft',
          created_by: user.id,
          created_at: now,
          updated_at: now,
        });
        await replaceCommittees(trx, id, input.committeeIds);
        await replaceWards(trx, id, input.wardIds);
        const state = (await auditStateOf(trx, id))!;
        await recordDecisionChange(trx, { decisionId: id, userId: user.id, source: 'staff', action: 'created', at: now, fields: createdFields(state) });
        return id;
      });
    },

    /**
     * `revision` is the one the form was filled in from: if the decision changed since, the
     * edit is refused rather than silently undoing someone else's change.
     */
    async update(id: number, input: DecisionInput, revision: number | null, user: StaffUser): Promise<SaveResult> {
      return db.transaction().execute(async (trx): Promise<SaveResult> => {
        const row = await lockDecision(trx, id);
        if (!row) return NOT_FOUND;
        if (revision !== null && row.revision !== revision) return { status: 'stale', id };
        const now = clock.now();
        const [committeeIds, wardIds] = await Promise.all([committeeIdsOf(trx, id), wardIdsOf(trx, id)]);
        const wardsChanged = row.ward_scope !== input.wardScope || !sameMembers(wardIds, input.wardIds);
        const committeesChanged = !sameOrder(committeeIds, input.committeeIds);
        const makerOrDateChanged = row.decision_maker_id !== input.decisionMakerId || row.expected_date !== input.expected.date;
        const values = {
          ...columnsOf(input),
          portfolio_id: makerOrDateChanged ? await portfolioFor(trx, input) : row.portfolio_id,
          // Keep the wording as printed (and imported) unless the wards themselves change.
          wards_text: wardsChanged ? printedWards(input.wardScope, await namesOf(trx, 'wards', input.wardIds)) : row.wards_text,
        };
        const columnsChanged = (Object.keys(values) as (keyof typeof values)[]).some((key) => row[key] !== values[key]);
        if (!columnsChanged && !committeesChanged && !wardsChanged) return { status: 'unchanged', id };

        const before = (await auditStateOf(trx, id))!;
        await updateDecision(trx, id, { ...values, updated_at: now });
        if (committeesChanged) await replaceCommittees(trx, id, input.committeeIds);
        if (wardsChanged) await replaceWards(trx, id, input.wardIds);
        const fields = diffFields(before, (await auditStateOf(trx, id))!);
        await recordPublicEvents(trx, row, input, now);
        await recordDecisionChange(trx, { decisionId: id, userId: user.id, source: 'staff', action: 'updated', at: now, fields });
        return { status: 'saved', id, changed: Object.keys(fields) };
      });
    },
  };
}

export type DecisionEditor = ReturnType<typeof createDecisionEditor>;
