import type { Resolver } from '../reference-data/resolver.ts';
import { exemptParagraphIn } from '../reference-data/spellings.ts';
import type { PlanRow } from './plan-csv.ts';

/** A row's decision as the plan prints it, names resolved to the council's entities. */
export async function decisionValues(resolver: Resolver, row: PlanRow) {
  const c = row.cells;
  // In this order, the order entities new to the council have always been created in.
  const maker = await resolver.decisionMaker(c.decision_maker, row.expected.date);
  const wards = await resolver.wards(c.wards);
  const directorateId = await resolver.directorate(c.directorate);
  const committeeIds = await resolver.committees(c.scrutiny_committee);
  const values = {
    reference: c.reference === '' ? null : c.reference,
    reference_key: row.referenceKey,
    title: c.title,
    description: c.description,
    part: row.part,
    decision_maker_id: maker.decisionMakerId,
    portfolio_id: maker.portfolioId,
    expected_date: row.expected.date,
    expected_precision: row.expected.precision,
    expected_date_text: c.expected_date,
    expected_date_note: row.expected.note,
    ward_scope: wards.scope,
    wards_text: c.wards,
    consultation: c.consultation,
    contacts: c.contacts,
    directorate_id: directorateId,
    documents: c.documents,
    exempt_paragraph: row.part === 'private' ? exemptParagraphIn(c.documents) : null,
    // Part 2 holds key and non-key decisions alike; a printed key reference says which.
    is_key: row.part === 'key' || row.part === 'urgent' || row.referenceKey !== null,
  };
  return { values, committeeIds, wardIds: wards.wardIds };
}

/** Every row's values, one row after another: a spelling new in row 3 is known by row 4. */
export async function resolveRows(resolver: Resolver, rows: PlanRow[]) {
  const resolved = [];
  for (const row of rows) resolved.push(await decisionValues(resolver, row));
  return resolved;
}
