import Router from '@koa/router';
import type { Deps } from '../deps.ts';
import type { PublicDecision } from '../decisions/decision.view.ts';
import { filtersToQuery } from '../decisions/filters.ts';
import { FEED_FORMATS, feedLinksFor, feedPath, type FeedFormat } from '../decisions/following/feed-links.ts';
import { readFeedScope, scopeQuery, type FeedScope } from '../decisions/following/feed-scope.ts';

/**
 * Email alerts take only the filters of /decisions, not `id`: one decision is followed by its
 * reference (a search for a full reference finds that decision alone), and one without a
 * reference by its committee, said plainly.
 */
function alertsLink(scope: FeedScope, decision: PublicDecision | undefined): { href: string; text: string } {
  if (!decision) return { href: `/alerts/new${scopeQuery(scope)}`, text: 'Sign up for email alerts' };
  if (decision.reference) {
    return { href: `/alerts/new${filtersToQuery({ q: decision.reference })}`, text: `Sign up for email alerts about ${decision.reference}` };
  }
  const committee = decision.scrutinyCommittees[0];
  return committee
    ? { href: `/alerts/new${filtersToQuery({ committee: [committee.slug] })}`, text: `Sign up for email alerts about every decision of the ${committee.name} (alerts cannot follow one decision without a reference)` }
    : { href: '/alerts/new', text: 'Sign up for email alerts about every decision (alerts cannot follow one decision without a reference)' };
}

/** GET /subscribe: how to follow the decisions a set of filters selects, with the addresses ready to copy. */
export function subscribeRoutes({ feeds, config }: Pick<Deps, 'feeds' | 'config'>) {
  const router = new Router();
  router.get('/subscribe', async (ctx) => {
    const scope = readFeedScope(ctx.query);
    const { label, decision } = await feeds.describe(scope);
    const url = Object.fromEntries(FEED_FORMATS.map((f) => [f, `${config.baseUrl}${feedPath(f, scope)}`])) as Record<FeedFormat, string>;
    const query = scopeQuery(scope);
    ctx.render('pages/subscribe.njk', {
      pageTitle: 'Follow decisions by feed, calendar or email',
      label,
      decision,
      url,
      webcal: url.ics.replace(/^https?:/, 'webcal:'),
      listUrl: decision ? decision.url : `/decisions${query}`,
      alerts: alertsLink(scope, decision),
      ...feedLinksFor(scope, label),
    });
  });
  return router;
}
