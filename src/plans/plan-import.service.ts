import type { Insertable } from 'kysely';
import type { Db } from '../db/create-db.ts';
import type { Part } from '../decisions/decisions.tables.ts';
import type { PlanEntryTable } from './plans.tables.ts';
import {
  decisionsForImport,
  insertDecisionEvents,
  insertDecisions,
  lowerCased,
  replaceCommitteesOf,
  replaceWardsOf,
  updateDecisions,
} from '../decisions/decision.batch.repository.ts';
import { londonInstant } from '../lib/clock.ts';
import { isIsoDate } from '../lib/dates.ts';
import { createResolver } from '../reference-data/resolver.ts';
import type { Executor } from '../db/executor.ts';
import type { ClearDaysMode } from '../rules/clear-days.ts';
import { keyDecisionsFrom as defaultKeyDecisionsFrom } from '../rules/notice-periods.ts';
import type { AlertQueue } from '../alerts/alerts.ts';
import { PlanFileError, readPlanCsv, type PlanRow } from './plan-csv.ts';
import { changeEvents, firstNoticeEvent } from './plan-import-events.ts';
import { matchRows, type RecordedDecisions } from './plan-import-matching.ts';
import { resolveRows } from './plan-import-values.ts';
import { findPlanByDate, insertPlan, insertPlanEntries, latestPlan, planEntries } from './plan.repository.ts';

export interface ImportSummary {
  status: 'imported' | 'unchanged';
  publishedOn: string;
  keyDecisionsFrom: string;
  entries: number;
  byPart: Record<Part, number>;
  newEntries: number;
  previousEntries: number;
  decisionsCreated: number;
  decisionsUpdated: number;
}

const SNAPSHOT_FIELDS = [
  'part', 'advertised', 'position', 'reference', 'title', 'description', 'decision_maker',
  'expected_date_text', 'scrutiny_committee', 'wards', 'consultation', 'contacts', 'directorate', 'documents',
] as const;

function snapshotOf(row: PlanRow, position: number): Omit<Insertable<PlanEntryTable>, 'plan_id' | 'decision_id'> {
  const c = row.cells;
  return {
    part: row.part,
    advertised: row.advertised,
    position,
    reference: c.reference,
    title: c.title,
    description: c.description,
    decision_maker: c.decision_maker,
    expected_date_text: c.expected_date,
    expected_date: row.expected.date,
    expected_precision: row.expected.precision,
    scrutiny_committee: c.scrutiny_committee,
    wards: c.wards,
    consultation: c.consultation,
    contacts: c.contacts,
    directorate: c.directorate,
    documents: c.documents,
  };
}

function summarise(rows: PlanRow[], status: ImportSummary['status'], publishedOn: string, keyFrom: string, created = 0, updated = 0): ImportSummary {
  const byPart: Record<Part, number> = { key: 0, private: 0, non_key: 0, urgent: 0 };
  for (const row of rows) byPart[row.part] += 1;
  const newEntries = rows.filter((r) => r.advertised === 'new').length;
  return {
    status, publishedOn, keyDecisionsFrom: keyFrom, entries: rows.length, byPart, newEntries,
    previousEntries: rows.length - newEntries, decisionsCreated: created, decisionsUpdated: updated,
  };
}

function withPositions(rows: PlanRow[]) {
  const counters = new Map<string, number>();
  return rows.map((row) => {
    const group = `${row.part}/${row.advertised}`;
    const position = (counters.get(group) ?? 0) + 1;
    counters.set(group, position);
    return { row, snapshot: snapshotOf(row, position) };
  });
}

/**
 * Records a plan as the council published it: every entry's decision created or brought up to
 * date, and an immutable snapshot of the plan. One transaction: a bad file writes nothing.
 */
