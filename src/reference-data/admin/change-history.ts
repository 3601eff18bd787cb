import { formatDateTime } from '../../auth/format.ts';
import type { ReferenceChangeAction } from '../reference-data.tables.ts';
import { describePeriod } from './portfolio-rules.ts';
import { describeSettingValue } from './settings-rules.ts';

const ACTIONS: Record<ReferenceChangeAction, string> = {
  created: 'Added',
  updated: 'Changed',
  reviewed: 'Marked as reviewed',
  alias_added: 'Spelling added',
  alias_removed: 'Spelling removed',
  merged: 'Duplicate merged into this',
  portfolio_added: 'Portfolio added',
  portfolio_updated: 'Portfolio changed',
  portfolio_ended: 'Portfolio ended',
};

const FIELDS: Record<string, string> = {
  name: 'Name',
  slug: 'Short name in addresses',
  description: 'Description',
  kind: 'Kind',
  needsReview: 'Needs review',
  spelling: 'Spelling',
  governanceEmail: 'Email address',
  governanceAddress: 'Postal address',
  governanceTelephone: 'Telephone',
  website: 'Website',
  keyDecisionThreshold: 'Key-decision threshold',
  callInWorkingDays: 'Working days for call-in',
  callInMembersRequired: 'Members needed to call in',
  callInAppliesTo: 'Decisions that can be called in',
  callInUrgentExempt: 'Urgent decisions exempt from call-in',
  clearDays: 'Clear days count',
};

interface Portfolio {
  title: string;
  startsOn: string | null;
  endsOn: string | null;
}

function isPortfolio(value: unknown): value is Portfolio {
  return typeof value === 'object' && value !== null && 'title' in value;
}

function show(value: unknown, field = ''): string {
  const setting = describeSettingValue(field, value);
  if (setting !== undefined) return `‘${setting}’`;
  if (value === null || value === undefined || value === '') return '(blank)';
  if (isPortfolio(value)) return `‘${value.title}’ ${describePeriod(value)}`;
  if (typeof value === 'object' && 'name' in value) return `‘${String((value as { name: unknown }).name)}’`;
  return `‘${String(value)}’`;
}

function detail(field: string, change: { from: unknown; to: unknown }): string {
  if (field === 'needsReview') return change.to === false ? 'Taken off the review queue' : 'Put on the review queue';
  if (field === 'merged') {
    const from = change.from as { name?: string; slug?: string };
    return `‘${from.name ?? ''}’ (short name ${from.slug ?? ''}) was merged into this and deleted`;
  }
  const label = FIELDS[field];
  if (change.from === null && label === undefined) return show(change.to, field);
  if (change.from === null) return `${label}: ${show(change.to, field)}`;
  if (change.to === null) return `${label ?? 'Removed'}: ${show(change.from, field)}`;
  return `${label ?? 'From'}: ${show(change.from, field)} → ${show(change.to, field)}`;
}

export interface HistoryRow {
  changed_at: Date;
  source: 'staff' | 'command';
  action: ReferenceChangeAction;
  fields: Record<string, { from: unknown; to: unknown }>;
  user_name: string | null;
  user_email: string | null;
}

/** A recorded change as the admin pages list it: when, who, what, and each field's old and new value. */
export function describeChange(row: HistoryRow) {
  return {
    when: formatDateTime(row.changed_at),
    who: row.source === 'command' ? 'The fp command' : row.user_name || row.user_email || 'A former account',
    what: ACTIONS[row.action],
    details: Object.entries(row.fields).map(([field, change]) => detail(field, change)),
  };
}
