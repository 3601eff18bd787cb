/*
 * A large council for the benchmark: years of fortnightly plans, decisions that carry over from
 * plan to plan until they are taken or withdrawn, and about a thousand live in the latest plan.
 * Written straight to the tables in one transaction (plans accept entries only in the transaction
 * that records them), not through the import: the import is timed on its own, and building five
 * years of history through it would time the import 120 times over.
 */
import { sql } from 'kysely';
import type { Db } from '../../src/db/create-db.ts';
import type { Insertable } from 'kysely';
import type { DecisionEventTable, DecisionStatus, Part } from '../../src/decisions/decisions.tables.ts';
import { canonicalReference } from '../../src/decisions/key-reference.ts';
import { addDays, formatLongDate, formatMonth } from '../../src/lib/dates.ts';
import { seedReferenceData, type ReferenceSeed } from '../../src/reference-data/seed.ts';
import { randomFrom } from './plan-csv-rows.ts';

export interface LargeCouncilOptions {
  decisions?: number;
  plans?: number;
  committees?: number;
  wards?: number;
  decisionMakers?: number;
  /** The date of the latest plan (YYYY-MM-DD); the others are a fortnight apart before it. */
  latestPlanOn: string;
  seed?: number;
}

export interface LargeCouncil {
  decisions: number;
  plans: number;
  planEntries: number;
  live: number;
  latestPlanOn: string;
  /** Slugs and ids real pages can be asked for. */
  sampleCommittee: string;
  sampleDecisionId: number;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WORDS = (
  'approve award contract extension council housing strategy school places highways maintenance ' +
  'adult social care children services budget capital programme procurement framework leisure ' +
  'library parks regeneration city centre transport scheme consultation policy review delegated ' +
  'authority director corporate resources grant funding partnership refurbishment acquisition disposal'
).split(' ');
const PORTFOLIOS = [
  'Housing', 'Finance and Corporate Governance', 'Children’s Services, Education, Skills and the University',
  'Adult Social Care and Public Health', 'Infrastructure, Environment and Climate Change', 'Growth and Regeneration',
  'Communities', 'Culture and Leisure', 'Digital Services', 'Waste, Street Scene and the Environment',
];


function sentence(next: () => number, length: number): string {
  const words: string[] = [];
  let size = 0;
  while (size < length) {
    const word = WORDS[Math.floor(next() * WORDS.length)]!;
    words.push(word);
    size += word.length + 1;
  }
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function referenceDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}${MONTHS[Number(month) - 1]}${year!.slice(2)}`;
}

function seedFor(options: Required<Omit<LargeCouncilOptions, 'latestPlanOn' | 'seed'>>): ReferenceSeed {
  const members = options.decisionMakers - 1;
  return {
    council: { name: 'Large Council', governanceEmail: 'democratic.services@large.example.gov.uk' },
    committees: Array.from({ length: options.committees }, (_, i) => ({ name: `Scrutiny Committee ${i + 1}` })),
    directorates: ['Place and Economy', 'Corporate Services', 'Children’s Services', 'Adults and Health', 'Resources', 'Legal and Governance']
      .map((name) => ({ name })),
    wards: Array.from({ length: options.wards }, (_, i) => ({ name: `Ward ${i + 1}` })),
    decisionMakers: [
      { name: 'Cabinet', kind: 'cabinet' as const },
      ...Array.from({ length: members }, (_, i) => ({
        name: `Councillor Member ${i + 1}`,
        kind: 'member' as const,
        portfolios: [{ title: `Cabinet Member for ${PORTFOLIOS[i % PORTFOLIOS.length]}${i >= PORTFOLIOS.length ? ` ${Math.floor(i / PORTFOLIOS.length) + 1}` : ''}` }],
      })),
    ],
  };
}

function partFor(roll: number): Part {
  if (roll < 0.55) return 'key';
  if (roll < 0.65) return 'private';
  if (roll < 0.96) return 'non_key';
  return 'urgent';
}

interface Life {
  decisionId: number;
  firstPlan: number;
  lastPlan: number;
  outcome: 'taken' | 'withdrawn' | null;
}

/** Builds the council in an empty, migrated database. */
export async function buildLargeCouncil(db: Db, options: LargeCouncilOptions): Promise<LargeCouncil> {
  const o = { decisions: 5_000, plans: 120, committees: 20, wards: 25, decisionMakers: 30, seed: 1, ...options };
  // The same council for the same seed, so two runs measure the same pages.
  const next = randomFrom(o.seed);
  const planDates = Array.from({ length: o.plans }, (_, i) => addDays(o.latestPlanOn, -14 * (o.plans - 1 - i)));
  // New decisions arrive evenly; each stays for 10 to 38 plans, so the latest lists about a thousand.
  const perPlan = o.decisions / o.plans;

  return db.transaction().execute(async (trx) => {
    await seedReferenceData(trx, seedFor(o));
    const committees = await trx.selectFrom('committees').select(['id', 'name']).orderBy('id').execute();
    const wards = await trx.selectFrom('wards').select(['id', 'name']).orderBy('id').execute();
    const directorates = await trx.selectFrom('directorates').select(['id', 'name']).orderBy('id').execute();
    const makers = await trx
      .selectFrom('decision_makers')
      .leftJoin('portfolios', 'portfolios.decision_maker_id', 'decision_makers.id')
      .select(['decision_makers.id', 'decision_makers.name', 'decision_makers.kind', 'portfolios.id as portfolioId', 'portfolios.title'])
      .orderBy('decision_makers.id')
      .execute();

    const plans = await trx
      .insertInto('plans')
      .values(planDates.map((date) => ({ published_on: date, key_decisions_from: addDays(date, 31), source: 'import' as const })))
      .returning(['id', 'published_on'])
      .execute();

    const sequence = new Map<number, number>();
    const lives: Omit<Life, 'decisionId'>[] = [];
    const rows = Array.from({ length: o.decisions }, (_, i) => {
      const firstPlan = Math.min(o.plans - 1, Math.floor(i / perPlan));
      const part = partFor(next());
      const span = part === 'urgent' ? 1 : 10 + Math.floor(next() * 29);
      const lastPlan = Math.min(o.plans - 1, firstPlan + span - 1);
      const ended = part === 'urgent' || firstPlan + span - 1 < o.plans - 1;
      const outcome = part === 'urgent' ? 'taken' : ended ? (next() < 0.9 ? 'taken' : 'withdrawn') : null;
      lives.push({ firstPlan, lastPlan, outcome });
      const keyed = part === 'key' || part === 'urgent' || (part === 'private' && next() < 0.5);
      const n = (sequence.get(firstPlan) ?? 0) + (keyed ? 1 : 0);
      sequence.set(firstPlan, n);
      const reference = keyed ? `KEY/${referenceDate(addDays(planDates[firstPlan]!, 31))}/${String(n).padStart(2, '0')}` : null;
      const expectedOn = addDays(planDates[Math.min(firstPlan + span, o.plans - 1)]!, part === 'urgent' ? -3 : 10 + Math.floor(next() * 20));
      const monthOnly = next() < 0.4;
      const expected = monthOnly ? `${expectedOn.slice(0, 8)}01` : expectedOn;
      const maker = makers[Math.floor(next() * makers.length)]!;
      const listed = next() < 0.55;
      const ownWards = listed ? [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => wards[Math.floor(next() * wards.length)]!))] : [];
      const ownCommittees = [...new Set([committees[i % committees.length]!, ...(next() < 0.2 ? [committees[Math.floor(next() * committees.length)]!] : [])])];
      const directorate = directorates[Math.floor(next() * directorates.length)]!;
      const expectedText = monthOnly ? formatMonth(expected) : formatLongDate(expected);
      return {
        decision: {
          reference, reference_key: reference ? canonicalReference(reference) : null,
          title: `${sentence(next, 40 + Math.floor(next() * 40)).slice(0, -1)} (${i + 1})`,
          description: sentence(next, 150 + Math.floor(next() * 400)),
          part, is_key: keyed, status: (outcome ?? (next() < 0.1 ? 'deferred' : 'planned')) as DecisionStatus,
          decision_maker_id: maker.id, portfolio_id: maker.kind === 'member' ? maker.portfolioId : null,
          expected_date: expected, expected_precision: monthOnly ? 'month' as const : 'day' as const, expected_date_text: expectedText,
          expected_date_note: '', ward_scope: listed ? 'listed' as const : next() < 0.9 ? 'all' as const : 'none' as const,
          wards_text: listed ? ownWards.map((w) => w.name).join(', ') : 'All Wards',
          consultation: sentence(next, 60 + Math.floor(next() * 120)),
          contacts: `Officer ${i + 1}, Service Manager, officer.${i + 1}@large.example.gov.uk`,
          directorate_id: directorate.id, documents: sentence(next, 80 + Math.floor(next() * 80)),
          exempt_paragraph: part === 'private' ? 3 : null,
          exemption_reason: part === 'private' ? 'Information relating to the financial or business affairs of any particular person.' : '',
          created_by: null,
        },
        makerText: maker.kind === 'cabinet' ? 'Cabinet' : `${maker.title} - ${maker.name}`,
        committeeText: ownCommittees.map((c) => c.name).join('\n'),
        directorateText: directorate.name,
        ownWards, ownCommittees,
      };
    });

    const decisionIds: number[] = [];
    for (let start = 0; start < rows.length; start += 500) {
      const batch = rows.slice(start, start + 500);
      const ids = await trx.insertInto('decisions').values(batch.map((r) => r.decision)).returning('id').execute();
      decisionIds.push(...ids.map((r) => r.id));
    }
    const links = rows.flatMap((r, i) => r.ownCommittees.map((c, position) => ({ decision_id: decisionIds[i]!, committee_id: c.id, position })));
    const wardLinks = rows.flatMap((r, i) => r.ownWards.map((w) => ({ decision_id: decisionIds[i]!, ward_id: w.id })));
    for (let start = 0; start < links.length; start += 5_000) await trx.insertInto('decision_committees').values(links.slice(start, start + 5_000)).execute();
    for (let start = 0; start < wardLinks.length; start += 5_000) await trx.insertInto('decision_wards').values(wardLinks.slice(start, start + 5_000)).execute();

    // Each plan lists every decision alive on its date, as printed: one statement over a table of lives.
    await sql`CREATE TEMPORARY TABLE bench_lives (decision_id int, first_plan int, last_plan int, maker text, committee text, directorate text) ON COMMIT DROP`.execute(trx);
    await sql`CREATE TEMPORARY TABLE bench_plans (idx int, id int) ON COMMIT DROP`.execute(trx);
    await trx.insertInto('bench_plans' as never).values(plans.map((p, idx) => ({ idx, id: p.id })) as never).execute();
    for (let start = 0; start < rows.length; start += 2_000) {
      await trx
        .insertInto('bench_lives' as never)
        .values(rows.slice(start, start + 2_000).map((r, j) => ({
          decision_id: decisionIds[start + j]!, first_plan: lives[start + j]!.firstPlan, last_plan: lives[start + j]!.lastPlan,
          maker: r.makerText, committee: r.committeeText, directorate: r.directorateText,
        })) as never)
        .execute();
    }
    const entries = await sql<{ count: string }>`
      WITH inserted AS (
        INSERT INTO plan_entries (plan_id, decision_id, part, advertised, position, reference, title, description, decision_maker,
          expected_date_text, expected_date, expected_precision, scrutiny_committee, wards, consultation, contacts, directorate, documents)
        SELECT p.id, d.id, d.part, CASE WHEN p.idx = l.first_plan THEN 'new' ELSE 'previous' END,
          row_number() OVER (PARTITION BY p.id, d.part, p.idx = l.first_plan ORDER BY d.id),
          coalesce(d.reference, ''), d.title, d.description, l.maker, d.expected_date_text, d.expected_date, d.expected_precision,
          l.committee, d.wards_text, d.consultation, d.contacts, l.directorate, d.documents
        FROM bench_lives l JOIN decisions d ON d.id = l.decision_id JOIN bench_plans p ON p.idx BETWEEN l.first_plan AND l.last_plan
        RETURNING 1
      ) SELECT count(*) FROM inserted`.execute(trx);

    const events: Insertable<DecisionEventTable>[] = lives.map((life, i) => ({
      decision_id: decisionIds[i]!, kind: rows[i]!.decision.part === 'urgent' ? 'taken' : 'advertised',
      occurred_at: new Date(`${planDates[life.firstPlan]}T09:00:00Z`), plan_id: plans[life.firstPlan]!.id,
      details: JSON.stringify({ part: rows[i]!.decision.part, advertised: 'new' }),
    }));
    const ended = lives.flatMap((life, i) => (life.outcome && rows[i]!.decision.part !== 'urgent' ? [{ life, i }] : []));
    const outcomeOn = (life: Omit<Life, 'decisionId'>) => addDays(planDates[life.lastPlan]!, 7);
    for (const { life, i } of ended) {
      events.push({
        decision_id: decisionIds[i]!, kind: life.outcome!, occurred_at: new Date(`${outcomeOn(life)}T12:00:00Z`), plan_id: null,
        details: JSON.stringify(life.outcome === 'taken' ? { takenOn: outcomeOn(life), decisionMaker: rows[i]!.makerText, summary: 'Approved as recommended.' } : { reason: 'No longer required.' }),
      });
    }
    for (let start = 0; start < events.length; start += 2_000) await trx.insertInto('decision_events').values(events.slice(start, start + 2_000)).execute();
    const outcomes = lives.flatMap((life, i) =>
      life.outcome
        ? [{
            decision_id: decisionIds[i]!, kind: life.outcome, occurred_on: rows[i]!.decision.part === 'urgent' ? planDates[life.firstPlan]! : outcomeOn(life),
            decision_maker: rows[i]!.makerText, summary: life.outcome === 'taken' ? 'Approved as recommended.' : '', reasons: life.outcome === 'taken' ? 'As set out in the report.' : '',
            withdrawal_reason: life.outcome === 'withdrawn' ? 'No longer required.' : '', recorded_by: null,
            recorded_at: new Date(`${outcomeOn(life)}T12:00:00Z`),
          }]
        : [],
    );
    for (let start = 0; start < outcomes.length; start += 2_000) await trx.insertInto('decision_outcomes').values(outcomes.slice(start, start + 2_000)).execute();

    const liveCount = lives.filter((l) => l.outcome === null).length;
    return {
      decisions: o.decisions,
      plans: o.plans,
      planEntries: Number(entries.rows[0]!.count),
      live: liveCount,
      latestPlanOn: o.latestPlanOn,
      sampleCommittee: (await trx.selectFrom('committees').select('slug').orderBy('id').limit(1).executeTakeFirstOrThrow()).slug,
      sampleDecisionId: decisionIds[lives.findIndex((l) => l.outcome === null)]!,
    };
  });
}
