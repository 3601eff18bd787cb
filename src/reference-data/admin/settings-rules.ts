import { formatPounds, readWholePounds } from '../../lib/money.ts';
import { CLEAR_DAYS_MODES, type ClearDaysMode } from '../../rules/clear-days.ts';
import type { CouncilSettings } from '../council-settings.ts';
import { DECISION_MAKER_KINDS, type DecisionMakerKind } from '../reference-data.tables.ts';

/** The settings form as typed, kept as typed so that a refused form comes back with it. */
export interface SettingsFormValues {
  keyDecisionThreshold: string;
  callInWorkingDays: string;
  callInMembersRequired: string;
  callInAppliesTo: string[];
  callInUrgentExempt: string;
  clearDays: string;
}

/** How the form and the history name each kind of decision maker; a new kind needs its words here. */
export const CALL_IN_MAKER_LABELS: Record<DecisionMakerKind, string> = {
  cabinet: 'The Cabinet',
  member: 'A Cabinet Member',
};

export const CLEAR_DAYS_LABELS: Record<ClearDaysMode, string> = {
  calendar: 'Calendar days',
  working: 'Working days only (not weekends or bank holidays)',
};

export const MOST_THRESHOLD = 1_000_000_000;
export const MOST_CALL_IN_DAYS = 30;
export const MOST_CALL_IN_MEMBERS = 50;

export function settingsFormValues(settings: CouncilSettings): SettingsFormValues {
  return {
    keyDecisionThreshold: settings.keyDecisionThreshold.toLocaleString('en-GB'),
    callInWorkingDays: String(settings.callIn.workingDays),
    callInMembersRequired: String(settings.callIn.membersRequired),
    callInAppliesTo: [...settings.callIn.appliesTo],
    callInUrgentExempt: settings.callIn.urgentExempt ? 'yes' : 'no',
    clearDays: settings.clearDays,
  };
}

function wholeNumber(text: string, most: number, messages: { missing: string; notWhole: string; range: string }): { problem?: string; value?: number } {
  if (text === '') return { problem: messages.missing };
  if (!/^\d{1,6}$/.test(text)) return { problem: messages.notWhole };
  const value = Number(text);
  return value < 1 || value > most ? { problem: messages.range } : { value };
}

export type SettingsReading = { ok: true; settings: CouncilSettings } | { ok: false; problems: Record<string, string> };

/** Field id → message, in the order the fields appear on the form (the error summary's order). */
export function readSettingsForm(values: SettingsFormValues): SettingsReading {
  const problems: Record<string, string> = {};

  let threshold: number | undefined;
  if (values.keyDecisionThreshold === '') problems.keyDecisionThreshold = 'Enter the key-decision threshold in pounds';
  else {
    const read = readWholePounds(values.keyDecisionThreshold, MOST_THRESHOLD);
    if (read.ok && read.pounds >= 1) threshold = read.pounds;
    else if (!read.ok && read.problem === 'too-large') problems.keyDecisionThreshold = `The key-decision threshold must be ${formatPounds(MOST_THRESHOLD)} or less`;
    else if (read.ok) problems.keyDecisionThreshold = 'The key-decision threshold must be £1 or more';
    else problems.keyDecisionThreshold = 'The key-decision threshold must be a whole number of pounds, like 500,000';
  }

  const days = wholeNumber(values.callInWorkingDays, MOST_CALL_IN_DAYS, {
    missing: 'Enter how many working days a decision can be called in for',
    notWhole: 'The working days for call-in must be a whole number, like 3',
    range: `The working days for call-in must be between 1 and ${MOST_CALL_IN_DAYS}`,
  });
  if (days.problem) problems.callInWorkingDays = days.problem;

  const members = wholeNumber(values.callInMembersRequired, MOST_CALL_IN_MEMBERS, {
    missing: 'Enter how many members are needed to call in a decision',
    notWhole: 'The members needed to call in a decision must be a whole number, like 3',
    range: `The members needed to call in a decision must be between 1 and ${MOST_CALL_IN_MEMBERS}`,
  });
  if (members.problem) problems.callInMembersRequired = members.problem;

  const known = (value: string): value is DecisionMakerKind => (DECISION_MAKER_KINDS as readonly string[]).includes(value);
  const appliesTo = DECISION_MAKER_KINDS.filter((kind) => values.callInAppliesTo.includes(kind));
  if (appliesTo.length === 0 || !values.callInAppliesTo.every(known)) {
    problems.callInAppliesTo = 'Select the decision makers whose decisions can be called in';
  }

  if (values.callInUrgentExempt !== 'yes' && values.callInUrgentExempt !== 'no') {
    problems.callInUrgentExempt = 'Select whether urgent decisions can be called in';
  }

  const clearDays = CLEAR_DAYS_MODES.find((mode) => mode === values.clearDays);
  if (!clearDays) problems.clearDays = 'Select how clear days are counted';

  if (Object.keys(problems).length > 0 || threshold === undefined || days.value === undefined || members.value === undefined || !clearDays) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    settings: {
      keyDecisionThreshold: threshold,
      callIn: { workingDays: days.value, membersRequired: members.value, appliesTo, urgentExempt: values.callInUrgentExempt === 'yes' },
      clearDays,
    },
  };
}

/** The settings as the change log records them: one field each, by name. */
export function settingsFields(settings: CouncilSettings): Record<string, unknown> {
  return {
    keyDecisionThreshold: settings.keyDecisionThreshold,
    callInWorkingDays: settings.callIn.workingDays,
    callInMembersRequired: settings.callIn.membersRequired,
    callInAppliesTo: settings.callIn.appliesTo,
    callInUrgentExempt: settings.callIn.urgentExempt,
    clearDays: settings.clearDays,
  };
}

/** How the history shows a recorded value of a setting, by field; undefined for other fields. */
export function describeSettingValue(field: string, value: unknown): string | undefined {
  if (field === 'keyDecisionThreshold' && typeof value === 'number') return formatPounds(value);
  if (field === 'callInAppliesTo' && Array.isArray(value)) {
    return value.map((kind: string) => CALL_IN_MAKER_LABELS[kind as DecisionMakerKind] ?? kind).join(', ') || 'none';
  }
  if (field === 'callInUrgentExempt' && typeof value === 'boolean') return value ? 'Yes, not called in' : 'No, can be called in';
  if (field === 'clearDays' && typeof value === 'string') return CLEAR_DAYS_LABELS[value as ClearDaysMode] ?? value;
  return undefined;
}
