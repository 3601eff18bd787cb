import type { Db } from '../../db/create-db.ts';
import type { Clock } from '../../lib/clock.ts';
import type { CouncilSettingsService } from '../../reference-data/council-settings.service.ts';
import { entriesForDecision } from '.././decision-listings.repository.ts';
import { eventsFor, findDecisionById, findDecisionPage } from '../decision.repository.ts';
import { toPublicDecision } from '../decision.view.ts';
import type { DecisionFilters, Paging } from '../filters.ts';
import { createDecisionEditor } from './decision-editor.service.ts';
import { createExceptionService } from './exception.service.ts';
import { exceptionsOf, privateNoticesOf } from './exception.repository.ts';
import { followUpDecisions } from './follow-up.ts';
import { noticeBreaches, noticeChecks } from './notice-breaches.ts';
import type { OutcomeAlerts } from './outcome-alerts.ts';
import type { NoticeAlerts } from '../notices/notice-announcements.ts';
import { decisionsTakenWithoutNotice, outcomesOf } from './outcome.repository.ts';
import { createOutcomeService } from './outcome.service.ts';
import { publicChanges } from '../public-history.ts';
import { committeeIdsOf, decisionChoices, findDecisionRow, wardIdsOf } from './staff-decision.repository.ts';

/**
 * The staff side of decisions (`deps.staffDecisions`): staff edits, outcomes, exceptions and the
 * rule checks, which count clear days as the council's settings say.
 */
export function createStaffDecisionService(db: Db, clock: Clock, alerts: OutcomeAlerts & NoticeAlerts, settings: Pick<CouncilSettingsService, 'get'>) {
  const clearDays = async () => (await settings.get()).clearDays;
  return {
    editor: createDecisionEditor(db, clock),
    outcomes: createOutcomeService(db, clock, alerts, clearDays),
    records: createExceptionService(db, clock, alerts),
    choices: () => decisionChoices(db),
    /** See notice-breaches.ts: publication calls this with the plan's date. */
    breaches: async (options: { asIfPublishedOn?: string } = {}) => noticeBreaches(db, clock, { ...options, clearDays: await clearDays() }),
    followUp: () => followUpDecisions(db, clock),
    /** Decisions taken without the required notice between two dates (inclusive): the report to council's section. */
    takenWithoutNotice: (range: { from: string; to: string }) => decisionsTakenWithoutNotice(db, range),

    /** Every decision, drafts included, with the public list's filters. */
    async list(filters: DecisionFilters, paging: Paging) {
      const { rows, total } = await findDecisionPage(db, filters, paging, { includeDrafts: true });
      return { items: rows.map(toPublicDecision), total };
    },

    async drafts() {
      const rows = await db
        .selectFrom('decisions')
        .select(['id', 'title', 'part', 'expected_date', 'expected_precision', 'expected_date_note', 'updated_at'])
        .where('status', '=', 'draft')
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows;
    },

    async forEdit(id: number) {
      const row = await findDecisionRow(db, id);
      if (!row) return undefined;
      const [committeeIds, wardIds] = await Promise.all([committeeIdsOf(db, id), wardIdsOf(db, id)]);
      return { row, committeeIds, wardIds };
    },

    /** Everything staff see about one decision, internal notes and notice records included. */
    async detail(id: number) {
      const [row, listRow, councilSettings] = await Promise.all([findDecisionRow(db, id), findDecisionById(db, id), settings.get()]);
      if (!row || !listRow) return undefined;
      const [listings, outcomes, exceptions, privateNotices, checks, events] = await Promise.all([
        entriesForDecision(db, id),
        outcomesOf(db, id),
        exceptionsOf(db, [id]),
        privateNoticesOf(db, [id]),
        noticeChecks(db, clock, { decisionId: id, clearDays: councilSettings.clearDays }),
        eventsFor(db, id),
      ]);
      return {
        row,
        decision: toPublicDecision(listRow),
        listings,
        outcomes,
        generalException: exceptions.find((e) => e.regulation === 10),
        specialUrgency: exceptions.find((e) => e.regulation === 11),
        privateNotice: privateNotices[0],
        checks,
        settings: councilSettings,
        changes: publicChanges(events.map((e) => ({ ...e, id: Number(e.id) }))),
      };
    },

    async exceptionsFor(id: number) {
      const [exceptions, privateNotices] = await Promise.all([exceptionsOf(db, [id]), privateNoticesOf(db, [id])]);
      return {
        generalException: exceptions.find((e) => e.regulation === 10),
        specialUrgency: exceptions.find((e) => e.regulation === 11),
        privateNotice: privateNotices[0],
      };
    },
  };
}

export type StaffDecisionService = ReturnType<typeof createStaffDecisionService>;
