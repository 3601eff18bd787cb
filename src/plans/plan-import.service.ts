import type { Insertable } from 'kysely';
import type { Db } from '../db/create-db.ts';
import type { DecisionRow, Part, PlanEntryTable } from '../db/database.ts';
import { londonInstant } from '../lib/clock.ts';
import { isIsoDate } from '../lib/dates.ts';
import { keyDecisionsFrom as defaultKeyDecisionsFrom } from '../rules/notice-periods.ts';
import {
  findDecisionForImport,
  insertDecision,
  insertDecisionEvent,
  replaceCommittees,
  replaceWards,
  updateDecision,
} from '../decisions/decision.write.repository.ts';
import { createResolver } from '../reference/resolver.ts';
import { exemptParagraphIn } from '../reference/spellings.ts';
import type { Executor } from '../reference/reference.repository.ts';
import type { AlertQueue } from '../alerts/alerts.ts';
import { PlanFileError, readPlanCsv, type PlanRow } from './plan-csv.ts';
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
    keyDecisionsFrom?: string;
    /** deps.alerts: an imported plan is a publication being recorded, so subscribers hear of it. */
    alerts?: AlertQueue;
  } = {},
): Promise<ImportSummary> {
  if (!isIsoDate(publishedOn)) throw new PlanFileError([`The publication date '${publishedOn}' must be a real date written as YYYY-MM-DD`]);
  const keyFrom = options.keyDecisionsFrom ?? defaultKeyDecisionsFrom(publishedOn);
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
    const resolver = createResolver(trx);
    const entries: Insertable<PlanEntryTable>[] = [];
    const seen = new Set<number>();
    let created = 0;
    let updated = 0;

    for (const { row, snapshot } of positioned) {
      const c = row.cells;
      const maker = await resolver.decisionMaker(c.decision_maker, row.expected.date);
      const wards = await resolver.wards(c.wards);
      const values = {
        reference: c.reference === '' ? null : c.reference,
        reference_key: row.referenceKey,
        title: c.title,
        description: c.description,
        part: row.part,
        decision_maker_id: maker.decisionMakerId,
        portfolio_id: maker.portfolioId,
        expected_date: row.expected.date,
        expected_precision: row.expected.precision,
        expected_date_text: c.expected_date,
        expected_date_note: row.expected.note,
        ward_scope: wards.scope,
        wards_text: c.wards,
        consultation: c.consultation,
        contacts: c.contacts,
        directorate_id: await resolver.directorate(c.directorate),
        documents: c.documents,
        exempt_paragraph: row.part === 'private' ? exemptParagraphIn(c.documents) : null,
        // Part 2 holds key and non-key decisions alike; a printed key reference says which.
        is_key: row.part === 'key' || row.part === 'urgent' || row.referenceKey !== null,
      };
      const committeeIds = await resolver.committees(c.scrutiny_committee);
      const found = await findDecisionForImport(trx, row.referenceKey, c.title);
      if (found && seen.has(found.id)) {
        throw new PlanFileError([`Row ${row.row} (line ${row.line}), column 'title': '${c.title}' appears twice in this plan`]);
      }
      let decisionId: number;
      if (!found) {
        decisionId = await insertDecision(trx, { ...values, status: row.part === 'urgent' ? 'taken' : 'planned' });
        await replaceCommittees(trx, decisionId, committeeIds);
        await replaceWards(trx, decisionId, wards.wardIds);
        created += 1;
        await recordFirstNotice(trx, decisionId, planId, publishedAt, row);
      } else {
        decisionId = found.id;
        if (isNewest) {
          await recordChanges(trx, found, values, planId, publishedAt);
          await updateDecision(trx, decisionId, {
            ...values,
            status: row.part === 'urgent' ? 'taken' : found.status === 'draft' ? 'planned' : found.status,
            updated_at: publishedAt,
          });
          await replaceCommittees(trx, decisionId, committeeIds);
          await replaceWards(trx, decisionId, wards.wardIds);
          updated += 1;
        }
      }
      seen.add(decisionId);
      entries.push({ ...snapshot, plan_id: planId, decision_id: decisionId });
    }
    await insertPlanEntries(trx, entries);
    // Queued in this transaction: alerts go out if and only if the plan is recorded.
    if (options.alerts) await options.alerts.queueAlertsFor(trx, { kind: 'publication', planId });
    return summarise(rows, 'imported', publishedOn, keyFrom, created, updated);
  });
}

async function recordFirstNotice(db: Executor, decisionId: number, planId: number, at: Date, row: PlanRow) {
  await insertDecisionEvent(db, {
    decisionId,
    kind: row.part === 'urgent' ? 'taken' : 'advertised',
    occurredAt: at,
    planId,
    details: { part: row.part, advertised: row.advertised },
  });
}

async function recordChanges(
  db: Executor,
  before: DecisionRow,
  after: { part: Part; expected_date: string; expected_precision: string; expected_date_text: string },
  planId: number,
  at: Date,
) {
  if (before.expected_date !== after.expected_date || before.expected_precision !== after.expected_precision) {
    await insertDecisionEvent(db, {
      decisionId: before.id,
      kind: 'date_changed',
      occurredAt: at,
      planId,
      details: {
        from: { date: before.expected_date, precision: before.expected_precision, text: before.expected_date_text },
        to: { date: after.expected_date, precision: after.expected_precision, text: after.expected_date_text },
      },
    });
  }
  if (before.part !== after.part) {
    await insertDecisionEvent(db, {
      decisionId: before.id,
      kind: after.part === 'urgent' ? 'taken' : 'part_changed',
      occurredAt: at,
      planId,
      details: { from: before.part, to: after.part },
    });
  }
}
