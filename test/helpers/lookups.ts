import type { Db } from '../../src/db/create-db.ts';

/** The id of a decision by its printed reference (a sample decision's, in most tests). */
export async function decisionIdByReference(db: Db, reference: string): Promise<number> {
  const row = await db.selectFrom('decisions').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
  return row.id;
}
