import { sql } from 'kysely';
import type nunjucks from 'nunjucks';
import type { Db } from '../db/create-db.ts';
import type { DecisionFilters } from '../decisions/filters.ts';
import { hashClientAddress } from '../lib/client-key.ts';
import type { Clock } from '../lib/clock.ts';
import { secondsUntilAllowed } from '../lib/rate-limit.ts';
import type { Mailer } from '../mail/outbox.service.ts';
import { requestsSince, recordRequest } from './alert-attempt.repository.ts';
import { buildConfirmation } from './alert-confirmation.ts';
import { filtersFromStored, normaliseFilters } from './alert-filters.ts';
import { ALERT_REQUEST_LIMITS, CONFIRM_WITHIN_DAYS } from './alert-limits.ts';
import { confirmLink } from './alert-links.ts';
import { councilForAlerts } from './alert-occasion.repository.ts';
import { describeScope, type ScopeDescription } from './alert-scope.ts';
import { scopeNames } from './alert-scope-names.ts';
import { findByConfirmTokenHash, markConfirmed, upsertRequest } from './alert-subscription.repository.ts';
import { addressHash, newToken, sha256Hex, tokenHash } from './alert-tokens.ts';

const DAY_MS = 86_400_000;

export type AlertRequestOutcome =
  | { outcome: 'sent' }
  | { outcome: 'limited'; limit: 'address' | 'client'; retryAfterSeconds: number };

interface SubscribeContext {
  db: Db;
  clock: Clock;
  mail: Pick<Mailer, 'enqueue'>;
  templates: nunjucks.Environment;
  baseUrl: string;
  secretKey: string;
}

export function createSubscribeService({ db, clock, mail, templates, baseUrl, secretKey }: SubscribeContext) {
  return {
    /**
     * Asks an address to confirm alerts for a scope: a confirmation email, unless a limit is
     * reached. The answer is the same whether or not the address already has alerts.
     * `email` must have passed checkEmailAddress; `clientAddress` identifies the requester.
     */
    async request(input: { email: string; filters: DecisionFilters; clientAddress: string }): Promise<AlertRequestOutcome> {
      const hash = addressHash(input.email);
      const clientKey = hashClientAddress(secretKey, input.clientAddress);
      return db.transaction().execute(async (trx) => {
        // Requests for one address queue here, so two at once cannot both slip under its limit.
        await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`alert-request:${hash}`}, 0))`.execute(trx);
        const now = clock.now();
        for (const [limit, by] of [
          ['client', { clientKey }],
          ['address', { addressHash: hash }],
        ] as const) {
          const rule = limit === 'client' ? ALERT_REQUEST_LIMITS.perClient : ALERT_REQUEST_LIMITS.perAddress;
          const recent = await requestsSince(trx, by, new Date(now.getTime() - rule.windowMs));
          const wait = secondsUntilAllowed(recent, rule, now);
          if (wait > 0) return { outcome: 'limited', limit, retryAfterSeconds: wait };
        }
        await recordRequest(trx, { addressHash: hash, clientKey, at: now });

        const token = newToken();
        await upsertRequest(trx, {
          email: input.email,
          addressHash: hash,
          filters: normaliseFilters(input.filters),
          confirmTokenHash: sha256Hex(token),
          now,
          expiresAt: new Date(now.getTime() + CONFIRM_WITHIN_DAYS * DAY_MS),
        });
        const council = await councilForAlerts(trx);
        const scope = describeScope(input.filters, await scopeNames(trx, input.filters));
        const message = buildConfirmation({ councilName: council.name, scope, confirmUrl: confirmLink(baseUrl, token) }, templates);
        await mail.enqueue(trx, { ...message, to: input.email });
        return { outcome: 'sent' };
      });
    },

    /**
     * Follows a confirmation link. Following it again is harmless (mail scanners fetch links);
     * an unknown or expired link gives undefined.
     */
    async confirm(token: string | undefined): Promise<{ scope: ScopeDescription } | undefined> {
      const hash = tokenHash(token);
      if (!hash) return undefined;
      const row = await findByConfirmTokenHash(db, hash);
      if (!row) return undefined;
      const now = clock.now();
      if (row.confirmed_at === null && !(await markConfirmed(db, row.id, now))) return undefined;
      const filters = filtersFromStored(row.filters);
      return { scope: describeScope(filters, await scopeNames(db, filters)) };
    },
  };
}
