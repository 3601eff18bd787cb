import type { Executor } from '../../db/executor.ts';
import type { HeldPortfolio } from './portfolio-rules.ts';

export async function portfoliosOf(db: Executor, decisionMakerId: number): Promise<HeldPortfolio[]> {
  const rows = await db
    .selectFrom('portfolios')
    .select(['id', 'title', 'starts_on', 'ends_on'])
    .where('decision_maker_id', '=', decisionMakerId)
    .orderBy('starts_on', (ob) => ob.desc().nullsLast())
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, startsOn: r.starts_on, endsOn: r.ends_on }));
}

export async function updatePortfolio(db: Executor, id: number, values: { title: string; starts_on: string | null; ends_on: string | null }) {
  await db.updateTable('portfolios').set(values).where('id', '=', id).execute();
}
