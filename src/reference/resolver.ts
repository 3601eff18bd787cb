import type { EntityKind } from '../db/database.ts';
import { normaliseSpelling, slugify } from '../lib/text.ts';
import {
  addAlias,
  findAlias,
  insertDecisionMaker,
  insertNamedEntity,
  insertPortfolio,
  portfolioOn,
  slugTaken,
  type Executor,
} from './reference.repository.ts';
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
 */
export function createResolver(db: Executor) {
  const cache = new Map<string, number>();

  async function resolveOne(kind: Exclude<EntityKind, 'decision_maker'>, spelling: string): Promise<number> {
    const key = aliasKey(kind, spelling);
    const cached = cache.get(`${kind}:${key}`);
    if (cached !== undefined) return cached;
    let id = await findAlias(db, kind, key);
    if (id === undefined) {
      const name = kind === 'ward' ? spelling.replace(/\s+wards?\s*$/i, '').trim() : spelling.trim();
      id = await insertNamedEntity(db, kind, { slug: await uniqueSlug(db, kind, name), name, needs_review: true });
      await addAlias(db, kind, id, spelling, key);
    }
    cache.set(`${kind}:${key}`, id);
    return id;
  }

  return {
    async committees(text: string): Promise<number[]> {
      if (text.trim() === '' || /^(n\/?a|none)$/i.test(text.trim())) return [];
      const whole = await findAlias(db, 'committee', aliasKey('committee', text));
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
      const whole = await findAlias(db, 'ward', aliasKey('ward', text));
      if (whole !== undefined) return { scope: 'listed', wardIds: [whole] };
      // Greedy longest match, so 'Fletton and Stanground' stays one ward although it contains 'and'.
      const { segments } = split;
      const ids: number[] = [];
      let start = 0;
      while (start < segments.length) {
        let matched = false;
        for (let end = segments.length; end > start + 1; end -= 1) {
          const joined = segments.slice(start, end).join(' and ');
          const id = await findAlias(db, 'ward', aliasKey('ward', joined));
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
      const whole = await findAlias(db, 'decision_maker', aliasKey('decision_maker', text));
      const parsed = splitDecisionMaker(text);
      let id = whole ?? (await findAlias(db, 'decision_maker', aliasKey('decision_maker', parsed.name)));
      if (id === undefined && parsed.cabinet) {
        const cabinet = await db.selectFrom('decision_makers').select('id').where('kind', '=', 'cabinet').executeTakeFirst();
        id = cabinet?.id ?? (await insertDecisionMaker(db, { slug: await uniqueSlug(db, 'decision_maker', 'Cabinet'), name: 'Cabinet', kind: 'cabinet' }));
        await addAlias(db, 'decision_maker', id, 'Cabinet', aliasKey('decision_maker', 'Cabinet'));
      }
      if (id === undefined) {
        id = await insertDecisionMaker(db, {
          slug: await uniqueSlug(db, 'decision_maker', parsed.name),
          name: parsed.name,
          kind: 'member',
          needs_review: true,
        });
        await addAlias(db, 'decision_maker', id, parsed.name, aliasKey('decision_maker', parsed.name));
      }
      if (parsed.cabinet) return { decisionMakerId: id, portfolioId: null };
      let portfolio = await portfolioOn(db, id, onDate);
      if (!portfolio && parsed.portfolio !== '') {
        portfolio = { id: await insertPortfolio(db, { decision_maker_id: id, title: parsed.portfolio }), title: parsed.portfolio };
      }
      return { decisionMakerId: id, portfolioId: portfolio?.id ?? null };
    },
  };
}

export type Resolver = ReturnType<typeof createResolver>;
