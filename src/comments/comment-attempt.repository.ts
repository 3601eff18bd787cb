import type { Executor } from '../db/executor.ts';

export async function recordSubmission(db: Executor, attempt: { clientKey: string; outcome: 'accepted' | 'spam'; at: Date }): Promise<void> {
  await db
    .insertInto('comment_submission_attempts')
    .values({ client_key: attempt.clientKey, outcome: attempt.outcome, attempted_at: attempt.at })
    .execute();
}

export async function submissionsSince(db: Executor, clientKey: string, since: Date): Promise<Date[]> {
  const rows = await db
    .selectFrom('comment_submission_attempts')
    .select('attempted_at')
    .where('client_key', '=', clientKey)
    .where('attempted_at', '>', since)
    .execute();
  return rows.map((r) => new Date(r.attempted_at));
}

export async function purgeSubmissionsBefore(db: Executor, before: Date): Promise<number> {
  const result = await db.deleteFrom('comment_submission_attempts').where('attempted_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
