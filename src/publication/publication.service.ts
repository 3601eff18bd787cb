import type { AlertQueue } from '../alerts/alerts.ts';
import { recordDecisionChanges, type ChangeFields } from '../audit/decision-change.repository.ts';
import type { Db } from '../db/create-db.ts';
import type { Part } from '../decisions/decisions.tables.ts';
import { insertDecisionEvents } from '../decisions/decision.batch.repository.ts';
import { PART_LABELS } from '../decisions/labels.ts';
import { recordDueNoticeEvents } from '../decisions/notices/notice-announcements.ts';
import { today, type Clock } from '../lib/clock.ts';
import { formatLongDate, isIsoDate } from '../lib/dates.ts';
import { findPlanByDate, insertPlanEntries, latestPlan } from '../plans/plan.repository.ts';
import type { PlanView } from '../plans/plan.service.ts';
import type { CouncilSettingsService } from '../reference-data/council-settings.service.ts';
import type { Executor } from '../db/executor.ts';
import { assembleDraft, type Draft, type DraftEntry } from './draft-assembly.ts';
import { changesSincePrevious, type DraftChanges } from './draft-changes.ts';
import { draftDecisionFacts, publicationHistory } from './draft.repository.ts';
import { breachLine, summariseDraft, type DraftSummary } from './draft-summary.ts';
import { draftPlanView } from './draft-view.ts';
import { draftBreaches, type DraftBreach } from './notice-check.ts';
import { giveReferences, insertPublishedPlan, lockPublication, markPlanned } from './publication.repository.ts';

export interface PreparedDraft {
  draft: Draft;
  /** The draft in the shape of a published plan, for the public plan templates. */
  view: PlanView;
  changes: DraftChanges;
  breaches: DraftBreach[];
  summary: DraftSummary;
  /** Why no plan can be published for this date, whatever the draft says. */
  blocker: { kind: 'already_published' | 'later_plan'; publishedOn: string } | null;
}

export type PublishOutcome =
  | { status: 'published'; planId: number; publishedOn: string; summary: DraftSummary }
  | { status: 'already_published'; publishedOn: string }
  | { status: 'refused'; publishedOn: string; reasons: string[]; breaches: DraftBreach[] };

/**
 * Drafting and publishing the next plan. The preview, the button, the CLI and the schedule all
 * go through `prepare` and `publish`, so they show and do exactly the same. Clear days (the
 * "key decisions from" date, its references, the notice checks) count as the council's settings say.
 */
