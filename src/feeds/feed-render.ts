import type { Db } from '../db/create-db.ts';
import type { DecisionService } from '../decisions/decision.service.ts';
import type { PublicDecision } from '../decisions/decision.view.ts';
import { notFound } from '../http/errors.ts';
import { londonInstant } from '../lib/clock.ts';
import { renderCalendar } from './calendar.ts';
import { feedEntry } from './feed-entry.ts';
import { FEED_FORMATS, feedPath, type FeedFormat } from '../decisions/following/feed-links.ts';
import { scopeQuery, type FeedScope } from '../decisions/following/feed-scope.ts';
import { councilName, latestPublication, recentEvents, revisionsOf } from './feed.repository.ts';
import { describeScope } from '../decisions/following/scope-label.ts';
import { renderSyndication, type SyndicationFormat } from './syndication.ts';
import { capitalise } from './text.ts';

export interface RenderedFeed {
  text: string;
  /** The newest change the feed shows: its items' newest time, or the calendar's newest change. */
  lastModified: Date;
}

export interface RenderLimits {
  /** Items in an RSS, Atom or JSON feed. */
  items: number;
  /** Decisions in a calendar. */
  calendarEvents: number;
}

/** Renders feeds straight from the database; feeds.service.ts caches what this returns. */
export function createFeedRenderer(db: Db, decisions: DecisionService, baseUrl: string, limits: RenderLimits) {
  /** Checks the scope (unknown slug: 400; unknown or draft decision: 404) and names it. */
  async function describe(scope: FeedScope): Promise<{ label: string; decision?: PublicDecision }> {
    const names = await decisions.checkFilterSlugs(scope.filters);
    if (!scope.decisionId) return { label: describeScope(scope, names) };
    const decision = await decisions.get(scope.decisionId);
    if (!decision) throw notFound('There is no published decision with that number');
    return { label: describeScope(scope, names, decision), decision };
  }

  /** Every public decision in a scope (at most the calendar's cap), in date order. */
  async function decisionsInScope(scope: FeedScope): Promise<PublicDecision[]> {
    if (scope.decisionId) return [...(await decisions.byIds([scope.decisionId])).values()];
    return decisions.upTo(scope.filters, limits.calendarEvents);
  }

  async function emptyFeedTime(): Promise<Date> {
    const published = await latestPublication(db);
    return published ? londonInstant(published, '09:00') : new Date(0);
  }

  async function heading(scope: FeedScope) {
    const [{ label, decision }, council] = await Promise.all([describe(scope), councilName(db)]);
    const home = decision ? `${baseUrl}${decision.url}` : `${baseUrl}/decisions${scopeQuery(scope)}`;
    return { label, council, home, title: `Forward Plan: ${capitalise(label)} – ${council}` };
  }

  async function syndication(format: SyndicationFormat, scope: FeedScope): Promise<RenderedFeed> {
    const [head, events] = await Promise.all([heading(scope), recentEvents(db, scope, limits.items)]);
    const byId = await decisions.byIds(events.map((e) => e.decision_id));
    const entries = events.flatMap((event) => {
      const decision = byId.get(event.decision_id);
      return decision ? [feedEntry(event, decision, baseUrl)] : [];
    });
    const updated = entries[0]?.date ?? (await emptyFeedTime());
    const selfUrls = Object.fromEntries(
      FEED_FORMATS.filter((f) => f !== 'ics').map((f) => [f, `${baseUrl}${feedPath(f, scope)}`]),
    ) as Record<SyndicationFormat, string>;
    const text = renderSyndication(
      {
        title: head.title,
        description: `What happens to ${head.label} in the Forward Plan of Executive Decisions of ${head.council}: each is an item when first advertised, when its expected date moves, when it moves to another part of the plan, and when it is taken or withdrawn.`,
        homeUrl: head.home,
        selfUrls,
        updated,
        author: { name: head.council, link: baseUrl },
        entries,
      },
      format,
    );
    return { text, lastModified: updated };
  }

  async function calendar(scope: FeedScope): Promise<RenderedFeed> {
    const [head, inScope] = await Promise.all([heading(scope), decisionsInScope(scope)]);
    const decisionViews = inScope.filter((d) => d.expectedDate.date !== null);
    const revisions = await revisionsOf(db, decisionViews.map((d) => d.id));
    const revisionOf = new Map(revisions.map((r) => [r.id, r]));
    const entries = decisionViews
      .map((decision) => {
        const r = revisionOf.get(decision.id);
        return { decision, revision: r?.revision ?? 0, lastModified: new Date(r?.revised_at ?? 0) };
      })
      .sort((a, b) => a.decision.expectedDate.date!.localeCompare(b.decision.expectedDate.date!) || a.decision.id - b.decision.id);
    const newest = Math.max(0, ...entries.map((e) => e.lastModified.getTime()));
    const text = renderCalendar({
      name: head.title,
      description: `The expected dates of ${head.label} in the Forward Plan of Executive Decisions of ${head.council}.`,
      url: head.home,
      source: `${baseUrl}${feedPath('ics', scope)}`,
      council: head.council,
      baseUrl,
      entries,
    });
    return { text, lastModified: newest > 0 ? new Date(newest) : await emptyFeedTime() };
  }

  return {
    describe,
    render(format: FeedFormat, scope: FeedScope): Promise<RenderedFeed> {
      return format === 'ics' ? calendar(scope) : syndication(format, scope);
    },
  };
}

export type FeedRenderer = ReturnType<typeof createFeedRenderer>;
