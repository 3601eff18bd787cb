import type { EntityKind } from './reference-data.tables.ts';
import { normaliseSpelling, slugify } from '../lib/text.ts';
import { addAlias as addAliasRow, ALIAS_COLUMN, allAliases, insertDecisionMaker, insertNamedEntity, insertPortfolio, portfoliosOf, slugTaken } from './reference-data.repository.ts';
import type { Executor } from '../db/executor.ts';
import { portfolioHeldOn, type HeldPortfolio } from './portfolio-held.ts';
import { splitCommittees, splitDecisionMaker, splitWards, wardKey } from './spellings.ts';

/** Committee and ward slugs leave out the words every one of them shares. */
export function entitySlugBase(kind: EntityKind, name: string): string {
  if (kind === 'committee') return slugify(name.replace(/\s*scrutiny\s+committee\s*$/i, '')) || slugify(name);
  if (kind === 'ward') return slugify(name.replace(/\s+wards?\s*$/i, ''));
  return slugify(name);
}

export async function uniqueSlug(db: Executor, kind: EntityKind, name: string): Promise<string> {
  const base = entitySlugBase(kind, name);
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await slugTaken(db, kind, candidate))) return candidate;
  }
}

export function aliasKey(kind: EntityKind, spelling: string): string {
  return kind === 'ward' ? wardKey(spelling) : normaliseSpelling(spelling);
}

export interface ResolvedMaker {
  decisionMakerId: number;
  portfolioId: number | null;
}

export interface ResolvedWards {
  scope: 'all' | 'none' | 'listed';
  wardIds: number[];
}

/**
 * Turns the spellings of a printed plan into the council's entities through the alias table.
 * A spelling never seen before becomes a new entity marked for review, so an import never
 * fails on a new name and staff can merge it later. Works inside the caller's transaction.
 * The alias and portfolio tables are read once, at the first spelling, and kept up to date with
 * what the resolver adds: a plan of thousands of rows then costs no query per row. So a resolver
 * lives no longer than the transaction it was made for.
 */
