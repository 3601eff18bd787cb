import type { Db } from '../db/create-db.ts';
import type { Mailer } from '../mail/outbox.service.ts';
import { eraseAddress, eraseIfNoSubscriptions } from './alert-erase.ts';
import { filtersToQuery } from '../decisions/filters.ts';
import { filtersFromStored } from './alert-filters.ts';
import { describeScope, type ScopeDescription } from './alert-scope.ts';
import { scopeNames } from './alert-scope-names.ts';
import { deleteSubscriptionOfAddress, subscriptionsOfAddress } from './alert-subscription.repository.ts';
import { addressOfManageToken } from './alert-token.repository.ts';
import { tokenHash } from './alert-tokens.ts';
import { NOT_FOUND, type NotFound } from '../lib/result.ts';

export interface ManagedSubscription {
  id: number;
  scope: ScopeDescription;
  /** The same decisions on the website. */
  decisionsUrl: string;
  confirmed: boolean;
}

/**
 * The manage and unsubscribe links of alerts. The token is the only authority: it stands for
 * one address, and whoever holds an alert sent to that address may manage its alerts.
 */
export function createManageService({ db, mail }: { db: Db; mail: Pick<Mailer, 'forget'> }) {
  async function addressOf(token: string | undefined): Promise<string | undefined> {
    const hash = tokenHash(token);
    return hash ? addressOfManageToken(db, hash) : undefined;
  }

  return {
    /** Whether a manage/unsubscribe link is one we gave out (and its address is still here). */
    async isValid(token: string | undefined): Promise<boolean> {
      return (await addressOf(token)) !== undefined;
    },

    /** The address's subscriptions, or undefined for a link that is not (or no longer) valid. */
    async list(token: string | undefined): Promise<ManagedSubscription[] | undefined> {
      const address = await addressOf(token);
      if (!address) return undefined;
      const rows = await subscriptionsOfAddress(db, address);
      return Promise.all(
        rows.map(async (row) => {
          const filters = filtersFromStored(row.filters);
          return {
            id: row.id,
            scope: describeScope(filters, await scopeNames(db, filters)),
            decisionsUrl: `/decisions${filtersToQuery(filters)}`,
            confirmed: row.confirmed_at !== null,
          };
        }),
      );
    },

    /** Removes one subscription; removing the last one erases the address, as unsubscribing does. */
    async remove(token: string | undefined, subscriptionId: number): Promise<{ status: 'removed' | 'erased' } | NotFound> {
      const address = await addressOf(token);
      if (!address) return NOT_FOUND;
      return db.transaction().execute(async (trx) => {
        const email = await deleteSubscriptionOfAddress(trx, subscriptionId, address);
        if (!email) return NOT_FOUND;
        return { status: (await eraseIfNoSubscriptions(trx, mail, { addressHash: address, email })) ? 'erased' : 'removed' };
      });
    },

    /** Unsubscribes the address from everything and erases it; false for an unknown link. */
    async unsubscribe(token: string | undefined): Promise<boolean> {
      const address = await addressOf(token);
      if (!address) return false;
      await db.transaction().execute((trx) => eraseAddress(trx, mail, { addressHash: address }));
      return true;
    },
  };
}
