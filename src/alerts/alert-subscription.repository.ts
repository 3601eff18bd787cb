import type { Executor } from '../db/executor.ts';
import type { StoredFilters } from './alert-filters.ts';

export interface PendingRequest {
  email: string;
  addressHash: string;
  filters: StoredFilters;
  confirmTokenHash: string;
  now: Date;
  expiresAt: Date;
}

/**
 * Records a request for alerts: a new unconfirmed subscription, or, for a scope the address
 * already has, a new confirmation link (and, while unconfirmed, a new expiry). A confirmed
 * subscription stays confirmed, so asking again changes nothing anybody could notice.
 */
export async function upsertRequest(db: Executor, request: PendingRequest): Promise<number> {
  const row = await db
    .insertInto('alert_subscriptions')
    .values({
      email: request.email,
      address_hash: request.addressHash,
      filters: JSON.stringify(request.filters),
      confirm_token_hash: request.confirmTokenHash,
      created_at: request.now,
      expires_at: request.expiresAt,
    })
    .onConflict((oc) =>
      oc.constraint('alert_subscriptions_one_per_scope').doUpdateSet((eb) => ({
        confirm_token_hash: eb.ref('excluded.confirm_token_hash'),
        expires_at: eb
          .case()
          .when('alert_subscriptions.confirmed_at', 'is', null)
          .then(eb.ref('excluded.expires_at'))
          .else(null)
          .end(),
      })),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findByConfirmTokenHash(db: Executor, hash: string) {
  return db
    .selectFrom('alert_subscriptions')
    .select(['id', 'address_hash', 'filters', 'confirmed_at', 'expires_at'])
    .where('confirm_token_hash', '=', hash)
    .executeTakeFirst();
}

/** Confirms an unconfirmed subscription that has not expired; false when there is none. */
export async function markConfirmed(db: Executor, id: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('alert_subscriptions')
    .set({ confirmed_at: now, expires_at: null })
    .where('id', '=', id)
    .where('confirmed_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** An address's subscriptions, oldest first, for its manage page. */
export async function subscriptionsOfAddress(db: Executor, addressHash: string) {
  return db
    .selectFrom('alert_subscriptions')
    .select(['id', 'filters', 'confirmed_at', 'created_at'])
    .where('address_hash', '=', addressHash)
    .orderBy('id')
    .execute();
}

/**
 * Every confirmed subscription, for queueing alerts. FOR KEY SHARE makes an unsubscribe that
 * runs meanwhile wait for the alerts' transaction, and then erase the mail it queued too.
 */
export async function confirmedSubscriptions(db: Executor) {
  return db
    .selectFrom('alert_subscriptions')
    .select(['id', 'email', 'address_hash', 'filters'])
    .where('confirmed_at', 'is not', null)
    .orderBy('id')
    .forKeyShare()
    .execute();
}

/** Deletes one subscription if it belongs to the address; returns the address when it did. */
export async function deleteSubscriptionOfAddress(db: Executor, id: number, addressHash: string): Promise<string | undefined> {
  const row = await db
    .deleteFrom('alert_subscriptions')
    .where('id', '=', id)
    .where('address_hash', '=', addressHash)
    .returning('email')
    .executeTakeFirst();
  return row?.email;
}

/** Deletes every subscription of an address; returns the address (once) when there was any. */
export async function deleteSubscriptionsOfAddress(db: Executor, addressHash: string): Promise<string | undefined> {
  const rows = await db.deleteFrom('alert_subscriptions').where('address_hash', '=', addressHash).returning('email').execute();
  return rows[0]?.email;
}

export async function countSubscriptionsOfAddress(db: Executor, addressHash: string): Promise<number> {
  const row = await db
    .selectFrom('alert_subscriptions')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('address_hash', '=', addressHash)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Deletes unconfirmed subscriptions past their expiry; returns each address concerned once. */
export async function deleteExpiredUnconfirmed(db: Executor, now: Date): Promise<{ email: string; addressHash: string }[]> {
  const rows = await db
    .deleteFrom('alert_subscriptions')
    .where('confirmed_at', 'is', null)
    .where('expires_at', '<=', now)
    .returning(['email', 'address_hash'])
    .execute();
  const byHash = new Map(rows.map((r) => [r.address_hash, { email: r.email, addressHash: r.address_hash }]));
  return [...byHash.values()];
}
