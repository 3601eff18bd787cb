import test from 'ava';
import { largePlanRows, planCsv, type PlanCsvRow } from '../../scripts/bench/plan-csv-rows.ts';
import type { Db } from '../../src/db/create-db.ts';
import { canonicalReference } from '../../src/decisions/key-reference.ts';
import { londonInstant } from '../../src/lib/clock.ts';
import { PlanFileError } from '../../src/plans/plan-csv.ts';
import { importPlan } from '../../src/plans/plan-import.service.ts';
import { freshDb } from '../helpers/db.ts';
import { databaseContents } from '../helpers/snapshot.ts';

/*
 * The import writes a whole plan in a few statements; these check, on plans of a few hundred
 * rows, that it records what recording the rows one at a time recorded.
 */

const ROWS = 300;
const FIRST = '2024-02-23';
const LATER = '2024-03-08';

async function emptyDb(t: { teardown(fn: () => Promise<void>): void }): Promise<Db> {
  const handle = await freshDb();
  t.teardown(handle.close);
  return handle.db;
}

const keyOf = (row: PlanCsvRow) => (row.reference === '' ? null : canonicalReference(row.reference));

async function decisionsInPlanOrder(db: Db, publishedOn: string) {
  return db
    .selectFrom('plan_entries')
    .innerJoin('plans', 'plans.id', 'plan_entries.plan_id')
    .innerJoin('decisions', 'decisions.id', 'plan_entries.decision_id')
    .select(['decisions.id', 'decisions.reference_key', 'decisions.title', 'decisions.part', 'decisions.status', 'decisions.expected_date_text', 'decisions.updated_at'])
    .where('plans.published_on', '=', publishedOn)
    .orderBy('plan_entries.id')
    .execute();
}

async function committeeNames(db: Db, decisionId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('decision_committees')
    .innerJoin('committees', 'committees.id', 'decision_committees.committee_id')
    .select('committees.name')
    .where('decision_id', '=', decisionId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.name);
}

test('a plan of a few hundred rows: a decision per row, numbered in row order, each with its first notice and its links', async (t) => {
  const db = await emptyDb(t);
  const rows = largePlanRows({ rows: ROWS, seed: 3 });
  const summary = await importPlan(db, planCsv(rows), FIRST);
  t.like(summary, { status: 'imported', entries: ROWS, decisionsCreated: ROWS, decisionsUpdated: 0 });

  const decisions = await decisionsInPlanOrder(db, FIRST);
  t.deepEqual(decisions.map((d) => [d.reference_key, d.title, d.part]), rows.map((r) => [keyOf(r), r.title, r.part]));
  t.deepEqual(decisions.map((d) => d.status), rows.map((r) => (r.part === 'urgent' ? 'taken' : 'planned')));
  const ids = decisions.map((d) => d.id);
  t.deepEqual(ids, [...ids].sort((a, b) => a - b), 'ids follow the rows');

  const events = await db.selectFrom('decision_events').select(['decision_id', 'kind', 'details']).orderBy('id').execute();
  t.deepEqual(events.map((e) => e.decision_id), ids, 'one first notice per decision, in row order');
  t.deepEqual(events.map((e) => e.kind), rows.map((r) => (r.part === 'urgent' ? 'taken' : 'advertised')));
  t.deepEqual(events.map((e) => e.details), rows.map((r) => ({ part: r.part, advertised: r.advertised })));

  const single = rows.findIndex((r) => r.scrutiny_committee.endsWith('Scrutiny Committee') && !r.scrutiny_committee.includes(' and '));
  t.deepEqual(await committeeNames(db, ids[single]!), [rows[single]!.scrutiny_committee]);
  const none = rows.findIndex((r) => r.scrutiny_committee === 'N/A');
  t.deepEqual(await committeeNames(db, ids[none]!), []);
  const wardLinks = await db.selectFrom('decision_wards').select('decision_id').execute();
  const listed = new Set(wardLinks.map((w) => w.decision_id));
  rows.forEach((row, i) => {
    const allOrNone = ['All Wards', 'All wards', 'All', 'City wide', 'N/A'].includes(row.wards);
    t.is(listed.has(ids[i]!), !allOrNone, `row ${i + 1}'s wards '${row.wards}'`);
  });
  // 14 members, each printed two ways, and Cabinet; 20 committees; the portfolios of the 14.
  t.is((await db.selectFrom('decision_makers').select('id').execute()).length, 15);
  t.is((await db.selectFrom('committees').select('id').execute()).length, 20);
  t.is((await db.selectFrom('portfolios').select('id').execute()).length, 14);
});

function laterPlan(rows: PlanCsvRow[]): PlanCsvRow[] {
  const later = rows
    .filter((_, i) => i % 10 !== 9)
    .map((row, i) => {
      const changed = { ...row };
      if (i % 7 === 0) changed.expected_date = '9 December 2024';
      if (i % 11 === 0 && row.part === 'key') changed.part = 'urgent';
      if (i % 5 === 0 && row.part === 'non_key') changed.part = 'private';
      if (i % 13 === 0) changed.scrutiny_committee = 'Audit and Governance Scrutiny Committee';
      if (i % 17 === 0) changed.title = row.title.toUpperCase();
      return changed;
    });
  const extra = largePlanRows({ rows: 20, seed: 11 }).map((row, i) => ({
    ...row,
    reference: row.reference === '' ? '' : `KEY/15DEC23/${i + 1}`,
    title: `Added later ${i + 1}`,
  }));
  return [...later, ...extra];
}

