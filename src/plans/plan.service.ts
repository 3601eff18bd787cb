import type { Db } from '../db/create-db.ts';
import type { Part } from '../decisions/decisions.tables.ts';
import type { PlanEntryRow } from './plans.tables.ts';
import { isIsoDate } from '../lib/dates.ts';
import { PART_LABELS, PARTS } from '../decisions/labels.ts';
import { findPlanByDateWithLatest, latestPlan, listPlans, planEntries } from './plan.repository.ts';

export interface PlanEntryView {
  decisionId: number;
  url: string;
  position: number;
  reference: string;
  title: string;
  description: string;
  decisionMaker: string;
  expectedDate: { asPrinted: string; date: string | null; precision: 'day' | 'month' | null };
  scrutinyCommittee: string;
  wards: string;
  consultation: string;
  contacts: string;
  directorate: string;
  documents: string;
}

export interface PlanPartView {
  part: Part;
  number: number;
  heading: string;
  newEntries: PlanEntryView[];
  previousEntries: PlanEntryView[];
}

export interface PlanView {
  publishedOn: string;
  keyDecisionsFrom: string;
  isLatest: boolean;
  url: string;
  parts: PlanPartView[];
  counts: Record<Part, number> & { total: number; new: number; previous: number };
}

/** The snapshot columns of an entry, whether published (a plan_entries row) or in a draft. */
export type EntrySnapshot = Pick<PlanEntryRow, 'decision_id' | 'position' | 'reference' | 'title' | 'description' | 'decision_maker' | 'expected_date_text' | 'scrutiny_committee' | 'wards' | 'consultation' | 'contacts' | 'directorate' | 'documents'> & {
  expected_date?: string | null;
  expected_precision?: PlanEntryRow['expected_precision'];
};

export function entryView(e: EntrySnapshot): PlanEntryView {
  return {
    decisionId: e.decision_id,
    url: `/decisions/${e.decision_id}`,
    position: e.position,
    reference: e.reference,
    title: e.title,
    description: e.description,
    decisionMaker: e.decision_maker,
    expectedDate: { asPrinted: e.expected_date_text, date: e.expected_date ?? null, precision: e.expected_precision ?? null },
    scrutinyCommittee: e.scrutiny_committee,
    wards: e.wards,
    consultation: e.consultation,
    contacts: e.contacts,
    directorate: e.directorate,
    documents: e.documents,
  };
}

/** A published plan exactly as it was printed: read from its snapshot, never from today's data. */
export function createPlanService(db: Db) {
  async function view(plan: { id: number; published_on: string; key_decisions_from: string }, isLatest: boolean): Promise<PlanView> {
    const entries = await planEntries(db, plan.id);
    const parts = PARTS.map((part) => ({
      part,
      number: PART_LABELS[part].number,
      heading: PART_LABELS[part].long,
      newEntries: entries.filter((e) => e.part === part && e.advertised === 'new').map(entryView),
      previousEntries: entries.filter((e) => e.part === part && e.advertised === 'previous').map(entryView),
    }));
    const count = (part: Part) => entries.filter((e) => e.part === part).length;
    const fresh = entries.filter((e) => e.advertised === 'new').length;
    return {
      publishedOn: plan.published_on,
      keyDecisionsFrom: plan.key_decisions_from,
      isLatest,
      url: `/plans/${plan.published_on}`,
      parts,
      counts: {
        key: count('key'), private: count('private'), non_key: count('non_key'), urgent: count('urgent'),
        total: entries.length, new: fresh, previous: entries.length - fresh,
      },
    };
  }

  return {
    async latest(): Promise<PlanView | undefined> {
      const plan = await latestPlan(db);
      return plan ? view(plan, true) : undefined;
    },
    async byDate(date: string): Promise<PlanView | undefined> {
      if (!isIsoDate(date)) return undefined;
      const plan = await findPlanByDateWithLatest(db, date);
      return plan ? view(plan, plan.is_latest) : undefined;
    },
    async archive() {
      const plans = await listPlans(db);
      return plans.map((p, index) => ({
        publishedOn: p.published_on,
        keyDecisionsFrom: p.key_decisions_from,
        entries: p.entries,
        newEntries: p.new_entries,
        isLatest: index === 0,
        url: `/plans/${p.published_on}`,
      }));
    },
  };
}

export type PlanService = ReturnType<typeof createPlanService>;
