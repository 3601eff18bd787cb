import { sql, type SelectQueryBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { listingsQuery } from './decision-listings.repository.ts';
import { exceptionRecordsQuery, privateNoticeRecordsQuery } from './notices/notice.repository.ts';
import type { Database } from '../db/database.ts';
import type { Executor } from '../db/executor.ts';
import { looksLikeReference, referenceSearch } from './key-reference.ts';
import type { DecisionFilters, Paging } from './filters.ts';

type DecisionQuery = SelectQueryBuilder<Database, 'decisions', object>;

/** Splits a search into reference-shaped tokens and the words for full-text search. */
export function splitSearch(q: string): { references: ReturnType<typeof referenceSearch>[]; words: string } {
  const tokens = q.split(/\s+/).filter((t) => t !== '');
  const references = tokens.filter(looksLikeReference).map(referenceSearch).filter((r) => r !== null);
  const words = tokens.filter((t) => !looksLikeReference(t)).join(' ');
  return { references, words };
}

export function applyFilters(query: DecisionQuery, filters: DecisionFilters, { includeDrafts = false } = {}): DecisionQuery {
  let q = query;
  if (!includeDrafts) q = q.where('decisions.status', '<>', 'draft');
  if (filters.part.length) q = q.where('decisions.part', 'in', filters.part);
  if (filters.status.length) q = q.where('decisions.status', 'in', filters.status);
  if (filters.committee.length) {
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('decision_committees')
          .innerJoin('committees', 'committees.id', 'decision_committees.committee_id')
          .whereRef('decision_committees.decision_id', '=', 'decisions.id')
          .where('committees.slug', 'in', filters.committee)
          .select(sql`1`.as('one')),
      ),
    );
  }
  if (filters.ward.length) {
    // A decision that affects every ward affects the wards a resident follows too.
    q = q.where((eb) =>
      eb.or([
        eb('decisions.ward_scope', '=', 'all'),
        eb.exists(
          eb.selectFrom('decision_wards')
            .innerJoin('wards', 'wards.id', 'decision_wards.ward_id')
            .whereRef('decision_wards.decision_id', '=', 'decisions.id')
            .where('wards.slug', 'in', filters.ward)
            .select(sql`1`.as('one')),
        ),
      ]),
    );
  }
  if (filters.directorate.length) {
    q = q.where('decisions.directorate_id', 'in', (eb) =>
      eb.selectFrom('directorates').select('id').where('slug', 'in', filters.directorate),
    );
  }
  if (filters.maker.length) {
    q = q.where('decisions.decision_maker_id', 'in', (eb) =>
      eb.selectFrom('decision_makers').select('id').where('slug', 'in', filters.maker),
    );
  }
  // A decision expected "in May" overlaps any range that touches May. Its date is kept as the 1st,
  // so it matches from the 1st of the month `from` falls in; said so, rather than through its
  // month's last day, the date index can serve the range.
  if (filters.from) {
    const from = filters.from;
    q = q
      .where('decisions.expected_date', '>=', `${from.slice(0, 7)}-01`)
      .where((eb) => eb.or([eb('decisions.expected_precision', '=', 'month'), eb('decisions.expected_date', '>=', from)]));
  }
  if (filters.to) q = q.where('decisions.expected_date', '<=', filters.to);
  if (filters.q) {
    const { references, words } = splitSearch(filters.q);
    if (references.length) {
      q = q.where((eb) =>
        eb.or(
          references.map((r) =>
            r && 'exact' in r ? eb('decisions.reference_key', '=', r.exact) : eb('decisions.reference_key', 'like', `${r!.prefix}%`),
          ),
        ),
      );
    }
    if (words) q = q.where(sql<boolean>`decisions.search @@ websearch_to_tsquery('english', ${words})`);
  }
  return q;
}

const LIST_COLUMNS = [
  'decisions.id', 'decisions.reference', 'decisions.title', 'decisions.description', 'decisions.part',
  'decisions.status', 'decisions.expected_date', 'decisions.expected_precision', 'decisions.expected_date_text',
  'decisions.expected_date_note', 'decisions.ward_scope', 'decisions.wards_text', 'decisions.consultation',
  'decisions.contacts', 'decisions.documents', 'decisions.exempt_paragraph', 'decisions.exemption_reason',
  'decisions.updated_at', 'decisions.created_at',
  'decision_makers.slug as maker_slug', 'decision_makers.name as maker_name', 'decision_makers.kind as maker_kind',
  'portfolios.title as portfolio_title', 'directorates.slug as directorate_slug', 'directorates.name as directorate_name',
] as const;

/** Decisions with their decision maker, directorate and portfolio: the names every view shows. */
export function decisionsWithNames(db: Executor) {
  return db
    .selectFrom('decisions')
    .innerJoin('decision_makers', 'decision_makers.id', 'decisions.decision_maker_id')
    .innerJoin('directorates', 'directorates.id', 'decisions.directorate_id')
    .leftJoin('portfolios', 'portfolios.id', 'decisions.portfolio_id');
}

/**
 * The columns of every public view of a decision, its scrutiny committees (in the order printed)
 * and wards (by name) included: each row brings its own links, so a page of decisions is one
 * query however many rows it shows. PostgreSQL runs the two subqueries only for the rows the
 * LIMIT keeps.
 */
