import type { Executor } from '../db/executor.ts';

export interface CabinetMember {
  id: number;
  name: string;
  slug: string;
  /** Their current portfolios, joined: "Cabinet Member for Adults and Health". */
  portfolio: string;
}

/**
 * Individual Cabinet Members holding a portfolio on `today`, in the order their portfolios were
 * recorded (the order of the printed list, the Leader first). Entries an import created from an
 * unknown spelling wait for review before the public can choose them.
 */
export async function currentCabinetMembers(db: Executor, today: string): Promise<CabinetMember[]> {
  const rows = await db
    .selectFrom('decision_makers as m')
    .innerJoin('portfolios as p', 'p.decision_maker_id', 'm.id')
    .select(['m.id', 'm.name', 'm.slug', 'p.title'])
    .where('m.kind', '=', 'member')
    .where('m.needs_review', '=', false)
    .where((eb) => eb.or([eb('p.starts_on', 'is', null), eb('p.starts_on', '<=', today)]))
    .where((eb) => eb.or([eb('p.ends_on', 'is', null), eb('p.ends_on', '>=', today)]))
    .orderBy('p.id')
    .execute();
  const members = new Map<number, CabinetMember>();
  for (const row of rows) {
    const found = members.get(row.id);
    if (found) found.portfolio = `${found.portfolio}; ${row.title}`;
    else members.set(row.id, { id: row.id, name: row.name, slug: row.slug, portfolio: row.title });
  }
  return [...members.values()];
}

export async function decisionMakerName(db: Executor, id: number): Promise<string | undefined> {
  const row = await db.selectFrom('decision_makers').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name;
}