export async function importPlan(
  db: Db,
  bytes: Uint8Array,
  publishedOn: string,
  options: {
    /** As the plan printed it; when not given, the rule's date, counting clear days as `clearDays` says (calendar days by default). */
    keyDecisionsFrom?: string;
    clearDays?: ClearDaysMode;
    /** deps.alerts: an imported plan is a publication being recorded, so subscribers hear of it. */
    alerts?: AlertQueue;
  } = {},
): Promise<ImportSummary> {
  if (!isIsoDate(publishedOn)) throw new PlanFileError([`The publication date '${publishedOn}' must be a real date written as YYYY-MM-DD`]);
  const keyFrom = options.keyDecisionsFrom ?? defaultKeyDecisionsFrom(publishedOn, options.clearDays);
  if (!isIsoDate(keyFrom) || keyFrom <= publishedOn) {
    throw new PlanFileError([`The key decisions date '${keyFrom}' must be a date after the publication date`]);
  }
  const rows = readPlanCsv(bytes, publishedOn);
  const positioned = withPositions(rows);

  return db.transaction().execute(async (trx) => {
    const existing = await findPlanByDate(trx, publishedOn);
    if (existing) {
      const printed = await planEntries(trx, existing.id);
      const same =
        printed.length === positioned.length &&
        positioned.every(({ snapshot }) =>
          printed.some((entry) => SNAPSHOT_FIELDS.every((field) => entry[field] === snapshot[field])),
        );
      if (same) return summarise(rows, 'unchanged', publishedOn, existing.key_decisions_from);
      throw new PlanFileError([
        `A different plan published on ${publishedOn} is already recorded; a published plan is a permanent record and cannot be replaced`,
      ]);
    }

    const newest = await latestPlan(trx);
    const isNewest = !newest || newest.published_on < publishedOn;
    const planId = await insertPlan(trx, { published_on: publishedOn, key_decisions_from: keyFrom, source: 'import' });
    const publishedAt = londonInstant(publishedOn, '09:00');
    const resolved = await resolveRows(createResolver(trx), rows);
    const found = matchRows(rows, await recordedDecisions(trx, rows), await lowerCased(trx, rows.map((r) => r.cells.title)));

    const creating = rows.flatMap((row, i) => (found[i] ? [] : [i]));
    const createdIds = await insertDecisions(
      trx,
      creating.map((i) => ({ ...resolved[i]!.values, status: rows[i]!.part === 'urgent' ? 'taken' : 'planned' })),
    );
    let created = 0;
    const decisionIds = found.map((decision) => decision?.id ?? createdIds[created++]!);
    const updating = isNewest ? rows.flatMap((row, i) => (found[i] ? [i] : [])) : [];

    // Events in row order, as recording the rows one at a time numbered them.
    const events = rows.flatMap((row, i) => {
      const before = found[i];
      if (!before) return [firstNoticeEvent(decisionIds[i]!, planId, publishedAt, row)];
      return isNewest ? changeEvents(before, resolved[i]!.values, planId, publishedAt) : [];
    });
    await updateDecisions(
      trx,
      updating.map((i) => {
        const before = found[i]!;
        const status = rows[i]!.part === 'urgent' ? 'taken' : before.status === 'draft' ? 'planned' : before.status;
        return { id: before.id, values: { ...resolved[i]!.values, status, updated_at: publishedAt } };
      }),
    );
    const linked = [...creating, ...updating].sort((a, b) => a - b);
    await replaceCommitteesOf(trx, linked.map((i) => ({ decisionId: decisionIds[i]!, committeeIds: resolved[i]!.committeeIds })));
    await replaceWardsOf(trx, linked.map((i) => ({ decisionId: decisionIds[i]!, wardIds: resolved[i]!.wardIds })));
    await insertDecisionEvents(trx, events);
    const entries: Insertable<PlanEntryTable>[] = positioned.map(({ snapshot }, i) => ({ ...snapshot, plan_id: planId, decision_id: decisionIds[i]! }));
    await insertPlanEntries(trx, entries);
    // Queued in this transaction: alerts go out if and only if the plan is recorded.
    if (options.alerts) await options.alerts.queueAlertsFor(trx, { kind: 'publication', planId });
    return summarise(rows, 'imported', publishedOn, keyFrom, creating.length, updating.length);
  });
}

/** The decisions already on record that the rows may name, in two queries whatever the plan's size. */
async function recordedDecisions(db: Executor, rows: PlanRow[]): Promise<RecordedDecisions> {
  const keys = rows.flatMap((r) => (r.referenceKey ? [r.referenceKey] : []));
  const titles = rows.flatMap((r) => (r.referenceKey ? [] : [r.cells.title.toLowerCase()]));
  return decisionsForImport(db, [...new Set(keys)], [...new Set(titles)]);
}
