import type { Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Mailer } from '../mail/outbox.service.ts';
import { deleteNotifiedOfAddress } from './alert-notified.repository.ts';
import { countSubscriptionsOfAddress, deleteSubscriptionsOfAddress } from './alert-subscription.repository.ts';
import { deleteManageTokensOfAddress } from './alert-token.repository.ts';

/**
 * Forgets an address entirely: its subscriptions, its links, the record of what it was told,
 * and every email to it still in the outbox, queued or sent. `email` is needed for the outbox
 * when the subscriptions are already gone.
 */
export async function eraseAddress(
  trx: Transaction<Database>,
  mail: Pick<Mailer, 'forget'>,
  address: { addressHash: string; email?: string | undefined },
): Promise<void> {
  // Deleted first: this waits for any alerts being queued for the address (they hold FOR KEY
  // SHARE), so the outbox is cleared after their mail is in it.
  const email = (await deleteSubscriptionsOfAddress(trx, address.addressHash)) ?? address.email;
  await deleteManageTokensOfAddress(trx, address.addressHash);
  await deleteNotifiedOfAddress(trx, address.addressHash);
  if (email) await mail.forget(trx, email);
}

/** Erases an address that has no subscription left (after removing its last one, or expiry). */
export async function eraseIfNoSubscriptions(
  trx: Transaction<Database>,
  mail: Pick<Mailer, 'forget'>,
  address: { addressHash: string; email: string },
): Promise<boolean> {
  if ((await countSubscriptionsOfAddress(trx, address.addressHash)) > 0) return false;
  await eraseAddress(trx, mail, address);
  return true;
}