export function createResolver(db: Executor) {
  let known: Promise<{ aliases: Map<string, number>; portfolios: Map<number, HeldPortfolio[]> }> | undefined;
  const tables = () => (known ??= readTables(db));

  async function findAlias(kind: EntityKind, normalised: string): Promise<number | undefined> {
    return (await tables()).aliases.get(`${kind}:${normalised}`);
  }

  async function addAlias(kind: EntityKind, id: number, spelling: string, normalised: string): Promise<void> {
    await addAliasRow(db, kind, id, spelling, normalised);
    const { aliases } = await tables();
    // The row already there wins, as ON CONFLICT DO NOTHING leaves it.
    if (!aliases.has(`${kind}:${normalised}`)) aliases.set(`${kind}:${normalised}`, id);
  }

  async function portfolioOn(decisionMakerId: number, onDate: string | null) {
    return portfolioHeldOn((await tables()).portfolios.get(decisionMakerId) ?? [], onDate);
  }

  async function addPortfolio(decisionMakerId: number, title: string): Promise<number> {
    const id = await insertPortfolio(db, { decision_maker_id: decisionMakerId, title });
    const { portfolios } = await tables();
    portfolios.set(decisionMakerId, [...(portfolios.get(decisionMakerId) ?? []), { id, title, starts_on: null, ends_on: null }]);
    return id;
  }

  async function resolveOne(kind: Exclude<EntityKind, 'decision_maker'>, spelling: string): Promise<number> {
    const key = aliasKey(kind, spelling);
    let id = await findAlias(kind, key);
    if (id === undefined) {
      const name = kind === 'ward' ? spelling.replace(/\s+wards?\s*$/i, '').trim() : spelling.trim();
      id = await insertNamedEntity(db, kind, { slug: await uniqueSlug(db, kind, name), name, needs_review: true });
      await addAlias(kind, id, spelling, key);
    }
    return id;
  }

  return {
    async committees(text: string): Promise<number[]> {
      if (text.trim() === '' || /^(n\/?a|none)$/i.test(text.trim())) return [];
      const whole = await findAlias('committee', aliasKey('committee', text));
      if (whole !== undefined) return [whole];
      const ids: number[] = [];
      for (const name of splitCommittees(text)) ids.push(await resolveOne('committee', name));
      return [...new Set(ids)];
    },

    directorate(text: string): Promise<number> {
      return resolveOne('directorate', text);
    },

    async wards(text: string): Promise<ResolvedWards> {
      const split = splitWards(text);
      if (split.scope !== 'listed') return { scope: split.scope, wardIds: [] };
      const whole = await findAlias('ward', aliasKey('ward', text));
      if (whole !== undefined) return { scope: 'listed', wardIds: [whole] };
      // Greedy longest match, so 'Fletton and Stanground' stays one ward although it contains 'and'.
      const { segments } = split;
      const ids: number[] = [];
      let start = 0;
      while (start < segments.length) {
        let matched = false;
        for (let end = segments.length; end > start + 1; end -= 1) {
          const joined = segments.slice(start, end).join(' and ');
          const id = await findAlias('ward', aliasKey('ward', joined));
          if (id !== undefined) {
            ids.push(id);
            start = end;
            matched = true;
            break;
          }
        }
        if (!matched) {
          ids.push(await resolveOne('ward', segments[start]!));
          start += 1;
        }
      }
      return { scope: 'listed', wardIds: [...new Set(ids)] };
    },

    async decisionMaker(text: string, onDate: string | null): Promise<ResolvedMaker> {
      const whole = await findAlias('decision_maker', aliasKey('decision_maker', text));
      const parsed = splitDecisionMaker(text);
      let id = whole ?? (await findAlias('decision_maker', aliasKey('decision_maker', parsed.name)));
      if (id === undefined && parsed.cabinet) {
        const cabinet = await db.selectFrom('decision_makers').select('id').where('kind', '=', 'cabinet').executeTakeFirst();
        id = cabinet?.id ?? (await insertDecisionMaker(db, { slug: await uniqueSlug(db, 'decision_maker', 'Cabinet'), name: 'Cabinet', kind: 'cabinet' }));
        await addAlias('decision_maker', id, 'Cabinet', aliasKey('decision_maker', 'Cabinet'));
      }
      if (id === undefined) {
        id = await insertDecisionMaker(db, {
          slug: await uniqueSlug(db, 'decision_maker', parsed.name),
          name: parsed.name,
          kind: 'member',
          needs_review: true,
        });
        await addAlias('decision_maker', id, parsed.name, aliasKey('decision_maker', parsed.name));
      }
      if (parsed.cabinet) return { decisionMakerId: id, portfolioId: null };
      let portfolio = await portfolioOn(id, onDate);
      if (!portfolio && parsed.portfolio !== '') {
        portfolio = { id: await addPortfolio(id, parsed.portfolio), title: parsed.portfolio };
      }
      return { decisionMakerId: id, portfolioId: portfolio?.id ?? null };
    },
  };
}

export type Resolver = ReturnType<typeof createResolver>;

async function readTables(db: Executor) {
  const [aliasRows, portfolioRows] = await Promise.all([allAliases(db), portfoliosOf(db)]);
  const aliases = new Map<string, number>();
  for (const row of aliasRows) {
    const id = row[ALIAS_COLUMN[row.kind]];
    if (id !== null) aliases.set(`${row.kind}:${row.normalised}`, id);
  }
  const portfolios = new Map<number, HeldPortfolio[]>();
  for (const { decision_maker_id, ...portfolio } of portfolioRows) {
    portfolios.set(decision_maker_id, [...(portfolios.get(decision_maker_id) ?? []), portfolio]);
  }
  return { aliases, portfolios };
}
