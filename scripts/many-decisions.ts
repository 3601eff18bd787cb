/*
 * A large council's current plan, made from the sample: for the query-count tests and the page
 * timings (scripts/page-timings.ts), which need a plan of about a thousand live decisions to show
 * that the work a page does grows with what it shows, never with a query per row.
 *
 * It copies the sample's decisions (their texts, parts, dates, decision makers and directorates)
 * and spreads the copies over more scrutiny committees and wards, then publishes one plan that
 * lists every live decision. Written straight to the tables in one transaction, not through the
 * import, so that it is quick on either database (about a second on the server for 1,000) and
 * does not depend on how the import works.
 */
import type { Insertable } from 'kysely';
import type { Db } from '../src/db/create-db.ts';
import type { DecisionTable } from '../src/decisions/decisions.tables.ts';
import type { PlanEntryTable } from '../src/plans/plans.tables.ts';

export interface ManyDecisions {
  planId: number;
  publishedOn: string;
  /** Live decisions in the new plan (the sample's and the copies). */
  entries: number;
  committees: number;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const EXTRA_COMMITTEES = 8;
const BATCH = 200;

/** KEY/DDMONYY/NN, a fortnightly series of 99 per plan date, so that reference search finds each copy. */
function referenceOf(index: number): string {
  const day = new Date(Date.UTC(2023, 0, 6 + 14 * Math.floor(index / 99)));
  const dd = String(day.getUTCDate()).padStart(2, '0');
  return `KEY/${dd}${MONTHS[day.getUTCMonth()]}${String(day.getUTCFullYear()).slice(-2)}/${String((index % 99) + 1).padStart(2, '0')}`;
}

/**
 * Adds copies of the latest plan's decisions until `total` decisions are live, and publishes
 * them all in a new plan on `publishedOn`. Run it on the sample data (freshDb({ sample: true })
 * or `fp load-sample`), once.
 */
export async function addManyDecisions(db: Db, options: { total?: number; publishedOn?: string } = {}): Promise<ManyDecisions> {
  const total = options.total ?? 1_000;
  const publishedOn = options.publishedOn ?? '2024-03-08';
  return db.transaction().execute(async (trx) => {
    const sample = await trx.selectFrom('plans').select('id').orderBy('published_on', 'desc').limit(1).executeTakeFirstOrThrow();
    const sources = await trx
      .selectFrom('plan_entries')
      .innerJoin('decisions', 'decisions.id', 'plan_entries.decision_id')
      .selectAll('decisions')
      .select([
        'plan_entries.part as entry_part', 'plan_entries.reference as entry_reference', 'plan_entries.title as entry_title',
        'plan_entries.description as entry_description', 'plan_entries.decision_maker as entry_decision_maker',
        'plan_entries.expected_date_text as entry_expected_date_text', 'plan_entries.scrutiny_committee as entry_scrutiny_committee',
        'plan_entries.wards as entry_wards', 'plan_entries.consultation as entry_consultation', 'plan_entries.contacts as entry_contacts',
        'plan_entries.directorate as entry_directorate', 'plan_entries.documents as entry_documents',
      ])
      .where('plan_entries.plan_id', '=', sample.id)
      .where('decisions.status', 'in', ['planned', 'deferred'])
      .orderBy('plan_entries.id')
      .execute();
    if (sources.length === 0) throw new Error('addManyDecisions needs a published plan with live decisions to copy (load the sample first)');

    await trx
      .insertInto('committees')
      .values(Array.from({ length: EXTRA_COMMITTEES }, (_, i) => ({
        slug: `extra-scrutiny-committee-${i + 1}`,
        name: `Extra Scrutiny Committee ${i + 1}`,
        description: `A scrutiny committee added for a council with many decisions (${i + 1}).`,
      })))
      .execute();
    const committees = await trx.selectFrom('committees').select(['id', 'name']).orderBy('id').execute();
    const wards = await trx.selectFrom('wards').select(['id', 'name']).orderBy('name').execute();

    const plan = await trx
      .insertInto('plans')
      .values({ published_on: publishedOn, key_decisions_from: '2024-04-08', source: 'import' })
      .returning('id')
      .executeTakeFirstOrThrow();

    const positions = new Map<string, number>();
    const nextPosition = (part: string, advertised: string) => {
      const key = `${part}/${advertised}`;
      const position = (positions.get(key) ?? 0) + 1;
      positions.set(key, position);
      return position;
    };

    // The sample's own decisions stay in the new plan, as previously advertised.
    const carried: Insertable<PlanEntryTable>[] = sources.map((s) => ({
      plan_id: plan.id, decision_id: s.id, part: s.entry_part, advertised: 'previous', position: nextPosition(s.entry_part, 'previous'),
      reference: s.entry_reference, title: s.entry_title, description: s.entry_description, decision_maker: s.entry_decision_maker,
      expected_date_text: s.entry_expected_date_text, expected_date: s.expected_date, expected_precision: s.expected_precision,
      scrutiny_committee: s.entry_scrutiny_committee, wards: s.entry_wards, consultation: s.entry_consultation, contacts: s.entry_contacts,
      directorate: s.entry_directorate, documents: s.entry_documents,
    }));
    await trx.insertInto('plan_entries').values(carried).execute();

    const copies = Math.max(0, total - sources.length);
    for (let start = 0; start < copies; start += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, copies - start) }, (_, j) => {
        const index = start + j;
        const source = sources[index % sources.length]!;
        const hasReference = source.reference !== null;
        // Each copy in one or two committees, and (every third one affecting all wards) in a few wards.
        const own = [committees[index % committees.length]!, ...(index % 4 === 0 ? [committees[(index + 5) % committees.length]!] : [])];
        const listed = source.ward_scope === 'listed' || (source.ward_scope === 'all' && index % 3 === 0);
        const ownWards = listed ? [0, 7, 13].slice(0, 1 + (index % 3)).map((k) => wards[(index + k) % wards.length]!) : [];
        const wardScope = listed ? 'listed' : source.ward_scope;
        const wardsText = listed ? ownWards.map((w) => w.name).join(', ') : source.wards_text;
        const reference = hasReference ? referenceOf(index) : null;
        const title = `${source.title} (${index + 1})`;
        const decision: Insertable<DecisionTable> = {
          reference, reference_key: reference, title, description: source.description, part: source.part, is_key: source.is_key,
          status: index % 10 === 9 ? 'deferred' : 'planned', decision_maker_id: source.decision_maker_id, portfolio_id: source.portfolio_id,
          expected_date: source.expected_date, expected_precision: source.expected_precision, expected_date_text: source.expected_date_text,
          expected_date_note: source.expected_date_note, ward_scope: wardScope, wards_text: wardsText, consultation: source.consultation,
          contacts: source.contacts, directorate_id: source.directorate_id, documents: source.documents, exempt_paragraph: source.exempt_paragraph,
          exemption_reason: source.exemption_reason, created_by: null,
        };
        return { source, decision, own, ownWards, wardsText, reference, title };
      });
      const ids = await trx.insertInto('decisions').values(batch.map((b) => b.decision)).returning('id').execute();
      const made = batch.map((b, j) => ({ ...b, id: ids[j]!.id }));
      await trx
        .insertInto('decision_committees')
        .values(made.flatMap((m) => m.own.map((c, position) => ({ decision_id: m.id, committee_id: c.id, position }))))
        .execute();
      const wardRows = made.flatMap((m) => m.ownWards.map((w) => ({ decision_id: m.id, ward_id: w.id })));
      if (wardRows.length) await trx.insertInto('decision_wards').values(wardRows).execute();
      await trx
        .insertInto('plan_entries')
        .values(made.map((m) => ({
          plan_id: plan.id, decision_id: m.id, part: m.source.entry_part, advertised: 'new', position: nextPosition(m.source.entry_part, 'new'),
          reference: m.reference ?? '', title: m.title, description: m.source.entry_description, decision_maker: m.source.entry_decision_maker,
          expected_date_text: m.source.entry_expected_date_text, expected_date: m.source.expected_date, expected_precision: m.source.expected_precision,
          scrutiny_committee: m.own.map((c) => c.name).join('\n'), wards: m.wardsText, consultation: m.source.entry_consultation,
          contacts: m.source.entry_contacts, directorate: m.source.entry_directorate, documents: m.source.entry_documents,
        })))
        .execute();
      await trx
        .insertInto('decision_events')
        .values(made.map((m) => ({
          decision_id: m.id, kind: 'advertised', occurred_at: new Date(`${publishedOn}T09:00:00Z`), plan_id: plan.id,
          details: JSON.stringify({ part: m.source.entry_part, advertised: 'new' }),
        })))
        .execute();
    }
    return { planId: plan.id, publishedOn, entries: sources.length + copies, committees: committees.length };
  });
}

