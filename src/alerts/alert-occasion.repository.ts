import type { SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DecisionEventKind } from '../decisions/decisions.tables.ts';
import { applyFilters } from '../decisions/decision.repository.ts';
import type { DecisionFilters } from '../decisions/filters.ts';
import { londonInstant } from '../lib/clock.ts';
import type { Executor } from '../db/executor.ts';

/** What caused alerts: a plan recorded as published, outcomes (taken, withdrawn…) recorded, or notices published. */
export type AlertOccasion =
  | { kind: 'publication'; planId: number }
  | { kind: 'outcome'; eventIds: number[] }
  | { kind: 'notice'; eventIds: number[] };

export interface OccasionEvent {
  id: number;
  decisionId: number;
  kind: DecisionEventKind;
  details: Record<string, unknown>;
}

/**
 * The events an occasion reports. A publication reports its plan's own events and the public
 * changes recorded between plans (date moves and part changes made by staff, deferrals), from
 * the previous plan's day on; alert_notified_events keeps anything already sent out of it.
 */
export async function occasionEvents(db: Executor, occasion: AlertOccasion): Promise<OccasionEvent[]> {
  let query = db.selectFrom('decision_events').select(['id', 'decision_id', 'kind', 'details']).orderBy('id');
  if (occasion.kind === 'publication') {
    const plan = await db.selectFrom('plans').select('published_on').where('id', '=', occasion.planId).executeTakeFirst();
    if (!plan) return [];
    const previous = await db
      .selectFrom('plans')
      .select('published_on')
      .where('published_on', '<', plan.published_on)
      .orderBy('published_on', 'desc')
      .limit(1)
      .executeTakeFirst();
    query = query.where((eb) =>
      eb.or([
        eb('plan_id', '=', occasion.planId),
        ...(previous ? [eb.and([eb('plan_id', 'is', null), eb('occurred_at', '>=', londonInstant(previous.published_on))])] : []),
      ]),
    );
  } else {
    if (occasion.eventIds.length === 0) return [];
    query = query.where('id', 'in', occasion.eventIds);
  }
  const rows = await query.execute();
  return rows.map((r) => ({ id: Number(r.id), decisionId: r.decision_id, kind: r.kind, details: r.details }));
}

/** Which of these decisions a subscriber's filters select: the very rules of /decisions. */
export async function decisionsInScope(db: Executor, filters: DecisionFilters, decisionIds: number[]): Promise<Set<number>> {
  if (decisionIds.length === 0) return new Set();
  const base = db.selectFrom('decisions') as unknown as SelectQueryBuilder<Database, 'decisions', object>;
  const rows = await applyFilters(base, filters).select('decisions.id').where('decisions.id', 'in', decisionIds).execute();
  return new Set(rows.map((r) => r.id));
}

export async function planPublishedOn(db: Executor, planId: number): Promise<string | undefined> {
  const row = await db.selectFrom('plans').select('published_on').where('id', '=', planId).executeTakeFirst();
  return row?.published_on;
}

/** The council's name (for subjects) and its Democratic Services mailbox. */
export async function councilForAlerts(db: Executor): Promise<{ name: string; governanceEmail: string }> {
  const row = await db.selectFrom('council').select(['name', 'governance_email']).executeTakeFirst();
  return { name: row?.name ?? 'Council', governanceEmail: row?.governance_email ?? '' };
}
