import type { Db } from '../db/create-db.ts';

type Executor = Pick<Db, 'selectFrom' | 'insertInto' | 'deleteFrom'>;
export type AttemptOutcome = 'success' | 'failure' | 'locked';

export async function recordAttempt(
  db: Executor,
  attempt: { clientKey: string; accountKey: string; outcome: AttemptOutcome; at: Date },
): Promise<void> {
  await db
    .insertInto('sign_in_attempts')
    .values({ client_key: attempt.clientKey, account_key: attempt.accountKey, outcome: attempt.outcome, attempted_at: attempt.at })
    .execute();
}

export async function clientAttemptsSince(db: Executor, clientKey: string, since: Date): Promise<Date[]> {
  const rows = await db
    .selectFrom('sign_in_attempts')
    .select('attempted_at')
    .where('client_key', '=', clientKey)
    .where('attempted_at', '>', since)
    .execute();
  return rows.map((r) => new Date(r.attempted_at));
}

/** The account's failures after `since` and after its last success (ids order attempts made in the same instant), oldest first. */
export async function accountFailuresSince(db: Executor, accountKey: string, since: Date): Promise<Date[]> {
  const rows = await db
    .selectFrom('sign_in_attempts as a')
    .select('a.attempted_at')
    .where('a.account_key', '=', accountKey)
    .where('a.outcome', '=', 'failure')
    .where('a.attempted_at', '>', since)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('sign_in_attempts as s')
            .select('s.id')
            .whereRef('s.account_key', '=', 'a.account_key')
            .where('s.outcome', '=', 'success')
            .whereRef('s.id', '>', 'a.id'),
        ),
      ),
    )
    .orderBy('a.attempted_at')
    .execute();
  return rows.map((r) => new Date(r.attempted_at));
}

export async function deleteAttemptsBefore(db: Executor, cutoff: Date): Promise<void> {
  await db.deleteFrom('sign_in_attempts').where('attempted_at', '<', cutoff).execute();
}