export interface PublicPage {
  name: string;
  path: string;
}

/**
 * Every public page and API response that reads decisions, with real addresses from the data:
 * what the query-count test and the page timings walk.
 */
export async function publicPages(db: Db): Promise<PublicPage[]> {
  const plan = await db.selectFrom('plans').select('published_on').orderBy('published_on', 'desc').limit(1).executeTakeFirstOrThrow();
  const oldest = await db.selectFrom('plans').select('published_on').orderBy('published_on').limit(1).executeTakeFirstOrThrow();
  const decision = await db
    .selectFrom('decisions')
    .select(['id', 'reference'])
    .where('status', '<>', 'draft')
    .where('reference', 'is not', null)
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  const slugOf = async (table: 'committees' | 'wards' | 'directorates') =>
    (await db.selectFrom(table).select('slug').orderBy('id').limit(1).executeTakeFirstOrThrow()).slug;
  const [committee, ward, directorate] = [await slugOf('committees'), await slugOf('wards'), await slugOf('directorates')];
  const member = await db.selectFrom('decision_makers').select('slug').where('kind', '=', 'member').orderBy('id').limit(1).executeTakeFirstOrThrow();
  const filtered = `committee=${committee}&part=key&ward=${ward}`;
  return [
    { name: 'current plan', path: '/' },
    { name: 'plan archive', path: '/plans' },
    { name: 'latest plan by date', path: `/plans/${plan.published_on}` },
    { name: 'earlier plan by date', path: `/plans/${oldest.published_on}` },
    { name: 'plan as CSV', path: `/plans/${plan.published_on}.csv` },
    { name: 'decisions', path: '/decisions' },
    { name: 'decisions, 100 a page', path: '/decisions?limit=100' },
    { name: 'decisions, one committee', path: `/decisions?committee=${committee}` },
    { name: 'decisions, committee + part + ward', path: `/decisions?${filtered}` },
    { name: 'decisions, full-text search', path: '/decisions?q=school' },
    { name: 'decisions, reference search', path: `/decisions?q=${encodeURIComponent(decision.reference!)}` },
    { name: 'decisions, every filter', path: `/decisions?${filtered}&directorate=${directorate}&maker=${member.slug}&status=planned&from=2024-01-01&to=2025-12-31&q=contract` },
    { name: 'one decision', path: `/decisions/${decision.id}` },
    { name: 'committees', path: '/committees' },
    { name: 'one committee', path: `/committees/${committee}` },
    { name: 'wards', path: '/wards' },
    { name: 'one ward', path: `/wards/${ward}` },
    { name: 'directorates', path: '/directorates' },
    { name: 'one directorate', path: `/directorates/${directorate}` },
    { name: 'decision makers', path: '/decision-makers' },
    { name: 'one decision maker', path: `/decision-makers/${member.slug}` },
    { name: 'API decisions', path: '/api/v1/decisions' },
    { name: 'API decisions, filtered, 100', path: `/api/v1/decisions?${filtered}&limit=100` },
    { name: 'API one decision', path: `/api/v1/decisions/${decision.id}` },
    { name: 'API plans', path: '/api/v1/plans' },
    { name: 'API one plan', path: `/api/v1/plans/${plan.published_on}` },
    { name: 'notices', path: '/notices' },
    { name: 'notices, one kind', path: '/notices?kind=general-exception' },
    { name: 'API notices', path: '/api/v1/notices' },
    { name: 'subscribe', path: '/subscribe' },
    { name: 'subscribe, filtered', path: `/subscribe?${filtered}` },
    { name: 'subscribe, one decision', path: `/subscribe?id=${decision.id}` },
  ];
}
