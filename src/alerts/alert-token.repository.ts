import type { Executor } from '../db/executor.ts';

export async function insertManageToken(db: Executor, token: { hash: string; addressHash: string; at: Date }): Promise<void> {
  await db
    .insertInto('alert_manage_tokens')
    .values({ token_hash: token.hash, address_hash: token.addressHash, created_at: token.at })
    .execute();
}

export async function addressOfManageToken(db: Executor, hash: string): Promise<string | undefined> {
  const row = await db.selectFrom('alert_manage_tokens').select('address_hash').where('token_hash', '=', hash).executeTakeFirst();
  return row?.address_hash;
}

export async function deleteManageTokensOfAddress(db: Executor, addressHash: string): Promise<void> {
  await db.deleteFrom('alert_manage_tokens').where('address_hash', '=', addressHash).execute();
}

export async function purgeManageTokensBefore(db: Executor, before: Date): Promise<number> {
  const result = await db.deleteFrom('alert_manage_tokens').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
