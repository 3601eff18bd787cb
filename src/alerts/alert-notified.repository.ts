import type { Executor } from '../db/executor.ts';

/**
 * Records that an address is being told about these events and returns those it had not been
 * told about before, in id order. The primary key decides, so two transactions queueing the
 * same event for the same address cannot both list it.
 */
export async function claimEvents(db: Executor, addressHash: string, eventIds: number[], at: Date): Promise<number[]> {
  if (eventIds.length === 0) return [];
  const rows = await db
    .insertInto('alert_notified_events')
    .values(eventIds.map((id) => ({ address_hash: addressHash, event_id: id, notified_at: at })))
    .onConflict((oc) => oc.columns(['address_hash', 'event_id']).doNothing())
    .returning('event_id')
    .execute();
  return rows.map((r) => Number(r.event_id)).sort((a, b) => a - b);
}

export async function deleteNotifiedOfAddress(db: Executor, addressHash: string): Promise<void> {
  await db.deleteFrom('alert_notified_events').where('address_hash', '=', addressHash).execute();
}

export async function purgeNotifiedBefore(db: Executor, before: Date): Promise<number> {
  const result = await db.deleteFrom('alert_notified_events').where('notified_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
