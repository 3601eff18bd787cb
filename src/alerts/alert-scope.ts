import type { DecisionFilters } from '../decisions/filters.ts';
import { PART_LABELS, STATUS_LABELS } from '../decisions/labels.ts';
import type { Link } from '../decisions/decision.view.ts';
import { formatLongDate } from '../lib/dates.ts';

/** Names for the slugs in a set of filters, as checkFilterSlugs or scopeNames return them. */
export type ScopeNames = Partial<Record<'committee' | 'ward' | 'directorate' | 'maker', Link[]>>;

export interface ScopeLine {
  label: string;
  value: string;
}

export interface ScopeDescription {
  /** One line, for subjects of lists and the plain-text email. */
  summary: string;
  /** One row per filter in use, for a summary list. */
  lines: ScopeLine[];
}

const EVERYTHING = 'All decisions in the Forward Plan';

function named(slugs: string[], names: Link[] | undefined): string[] {
  // A slug whose entity has since been merged away still reads as something recognisable.
  return slugs.map((slug) => names?.find((n) => n.slug === slug)?.name ?? slug);
}

const either = (values: string[]) =>
  values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;

/** The scope of a subscription in words, the way a resident would say it. */
export function describeScope(filters: DecisionFilters, names: ScopeNames = {}): ScopeDescription {
  const lines: ScopeLine[] = [];
  if (filters.ward.length) {
    // applyFilters counts a decision affecting every ward as affecting each of them.
    lines.push({ label: 'Ward', value: `${either(named(filters.ward, names.ward))}, and decisions affecting all wards` });
  }
  if (filters.committee.length) lines.push({ label: 'Scrutiny committee', value: either(named(filters.committee, names.committee)) });
  if (filters.directorate.length) lines.push({ label: 'Directorate', value: either(named(filters.directorate, names.directorate)) });
  if (filters.maker.length) lines.push({ label: 'Decision maker', value: either(named(filters.maker, names.maker)) });
  if (filters.part.length) lines.push({ label: 'Type', value: either(filters.part.map((p) => PART_LABELS[p].short)) });
  if (filters.status.length) lines.push({ label: 'Status', value: either(filters.status.map((s) => STATUS_LABELS[s])) });
  if (filters.from && filters.to) {
    lines.push({ label: 'Expected', value: `between ${formatLongDate(filters.from)} and ${formatLongDate(filters.to)}` });
  } else if (filters.from) {
    lines.push({ label: 'Expected', value: `on or after ${formatLongDate(filters.from)}` });
  } else if (filters.to) {
    lines.push({ label: 'Expected', value: `on or before ${formatLongDate(filters.to)}` });
  }
  if (filters.q) lines.push({ label: 'Words', value: `‘${filters.q}’` });
  const summary = lines.length === 0 ? EVERYTHING : lines.map((l) => `${l.label}: ${l.value}`).join('; ');
  return { summary, lines };
}
