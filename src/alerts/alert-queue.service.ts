import type { Transaction } from 'kysely';
import type nunjucks from 'nunjucks';
import type { Database } from '../db/database.ts';
import type { PublicDecision } from '../decisions/decision.view.ts';
import { publicDecisionsByIds } from '../decisions/public-decisions.ts';
import type { Clock } from '../lib/clock.ts';
import type { Mailer } from '../mail/outbox.service.ts';
import { buildDigest, type DigestItem } from './alert-digest.ts';
import { describeEvent, eventPath } from './alert-event-text.ts';
import { filtersFromStored, scopeKey, type StoredFilters } from './alert-filters.ts';
import { alertLinks } from './alert-links.ts';
import { claimEvents } from './alert-notified.repository.ts';
import {
  councilForAlerts,
  decisionsInScope,
  occasionEvents,
  planPublishedOn,
  type AlertOccasion,
} from './alert-occasion.repository.ts';
import { describeScope, type ScopeDescription } from './alert-scope.ts';
import { scopeNames } from './alert-scope-names.ts';
import { confirmedSubscriptions } from './alert-subscription.repository.ts';
import { insertManageToken } from './alert-token.repository.ts';
import { newToken, sha256Hex } from './alert-tokens.ts';

export interface AlertQueueContext {
  baseUrl: string;
  clock: Clock;
  mail: Pick<Mailer, 'enqueue'>;
  templates: nunjucks.Environment;
  /** ALERTS_UNSUBSCRIBE_MAILBOX; the council's Democratic Services address when unset. */
  unsubscribeMailbox: string | undefined;
}

export interface AlertQueueResult {
  /** Messages queued, one per subscriber address with anything new in scope. */
  messages: number;
  /** Events the occasion had, in anyone's scope or not. */
  events: number;
}

interface Scope {
  inScope: Set<number>;
  description: ScopeDescription;
}

interface Subscriber {
  email: string;
  addressHash: string;
  scopeKeys: string[];
}

/**
 * Queues, inside the transaction of the change that caused it, one alert per subscriber
 * address listing the occasion's events that its confirmed subscriptions cover. Events an
 * address was already told about are left out, so repeating an occasion sends nothing.
 */
export async function queueAlertsFor(
  trx: Transaction<Database>,
  occasion: AlertOccasion,
  context: AlertQueueContext,
): Promise<AlertQueueResult> {
  const events = await occasionEvents(trx, occasion);
  if (events.length === 0) return { messages: 0, events: 0 };
  const subscriptions = await confirmedSubscriptions(trx);
  if (subscriptions.length === 0) return { messages: 0, events: events.length };

  const decisionIds = [...new Set(events.map((e) => e.decisionId))];
  const scopes = await scopesOf(trx, subscriptions, decisionIds);
  const subscribers = groupByAddress(subscriptions);
  const now = context.clock.now();
  const council = await councilForAlerts(trx);
  const publishedOn = occasion.kind === 'publication' ? ((await planPublishedOn(trx, occasion.planId)) ?? null) : null;
  let decisions: Map<number, PublicDecision> | undefined;
  let messages = 0;

  for (const subscriber of subscribers) {
    const covered = events.filter((e) => subscriber.scopeKeys.some((key) => scopes.get(key)!.inScope.has(e.decisionId)));
    const claimed = new Set(await claimEvents(trx, subscriber.addressHash, covered.map((e) => e.id), now));
    if (claimed.size === 0) continue;
    decisions ??= await publicDecisionsByIds(trx, decisionIds);
    const items: DigestItem[] = covered
      .filter((e) => claimed.has(e.id) && decisions!.has(e.decisionId))
      .map((e) => {
        const decision = decisions!.get(e.decisionId)!;
        return { decision, what: describeEvent(e.kind, e.details, decision), path: eventPath(e.kind, e.details, decision) };
      });
    if (items.length === 0) continue;

    const token = newToken();
    await insertManageToken(trx, { hash: sha256Hex(token), addressHash: subscriber.addressHash, at: now });
    const message = buildDigest(
      {
        councilName: council.name,
        publishedOn,
        items,
        scopes: subscriber.scopeKeys.map((key) => scopes.get(key)!.description),
        baseUrl: context.baseUrl,
        links: alertLinks(context.baseUrl, token),
        unsubscribeMailbox: context.unsubscribeMailbox ?? (council.governanceEmail || null),
      },
      context.templates,
    );
    const first = Math.min(...claimed);
    const dedupeKey =
      occasion.kind === 'publication'
        ? `alert:${subscriber.addressHash}:plan:${occasion.planId}:${first}`
        : `alert:${subscriber.addressHash}:events:${first}`;
    const { queued } = await context.mail.enqueue(trx, { ...message, to: subscriber.email, dedupeKey });
    if (queued) messages += 1;
  }
  return { messages, events: events.length };
}

/** Subscriptions that share a scope share one query: a ward's followers cost one lookup. */
async function scopesOf(
  trx: Transaction<Database>,
  subscriptions: { filters: StoredFilters }[],
  decisionIds: number[],
): Promise<Map<string, Scope>> {
  const scopes = new Map<string, Scope>();
  for (const { filters: stored } of subscriptions) {
    const key = scopeKey(stored);
    if (scopes.has(key)) continue;
    const filters = filtersFromStored(stored);
    scopes.set(key, {
      inScope: await decisionsInScope(trx, filters, decisionIds),
      description: describeScope(filters, await scopeNames(trx, filters)),
    });
  }
  return scopes;
}

function groupByAddress(subscriptions: { email: string; address_hash: string; filters: StoredFilters }[]): Subscriber[] {
  const byAddress = new Map<string, Subscriber>();
  for (const subscription of subscriptions) {
    const subscriber = byAddress.get(subscription.address_hash) ?? {
      email: subscription.email,
      addressHash: subscription.address_hash,
      scopeKeys: [],
    };
    const key = scopeKey(subscription.filters);
    if (!subscriber.scopeKeys.includes(key)) subscriber.scopeKeys.push(key);
    byAddress.set(subscription.address_hash, subscriber);
  }
  return [...byAddress.values()];
}
