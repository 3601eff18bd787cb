import { committeesFor, wardsFor, decisionsWithNames } from '../decisions/decision.repository.ts';
import { canonicalReference } from '../decisions/key-reference.ts';
import { planEntries } from '../plans/plan.repository.ts';
import { groupBy } from '../lib/group.ts';
import { portfolioHeldOn } from '../reference-data/portfolio-held.ts';
import { portfoliosOf } from '../reference-data/reference-data.repository.ts';
import type { Executor } from '../db/executor.ts';
import type { DecisionFacts, ListingHistory, NoticeExceptionFacts, PublicationHistory } from './draft-facts.ts';

/** What the plans published before `publishedOn` say: the previous plan, who was listed, references used. */
export async function publicationHistory(db: Executor, publishedOn: string): Promise<PublicationHistory> {
  const previous = await db
    .selectFrom('plans')
    .select(['id', 'published_on'])
    .where('published_on', '<', publishedOn)
    .orderBy('published_on', 'desc')
    .limit(1)
    .executeTakeFirst();
  const listed = await db
    .selectFrom('plan_entries')
    .innerJoin('plans', 'plans.id', 'plan_entries.plan_id')
    .select(['plan_entries.decision_id', 'plans.published_on', 'plan_entries.part', 'plan_entries.advertised'])
    .where('plans.published_on', '<', publishedOn)
    .orderBy('plans.published_on')
    .execute();
  const listings = new Map<number, ListingHistory>();
  for (const row of listed) {
    const listing = listings.get(row.decision_id) ?? {
      firstListedOn: row.published_on,
      firstListedAs: row.advertised,
      firstKeyListingOn: null,
      firstPrivateListingOn: null,
      listedInPart4: false,
    };
    if (row.part !== 'non_key') listing.firstKeyListingOn ??= row.published_on;
    if (row.part === 'private') listing.firstPrivateListingOn ??= row.published_on;
    if (row.part === 'urgent') listing.listedInPart4 = true;
    listings.set(row.decision_id, listing);
  }
  return {
    previousPlan: previous ? { id: previous.id, publishedOn: previous.published_on, entries: await planEntries(db, previous.id) } : null,
    listings,
    usedReferences: await usedReferences(db),
  };
}

/** Every reference ever given, in canonical form: a new one must differ from all of them. */
export async function usedReferences(db: Executor): Promise<Set<string>> {
  const [decisions, printed] = await Promise.all([
    db.selectFrom('decisions').select('reference_key').where('reference_key', 'is not', null).execute(),
    db.selectFrom('plan_entries').select('reference').distinct().where('reference', '<>', '').execute(),
  ]);
  return new Set([...decisions.map((d) => d.reference_key!), ...printed.map((p) => canonicalReference(p.reference))]);
}

/**
 * The decisions a draft can list or must account for: drafts and live decisions, key decisions
 * taken under an exception (for Part 4), and everything in the previous plan (to say why it went).
 */
