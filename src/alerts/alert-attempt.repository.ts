import type { Executor } from '../db/executor.ts';

export async function recordRequest(db: Executor, request: { addressHash: string; clientKey: string; at: Date }): Promise<void> {
  await db
    .insertInto('alert_request_attempts')
    .values({ address_hash: request.addressHash, client_key: request.clientKey, attempted_at: request.at })
    .execute();
}

export async function requestsSince(db: Executor, by: { addressHash: string } | { clientKey: string }, since: Date): Promise<Date[]> {
  let query = db.selectFrom('alert_request_attempts').select('attempted_at').where('attempted_at', '>', since);
  query = 'addressHash' in by ? query.where('address_hash', '=', by.addressHash) : query.where('client_key', '=', by.clientKey);
  const rows = await query.execute();
  return rows.map((r) => new Date(r.attempted_at));
}

export async function purgeRequestsBefore(db: Executor, before: Date): Promise<number> {
  const result = await db.deleteFrom('alert_request_attempts').where('attempted_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
