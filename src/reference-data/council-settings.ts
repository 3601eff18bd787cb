import type { Executor } from '../db/executor.ts';
import { formatPounds } from '../lib/money.ts';
import type { ClearDaysMode } from '../rules/clear-days.ts';
import type { Selectable } from 'kysely';
import type { CouncilSettingsTable } from './reference-data.tables.ts';

/**
 * The rules the council's constitution sets, as every part of the service reads them
 * (`deps.settings.get()`). Other parts of issue 10 (call-in, the checks when a decision is
 * taken) build on exactly these names.
 */
export interface CouncilSettings {
  /** Whole pounds: a decision spending or saving this much or more meets the key-decision test. */
  keyDecisionThreshold: number;
  callIn: {
    /** Working days after the decision notice's publication day (not counting it) during which it can be called in. */
    workingDays: number;
    /** Members of a scrutiny committee needed to call a decision in. */
    membersRequired: number;
    /** Kinds of decision maker (decision_makers.kind) whose decisions can be called in. */
    appliesTo: string[];
    /** Decisions taken under special urgency (and listed in Part 4) cannot be called in. */
    urgentExempt: boolean;
  };
  /** How clear days count: every day, or working days only (see rules/clear-days.ts). */
  clearDays: ClearDaysMode;
}

/** Peterborough City Council's constitution, and the rules as the service applied them before they were settings. */
export const DEFAULT_COUNCIL_SETTINGS: CouncilSettings = {
  keyDecisionThreshold: 500_000,
  callIn: { workingDays: 3, membersRequired: 3, appliesTo: ['cabinet', 'member'], urgentExempt: true },
  clearDays: 'calendar',
};

export const SETTINGS_ID = 1;

export function settingsOf(row: Selectable<CouncilSettingsTable>): CouncilSettings {
  return {
    keyDecisionThreshold: row.key_decision_threshold_pounds,
    callIn: {
      workingDays: row.call_in_working_days,
      membersRequired: row.call_in_members_required,
      appliesTo: [...row.call_in_applies_to],
      urgentExempt: row.call_in_urgent_exempt,
    },
    clearDays: row.clear_days,
  };
}

/** The stored settings; the defaults when the row is missing (a database emptied by hand). */
export async function readCouncilSettings(db: Executor): Promise<CouncilSettings> {
  const row = await db.selectFrom('council_settings').selectAll().where('id', '=', SETTINGS_ID).executeTakeFirst();
  return row ? settingsOf(row) : structuredClone(DEFAULT_COUNCIL_SETTINGS);
}

/** Writes every setting (the row is made if missing). Call inside the transaction that records the change. */
export async function writeCouncilSettings(db: Executor, settings: CouncilSettings): Promise<void> {
  const row = {
    key_decision_threshold_pounds: settings.keyDecisionThreshold,
    call_in_working_days: settings.callIn.workingDays,
    call_in_members_required: settings.callIn.membersRequired,
    call_in_applies_to: settings.callIn.appliesTo,
    call_in_urgent_exempt: settings.callIn.urgentExempt,
    clear_days: settings.clearDays,
  };
  await db
    .insertInto('council_settings')
    .values({ id: SETTINGS_ID, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
}

/**
 * What the plan's explanations and the staff forms' hints say about the settings, so that no
 * template states a threshold or a way of counting of its own.
 */
export function noticeTermsOf(settings: CouncilSettings) {
  const working = settings.clearDays === 'working';
  return {
    keyDecisionThreshold: formatPounds(settings.keyDecisionThreshold),
    clearDays: settings.clearDays,
    /** 'clear days' or 'clear working days'. */
    clearDaysName: working ? 'clear working days' : 'clear days',
    /** What a clear day leaves out, for a sentence's brackets. */
    notCounted: working
      ? 'the day of publication, the day of the decision, weekends and bank holidays do not count'
      : 'the day of publication and the day of the decision do not count',
  };
}

export type NoticeTerms = ReturnType<typeof noticeTermsOf>;