function publicColumns(query: ReturnType<typeof decisionsWithNames>) {
  return query.select(LIST_COLUMNS).select((eb) => [
    jsonArrayFrom(
      eb.selectFrom('decision_committees')
        .innerJoin('committees', 'committees.id', 'decision_committees.committee_id')
        .select(['committees.slug', 'committees.name'])
        .whereRef('decision_committees.decision_id', '=', 'decisions.id')
        .orderBy('decision_committees.position'),
    ).as('committees'),
    jsonArrayFrom(
      eb.selectFrom('decision_wards')
        .innerJoin('wards', 'wards.id', 'decision_wards.ward_id')
        .select(['wards.slug', 'wards.name'])
        .whereRef('decision_wards.decision_id', '=', 'decisions.id')
        .orderBy('wards.name'),
    ).as('wards'),
  ]);
}

export type DecisionListRow = Awaited<ReturnType<typeof findDecisions>>[number];

function filteredInOrder(db: Executor, filters: DecisionFilters, options: { includeDrafts?: boolean }) {
  let query = applyFilters(decisionsWithNames(db) as unknown as DecisionQuery, filters, options) as unknown as ReturnType<typeof decisionsWithNames>;
  const words = filters.q ? splitSearch(filters.q).words : '';
  if (words) {
    query = query.orderBy(sql`ts_rank(decisions.search, websearch_to_tsquery('english', ${words}))`, 'desc');
  }
  return query.orderBy('decisions.expected_date', (ob) => ob.asc().nullsLast()).orderBy('decisions.id');
}

export async function findDecisions(db: Executor, filters: DecisionFilters, paging: Paging, options: { includeDrafts?: boolean } = {}) {
  return publicColumns(filteredInOrder(db, filters, options))
    .limit(paging.limit)
    .offset((paging.page - 1) * paging.limit)
    .execute();
}

function countOf(decisions: DecisionQuery, filters: DecisionFilters, options: { includeDrafts?: boolean }) {
  return applyFilters(decisions, filters, options).select((eb) => eb.fn.countAll<number>().as('total'));
}

export async function countDecisions(db: Executor, filters: DecisionFilters, options: { includeDrafts?: boolean } = {}) {
  const row = await countOf(db.selectFrom('decisions') as unknown as DecisionQuery, filters, options).executeTakeFirstOrThrow();
  return Number((row as { total: number }).total);
}

/**
 * One page of decisions and how many match, in one query: the count is a subquery PostgreSQL
 * runs once (an InitPlan). A page past the end has no row to carry it, so only then is it
 * counted on its own.
 */
export async function findDecisionPage(db: Executor, filters: DecisionFilters, paging: Paging, options: { includeDrafts?: boolean } = {}) {
  const rows = await publicColumns(filteredInOrder(db, filters, options))
    .select((eb) => countOf(eb.selectFrom('decisions') as unknown as DecisionQuery, filters, options).as('total'))
    .limit(paging.limit)
    .offset((paging.page - 1) * paging.limit)
    .execute();
  const first = rows[0] as { total: number | string } | undefined;
  const total = first ? Number(first.total) : paging.page === 1 ? 0 : await countDecisions(db, filters, options);
  return { rows: rows as DecisionListRow[], total };
}

export async function findDecisionById(db: Executor, id: number) {
  return publicColumns(decisionsWithNames(db)).where('decisions.id', '=', id).executeTakeFirst();
}

/** Several decisions in one query (in no particular order), e.g. those behind a feed's events. */
export async function findDecisionsByIds(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  return publicColumns(decisionsWithNames(db)).where('decisions.id', 'in', [...new Set(ids)]).execute();
}

export async function committeesFor(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('decision_committees')
    .innerJoin('committees', 'committees.id', 'decision_committees.committee_id')
    .select(['decision_committees.decision_id', 'committees.slug', 'committees.name'])
    .where('decision_committees.decision_id', 'in', ids)
    .orderBy('decision_committees.position')
    .execute();
}

export async function wardsFor(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('decision_wards')
    .innerJoin('wards', 'wards.id', 'decision_wards.ward_id')
    .select(['decision_wards.decision_id', 'wards.slug', 'wards.name'])
    .where('decision_wards.decision_id', 'in', ids)
    .orderBy('wards.name')
    .execute();
}

function eventsQuery(db: Executor, decisionId: number) {
  return db
    .selectFrom('decision_events')
    .leftJoin('plans', 'plans.id', 'decision_events.plan_id')
    .select(['decision_events.id', 'decision_events.kind', 'decision_events.occurred_at', 'decision_events.details', 'plans.published_on as plan_published_on'])
    .where('decision_events.decision_id', '=', decisionId)
    .orderBy('decision_events.occurred_at')
    .orderBy('decision_events.id');
}

export async function eventsFor(db: Executor, decisionId: number) {
  return eventsQuery(db, decisionId).execute();
}

/**
 * A decision's public history in one query: every published plan that listed it (oldest
 * first), the events of its life and its notice records (public columns only). Inside JSON a timestamp arrives as text and a bigint as a
 * number; the service makes both what the separate queries would have given.
 */
export async function publicHistoryOf(db: Executor, decisionId: number) {
  return db
    .selectNoFrom(() => [
      jsonArrayFrom(listingsQuery(db, decisionId)).as('plans'),
      jsonArrayFrom(eventsQuery(db, decisionId)).as('events'),
      jsonArrayFrom(exceptionRecordsQuery(db, decisionId)).as('exceptions'),
      jsonArrayFrom(privateNoticeRecordsQuery(db, decisionId)).as('privateNotices'),
    ])
    .executeTakeFirstOrThrow();
}