export async function draftDecisionFacts(db: Executor, previousPlanId: number | null): Promise<DecisionFacts[]> {
  const rows = await decisionsWithNames(db)
    .select([
      'decisions.id', 'decisions.reference', 'decisions.title', 'decisions.description', 'decisions.part',
      'decisions.is_key', 'decisions.status', 'decisions.expected_date', 'decisions.expected_precision',
      'decisions.expected_date_text', 'decisions.expected_date_note', 'decisions.ward_scope', 'decisions.wards_text',
      'decisions.consultation', 'decisions.contacts', 'decisions.documents', 'decisions.exempt_paragraph',
      'decisions.exemption_reason', 'decisions.decision_maker_id',
      'decision_makers.kind as maker_kind', 'decision_makers.name as maker_name',
      'portfolios.title as portfolio_title', 'directorates.name as directorate_name',
    ])
    .where((eb) => {
      const either = [
        eb('decisions.status', 'in', ['draft', 'planned', 'deferred']),
        eb.and([
          eb('decisions.status', '=', 'taken'),
          eb('decisions.is_key', '=', true),
          eb.exists(eb.selectFrom('notice_exceptions').select('notice_exceptions.id').whereRef('notice_exceptions.decision_id', '=', 'decisions.id')),
        ]),
      ];
      if (previousPlanId !== null) {
        either.push(eb('decisions.id', 'in', eb.selectFrom('plan_entries').select('decision_id').where('plan_id', '=', previousPlanId)));
      }
      return eb.or(either);
    })
    .orderBy('decisions.id')
    .execute();
  const ids = rows.map((r) => r.id);
  const [committees, wards, exceptions, outcomes, notices] = await Promise.all([
    committeesFor(db, ids),
    wardsFor(db, ids),
    ids.length ? db.selectFrom('notice_exceptions').selectAll().where('decision_id', 'in', ids).execute() : [],
    ids.length
      ? db.selectFrom('decision_outcomes').selectAll().where('decision_id', 'in', ids).where('kind', 'in', ['taken', 'withdrawn']).execute()
      : [],
    ids.length ? db.selectFrom('private_meeting_notices').selectAll().where('decision_id', 'in', ids).execute() : [],
  ]);

  // A member's portfolio on the decision's date, when the decision does not name one.
  const unnamed = rows.filter((r) => r.portfolio_title === null && r.maker_kind === 'member').map((r) => r.decision_maker_id);
  const portfoliosByMember = groupBy(await portfoliosOf(db, unnamed), (p) => p.decision_maker_id);
  const committeesByDecision = groupBy(committees, (c) => c.decision_id);
  const wardsByDecision = groupBy(wards, (w) => w.decision_id);
  const exceptionsByDecision = groupBy(exceptions, (e) => e.decision_id);
  const outcomesByDecision = groupBy(outcomes, (o) => o.decision_id);
  const noticesByDecision = groupBy(notices, (n) => n.decision_id);

  const facts: DecisionFacts[] = [];
  for (const row of rows) {
    const taken = outcomesByDecision.get(row.id)?.find((o) => o.kind === 'taken');
    const withdrawn = outcomesByDecision.get(row.id)?.find((o) => o.kind === 'withdrawn');
    const portfolio =
      row.portfolio_title ??
      (row.maker_kind === 'member' ? (portfolioHeldOn(portfoliosByMember.get(row.decision_maker_id) ?? [], row.expected_date)?.title ?? null) : null);
    facts.push({
      id: row.id,
      reference: row.reference,
      title: row.title,
      description: row.description,
      part: row.part,
      isKey: row.is_key,
      status: row.status,
      expected: { date: row.expected_date, precision: row.expected_precision, text: row.expected_date_text, note: row.expected_date_note },
      maker: { kind: row.maker_kind, name: row.maker_name, portfolio },
      committees: (committeesByDecision.get(row.id) ?? []).map((c) => c.name),
      wards: { scope: row.ward_scope, text: row.wards_text, names: (wardsByDecision.get(row.id) ?? []).map((w) => w.name) },
      consultation: row.consultation,
      contacts: row.contacts,
      directorate: row.directorate_name,
      documents: row.documents,
      exemption: { paragraph: row.exempt_paragraph, reason: row.exemption_reason },
      exceptions: (exceptionsByDecision.get(row.id) ?? []).map(exceptionFacts),
      privateNoticeOn: noticesByDecision.get(row.id)?.[0]?.intention_published_on ?? null,
      taken: taken ? { on: taken.occurred_on, decisionMaker: taken.decision_maker } : null,
      withdrawn: withdrawn ? { on: withdrawn.occurred_on, reason: withdrawn.withdrawal_reason } : null,
    });
  }
  return facts;
}

function exceptionFacts(row: {
  regulation: 10 | 11;
  chair_notified_on: string | null;
  notice_published_on: string | null;
  agreed_by: string;
  agreed_on: string | null;
  reasons: string;
}): NoticeExceptionFacts {
  return {
    regulation: row.regulation,
    chairNotifiedOn: row.chair_notified_on,
    noticePublishedOn: row.notice_published_on,
    agreedBy: row.agreed_by,
    agreedOn: row.agreed_on,
    reasons: row.reasons,
  };
}
