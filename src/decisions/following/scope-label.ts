import type { Link } from '../decision.view.ts';
import { PART_LABELS, STATUS_LABELS } from '../labels.ts';
import { formatLongDate } from '../../lib/dates.ts';
import type { FeedScope } from './feed-scope.ts';

/** The names of the entities a scope's slugs stand for (as checkFilterSlugs returns them). */
export type ScopeNames = Partial<Record<'committee' | 'ward' | 'directorate' | 'maker', Link[]>>;

function joinOr(words: string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

function namesOf(slugs: string[], links: Link[] | undefined): string[] {
  return slugs.map((slug) => links?.find((l) => l.slug === slug)?.name ?? slug);
}

/**
 * What a scope follows, in words that finish "Follow …" and a feed's title: 'decisions of the
 * Children and Education Scrutiny Committee', 'decisions affecting Central ward, matching "school"'.
 */
export function describeScope(scope: FeedScope, names: ScopeNames = {}, decision?: { title: string; reference: string | null }): string {
  if (scope.decisionId) {
    return decision ? `the decision “${decision.title}”${decision.reference ? ` (${decision.reference})` : ''}` : 'one decision';
  }
  const f = scope.filters;
  const parts: string[] = [];
  if (f.committee.length) parts.push(`of the ${joinOr(namesOf(f.committee, names.committee))}`);
  if (f.ward.length) parts.push(`affecting ${joinOr(namesOf(f.ward, names.ward))} ${f.ward.length > 1 ? 'wards' : 'ward'}`);
  if (f.directorate.length) parts.push(`from the ${joinOr(namesOf(f.directorate, names.directorate))} ${f.directorate.length > 1 ? 'directorates' : 'directorate'}`);
  if (f.maker.length) parts.push(`to be taken by ${joinOr(namesOf(f.maker, names.maker))}`);
  if (f.part.length) parts.push(`in ${joinOr(f.part.map((p) => PART_LABELS[p].long))}`);
  if (f.status.length) parts.push(`that are ${joinOr(f.status.map((s) => STATUS_LABELS[s].toLowerCase()))}`);
  if (f.q) parts.push(`matching “${f.q}”`);
  if (f.from && f.to) parts.push(`expected between ${formatLongDate(f.from)} and ${formatLongDate(f.to)}`);
  else if (f.from) parts.push(`expected on or after ${formatLongDate(f.from)}`);
  else if (f.to) parts.push(`expected on or before ${formatLongDate(f.to)}`);
  return parts.length ? `decisions ${parts.join(', ')}` : 'all decisions';
}