export function createPublicationService({ db, clock, alerts, settings }: { db: Db; clock: Clock; alerts: AlertQueue; settings: Pick<CouncilSettingsService, 'get'> }) {
  async function prepare(publishedOn: string, executor: Executor = db): Promise<PreparedDraft> {
    if (!isIsoDate(publishedOn)) throw new RangeError(`The plan's date must be a real date written as YYYY-MM-DD, not '${publishedOn}'`);
    const { clearDays } = await settings.get();
    const history = await publicationHistory(executor, publishedOn);
    const facts = await draftDecisionFacts(executor, history.previousPlan?.id ?? null);
    const draft = assembleDraft(publishedOn, facts, history, clearDays);
    const byId = new Map(facts.map((f) => [f.id, f]));
    const changes = changesSincePrevious(draft, byId, history);
    const breaches = await draftBreaches(executor, clock, draft, clearDays);
    return {
      draft,
      view: draftPlanView(draft),
      changes,
      breaches,
      summary: summariseDraft(draft, changes, breaches),
      blocker: await blockerFor(executor, publishedOn),
    };
  }

  async function publish(options: { publishedOn: string; userId: number | null }): Promise<PublishOutcome> {
    const { publishedOn, userId } = options;
    try {
      return await db.transaction().execute(async (trx) => {
        await lockPublication(trx);
        const prepared = await prepare(publishedOn, trx);
        if (prepared.blocker?.kind === 'already_published') return { status: 'already_published', publishedOn };
        const reasons = refusals(prepared, today(clock));
        if (reasons.length > 0) return { status: 'refused', publishedOn, reasons, breaches: prepared.breaches };

        const { draft } = prepared;
        const now = clock.now();
        const planId = await insertPublishedPlan(trx, { publishedOn, keyDecisionsFrom: draft.keyDecisionsFrom, publishedBy: userId });
        await giveReferences(
          trx,
          draft.entries.flatMap((e) => (e.newReference ? [{ decisionId: e.decisionId, reference: e.newReference }] : [])),
          now,
        );
        await insertPlanEntries(
          trx,
          draft.entries.map((e) => ({ ...e.snapshot, plan_id: planId, decision_id: e.decisionId, part: e.part, advertised: e.advertised, position: e.position })),
        );
        const drafts = draft.entries.filter((e) => e.statusBefore === 'draft').map((e) => e.decisionId);
        await markPlanned(trx, drafts, now);
        await insertDecisionEvents(
          trx,
          // Part 4 reports a decision already taken: its public event is the outcome, not an advertisement.
          draft.entries
            .filter((entry) => entry.advertised === 'new' && entry.part !== 'urgent')
            .map((entry) => ({
              decisionId: entry.decisionId,
              kind: 'advertised' as const,
              occurredAt: now,
              planId,
              details: { part: entry.part, advertised: 'new', reference: entry.snapshot.reference || null },
            })),
        );
        // Notices recorded while these were drafts become public with them; this plan's alerts carry them.
        await recordDueNoticeEvents(trx, { now, today: today(clock), planId }, drafts);
        await recordDecisionChanges(
          trx,
          draft.entries.map((entry) => ({
            decisionId: entry.decisionId,
            userId,
            source: 'publication' as const,
            action: 'published' as const,
            at: now,
            fields: changedFields(entry),
            note: listingNote(entry, publishedOn),
          })),
        );
        await alerts.queueAlertsFor(trx, { kind: 'publication', planId });
        return { status: 'published', planId, publishedOn, summary: prepared.summary };
      });
    } catch (error) {
      // The lock makes this rare (an import of the same date racing a publication), but the
      // database has the last word: one plan per date.
      if (isUniqueViolation(error) && (await findPlanByDate(db, publishedOn))) return { status: 'already_published', publishedOn };
      throw error;
    }
  }

  return { prepare, publish };
}

export type PublicationService = ReturnType<typeof createPublicationService>;

async function blockerFor(db: Executor, publishedOn: string): Promise<PreparedDraft['blocker']> {
  if (await findPlanByDate(db, publishedOn)) return { kind: 'already_published', publishedOn };
  const latest = await latestPlan(db);
  return latest && latest.published_on > publishedOn ? { kind: 'later_plan', publishedOn: latest.published_on } : null;
}

function refusals(prepared: PreparedDraft, todayIs: string): string[] {
  const { draft, blocker, breaches } = prepared;
  const reasons: string[] = [];
  if (blocker?.kind === 'later_plan') {
    reasons.push(`A plan dated ${formatLongDate(blocker.publishedOn)} is already published; a new plan must be dated after it.`);
  }
  if (draft.publishedOn > todayIs) reasons.push(`A plan cannot be published with a date in the future (${formatLongDate(draft.publishedOn)}).`);
  if (draft.entries.length === 0) reasons.push('The draft lists no decisions: there is nothing to publish.');
  for (const breach of breaches) reasons.push(breachLine(breach));
  return reasons;
}

function changedFields(entry: DraftEntry): ChangeFields {
  const fields: ChangeFields = {};
  if (entry.newReference) fields.reference = { from: null, to: entry.newReference };
  if (entry.statusBefore === 'draft') fields.status = { from: 'draft', to: 'planned' };
  return fields;
}

function listingNote(entry: DraftEntry, publishedOn: string): string {
  const part: Part = entry.part;
  const how = entry.part === 'urgent' ? '' : entry.advertised === 'new' ? ' as new' : ' as previously advertised';
  return `Listed in ${PART_LABELS[part].long}${how} in the plan published ${formatLongDate(publishedOn)}.`;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
