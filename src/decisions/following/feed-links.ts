import type { DecisionFilters } from '../filters.ts';
import { scopeOfFilters, scopeQuery, type FeedScope } from './feed-scope.ts';
import { describeScope, type ScopeNames } from './scope-label.ts';

export const FEED_FORMATS = ['rss', 'atom', 'json', 'ics'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export const MEDIA_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
  ics: 'text/calendar',
};

const LABELS: Record<FeedFormat, { label: string; kind: string }> = {
  rss: { label: 'RSS feed', kind: 'RSS' },
  atom: { label: 'Atom feed', kind: 'Atom' },
  json: { label: 'JSON Feed', kind: 'JSON Feed' },
  ics: { label: 'Calendar (iCalendar)', kind: 'Calendar' },
};

export interface FeedLink {
  type: string;
  title: string;
  href: string;
  label: string;
}

export function feedPath(format: FeedFormat, scope: FeedScope): string {
  return `/feeds/decisions.${format}${scopeQuery(scope)}`;
}

export function subscribePath(scope: FeedScope): string {
  return `/subscribe${scopeQuery(scope)}`;
}

/**
 * What a page passes to ctx.render so that the layout advertises its feeds
 * (`<link rel="alternate">`) and the feeds partial lists them: spread it into the render data.
 * `label` finishes the sentence "Follow …", e.g. 'decisions of the Adults and Health Scrutiny Committee'.
 */
export function feedLinksFor(
  scope: FeedScope | Partial<DecisionFilters>,
  label: string,
): { feedLinks: FeedLink[]; feedScope: string; subscribeUrl: string } {
  const normalised = 'filters' in scope ? scope : scopeOfFilters(scope);
  return {
    feedLinks: FEED_FORMATS.map((format) => ({
      type: MEDIA_TYPES[format],
      title: `${LABELS[format].kind}: ${label}`,
      href: feedPath(format, normalised),
      label: LABELS[format].label,
    })),
    feedScope: label,
    subscribeUrl: subscribePath(normalised),
  };
}

/** Feed links for a list of decisions; `names` (from checkFilterSlugs) put names to the slugs. */
export function feedLinksForFilters(filters: Partial<DecisionFilters>, names: ScopeNames = {}) {
  const scope = scopeOfFilters(filters);
  return feedLinksFor(scope, describeScope(scope, names));
}

/** Feed links for one decision: its own events, and its own calendar entry. */
export function feedLinksForDecision(id: number) {
  return feedLinksFor(scopeOfFilters({}, id), 'this decision');
}
