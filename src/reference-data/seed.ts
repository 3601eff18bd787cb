import type { EntityKind } from './reference-data.tables.ts';
import { addAlias, insertDecisionMaker, insertNamedEntity, insertPortfolio } from './reference-data.repository.ts';
import type { Executor } from '../db/executor.ts';
import { aliasKey, uniqueSlug } from './resolver.ts';

export interface ReferenceSeed {
  council: { name: string; governanceEmail?: string; governanceAddress?: string; governanceTelephone?: string; website?: string };
  committees: { name: string; description?: string; aliases?: string[] }[];
  directorates: { name: string; description?: string; aliases?: string[] }[];
  wards: { name: string; aliases?: string[] }[];
  decisionMakers: {
    name: string;
    kind: 'cabinet' | 'member';
    aliases?: string[];
    portfolios?: { title: string; startsOn?: string; endsOn?: string }[];
  }[];
}

async function aliasesFor(db: Executor, kind: EntityKind, id: number, spellings: string[]) {
  for (const spelling of spellings) await addAlias(db, kind, id, spelling, aliasKey(kind, spelling));
}

/** Loads a council's reference data and known spellings; entities that exist (by alias) are kept. */
export async function seedReferenceData(db: Executor, seed: ReferenceSeed): Promise<void> {
  const c = seed.council;
  await db
    .insertInto('council')
    .values({
      name: c.name,
      governance_email: c.governanceEmail ?? '',
      governance_address: c.governanceAddress ?? '',
      governance_telephone: c.governanceTelephone ?? '',
      website: c.website ?? '',
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();

  const named: [Exclude<EntityKind, 'decision_maker'>, { name: string; description?: string; aliases?: string[] }[]][] = [
    ['committee', seed.committees],
    ['directorate', seed.directorates],
    ['ward', seed.wards],
  ];
  for (const [kind, entities] of named) {
    for (const entity of entities) {
      const existing = await db
        .selectFrom('aliases')
        .select(['committee_id', 'ward_id', 'directorate_id'])
        .where('kind', '=', kind)
        .where('normalised', '=', aliasKey(kind, entity.name))
        .executeTakeFirst();
      const id =
        existing?.committee_id ?? existing?.ward_id ?? existing?.directorate_id ??
        (await insertNamedEntity(db, kind, {
          slug: await uniqueSlug(db, kind, entity.name),
          name: entity.name,
          description: entity.description ?? '',
        }));
      await aliasesFor(db, kind, id, [entity.name, ...(entity.aliases ?? [])]);
    }
  }

  for (const maker of seed.decisionMakers) {
    const existing = await db
      .selectFrom('aliases')
      .select('decision_maker_id')
      .where('kind', '=', 'decision_maker')
      .where('normalised', '=', aliasKey('decision_maker', maker.name))
      .executeTakeFirst();
    if (existing?.decision_maker_id) continue;
    const id = await insertDecisionMaker(db, {
      slug: await uniqueSlug(db, 'decision_maker', maker.name),
      name: maker.name,
      kind: maker.kind,
    });
    await aliasesFor(db, 'decision_maker', id, [maker.name, ...(maker.aliases ?? [])]);
    for (const p of maker.portfolios ?? []) {
      await insertPortfolio(db, { decision_maker_id: id, title: p.title, starts_on: p.startsOn ?? null, ends_on: p.endsOn ?? null });
    }
  }
}