test('a later plan updates the decisions it names, records what moved and relinks them; an older one only lists them', async (t) => {
  const db = await emptyDb(t);
  const rows = largePlanRows({ rows: ROWS, seed: 5 });
  await importPlan(db, planCsv(rows), FIRST);
  const before = await decisionsInPlanOrder(db, FIRST);
  // Staff put one back to draft and deferred another meanwhile.
  await db.updateTable('decisions').set({ status: 'draft' }).where('id', '=', before[1]!.id).execute();
  await db.updateTable('decisions').set({ status: 'deferred' }).where('id', '=', before[2]!.id).execute();

  const later = laterPlan(rows);
  const summary = await importPlan(db, planCsv(later), LATER);
  t.like(summary, { status: 'imported', entries: later.length, decisionsCreated: 20, decisionsUpdated: later.length - 20 });

  const after = await decisionsInPlanOrder(db, LATER);
  t.deepEqual(after.map((d) => [d.reference_key, d.title, d.part, d.expected_date_text]), later.map((r) => [keyOf(r), r.title, r.part, r.expected_date]));
  const byId = new Map(before.map((d) => [d.id, d]));
  const carried = after.filter((d) => byId.has(d.id));
  t.is(carried.length, later.length - 20, 'every earlier row, upper-cased titles too, names the decision it named');
  t.true(carried.every((d) => d.updated_at.getTime() === londonInstant(LATER, '09:00').getTime()));
  t.is(after.find((d) => d.id === before[1]!.id)?.status, rows[1]!.part === 'urgent' ? 'taken' : 'planned');
  t.is(after.find((d) => d.id === before[2]!.id)?.status, later[2]!.part === 'urgent' ? 'taken' : 'deferred');

  const originalOf = (row: PlanCsvRow) => rows.find((r) => r.title.toLowerCase() === row.title.toLowerCase());
  const plan = await db.selectFrom('plans').select('id').where('published_on', '=', LATER).executeTakeFirstOrThrow();
  const events = await db.selectFrom('decision_events').select(['decision_id', 'kind', 'details']).where('plan_id', '=', plan.id).orderBy('id').execute();
  const expected = later.flatMap((row, i) => {
    const decision = after[i]!;
    const earlier = byId.get(decision.id);
    if (!earlier) return [[decision.id, row.part === 'urgent' ? 'taken' : 'advertised']];
    const original = originalOf(row)!;
    const kinds: [number, string][] = [];
    if (original.expected_date !== row.expected_date) kinds.push([decision.id, 'date_changed']);
    if (original.part !== row.part) kinds.push([decision.id, row.part === 'urgent' ? 'taken' : 'part_changed']);
    return kinds;
  });
  t.deepEqual(events.map((e) => [e.decision_id, e.kind]), expected, 'the events of each row, in row order');
  const moved = events.find((e) => e.kind === 'date_changed');
  t.like(moved?.details, { to: { date: '2024-12-09', precision: 'day', text: '9 December 2024' } });

  const relinked = later.findIndex((r, i) => i % 13 === 0 && originalOf(r) !== undefined && originalOf(r)!.scrutiny_committee !== r.scrutiny_committee);
  t.true(relinked >= 0);
  t.deepEqual(await committeeNames(db, after[relinked]!.id), ['Audit and Governance Scrutiny Committee']);

  // A plan older than the newest is recorded, but changes no decision.
  const contentsBefore = await db.selectFrom('decisions').selectAll().orderBy('id').execute();
  const eventsBefore = (await db.selectFrom('decision_events').select('id').execute()).length;
  const older = await importPlan(db, planCsv(rows.slice(0, 50)), '2024-01-26');
  t.like(older, { status: 'imported', decisionsCreated: 0, decisionsUpdated: 0 });
  t.deepEqual(await db.selectFrom('decisions').selectAll().orderBy('id').execute(), contentsBefore);
  t.is((await db.selectFrom('decision_events').select('id').execute()).length, eventsBefore);
  t.deepEqual((await decisionsInPlanOrder(db, '2024-01-26')).map((d) => d.id), before.slice(0, 50).map((d) => d.id));
});

test('a title that two unreferenced rows share is refused at the second, naming its row and line, and nothing is written', async (t) => {
  const db = await emptyDb(t);
  const rows = largePlanRows({ rows: 100, seed: 9 });
  const unreferenced = rows.map((r, i) => [r, i] as const).filter(([r]) => r.reference === '');
  const [first, firstIndex] = unreferenced[0]!;
  const [, secondIndex] = unreferenced[3]!;
  const twice = rows.map((r, i) => (i === secondIndex ? { ...r, title: first.title.toUpperCase() } : r));
  const before = await databaseContents(db);
  const error = await t.throwsAsync(importPlan(db, planCsv(twice), FIRST), { instanceOf: PlanFileError });
  t.is(error!.message, `Row ${secondIndex + 1} (line ${secondIndex + 2}), column 'title': '${first.title.toUpperCase()}' appears twice in this plan`);
  t.deepEqual(await databaseContents(db), before);

  // The same when the title names a decision already on record.
  await importPlan(db, planCsv(rows), FIRST);
  const recorded = await databaseContents(db);
  const again = [...rows, { ...first, part: 'non_key', reference: '', title: first.title.toLowerCase() }];
  const second = await t.throwsAsync(importPlan(db, planCsv(again), LATER), { instanceOf: PlanFileError });
  t.is(second!.message, `Row ${rows.length + 1} (line ${rows.length + 2}), column 'title': '${first.title.toLowerCase()}' appears twice in this plan`);
  t.deepEqual(await databaseContents(db), recorded);
  t.true(firstIndex < secondIndex);
});
