import { readFileSync } from 'node:fs';
import test from 'ava';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { testConfig } from '../../src/config/config.ts';
import { createDeps } from '../../src/deps.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { PlanFileError } from '../../src/plans/plan-csv.ts';
import { importPlan } from '../../src/plans/plan-import.service.ts';
import { SAMPLE_PLAN, loadSample } from '../../src/sample/load-sample.ts';
import { freshDb } from '../helpers/db.ts';
import { databaseContents } from '../helpers/snapshot.ts';

const sampleBytes = readFileSync(SAMPLE_PLAN);
const sampleText = sampleBytes.toString('utf8');

async function sampleWorld(t: { teardown(fn: () => Promise<void>): void }) {
  const handle = await freshDb({ sample: true });
  t.teardown(handle.close);
  const deps = createDeps(testConfig(), handle.db, new ManualClock('2024-02-26T10:00:00Z'));
  return { db: handle.db, deps };
}

test('the sample plan gives 39 decisions: 28 key, 6 private, 5 non-key, 0 urgent; 4 new, 35 previous', async (t) => {
  const handle = await freshDb();
  t.teardown(handle.close);
  const db = handle.db;
  const summary = await loadSample(createDeps(testConfig(), db, new ManualClock('2024-02-26T10:00:00Z')));
  t.like(summary, { status: 'imported', entries: 39, newEntries: 4, previousEntries: 35, byPart: { key: 28, private: 6, non_key: 5, urgent: 0 } });
  const decisions = await db.selectFrom('decisions').select(['part', 'status']).execute();
  t.is(decisions.length, 39);
  const count = (part: string) => decisions.filter((d) => d.part === part).length;
  t.deepEqual([count('key'), count('private'), count('non_key'), count('urgent')], [28, 6, 5, 0]);
  t.true(decisions.every((d) => d.status === 'planned'));
  const entries = await db.selectFrom('plan_entries').select('advertised').execute();
  t.is(entries.filter((e) => e.advertised === 'new').length, 4);
  t.is(entries.filter((e) => e.advertised === 'previous').length, 35);
  const plan = await db.selectFrom('plans').selectAll().executeTakeFirstOrThrow();
  t.like(plan, { published_on: '2024-02-23', key_decisions_from: '2024-03-25' });
});

test('filtering by the Children and Education Scrutiny Committee returns exactly the rows that name it', async (t) => {
  const { deps } = await sampleWorld(t);
  const rows = parse(sampleBytes, { columns: true }) as Record<string, string>[];
  const titles = rows.filter((r) => r.scrutiny_committee === 'Children and Education Scrutiny Committee').map((r) => r.title).sort();
  const { items, total } = await deps.decisions.list(
    { committee: ['children-and-education'], ward: [], directorate: [], maker: [], part: [], status: [] },
    { page: 1, limit: 100 },
  );
  t.is(total, titles.length);
  t.deepEqual(items.map((i) => i.title).sort(), titles);
});

test('spelling variants resolve to one committee, directorate and person', async (t) => {
  const { db } = await sampleWorld(t);
  const committees = await db.selectFrom('committees').select('slug').execute();
  t.deepEqual(committees.map((c) => c.slug).sort(), ['adults-and-health', 'children-and-education', 'climate-change-and-environment', 'growth-resources-and-communities']);
  const placeAndEconomy = await db.selectFrom('decisions').innerJoin('directorates', 'directorates.id', 'decisions.directorate_id').select('decisions.id').where('directorates.slug', '=', 'place-and-economy').execute();
  t.is(placeAndEconomy.length, 18);
  const elsey = await db.selectFrom('decisions').innerJoin('decision_makers', 'decision_makers.id', 'decisions.decision_maker_id').select('decisions.id').where('decision_makers.slug', '=', 'gavin-elsey').execute();
  t.is(elsey.length, 7);
  t.is((await db.selectFrom('committees').select('id').where('needs_review', '=', true).execute()).length, 0);
});

test('17 June becomes 17 June 2024 and the printed wording is kept', async (t) => {
  const { db } = await sampleWorld(t);
  const housing = await db.selectFrom('decisions').selectAll().where('reference_key', '=', 'KEY/25MAR24/02').executeTakeFirstOrThrow();
  t.like(housing, { expected_date: '2024-06-17', expected_precision: 'day', expected_date_text: '17 June' });
  const bikeability = await db.selectFrom('decisions').selectAll().where('reference', '=', 'KEY/04DEC23/04').executeTakeFirstOrThrow();
  t.like(bikeability, { expected_date: '2024-02-27', expected_date_note: 'For Consideration' });
});

test('importing the same file twice changes nothing', async (t) => {
  const { db } = await sampleWorld(t);
  const before = await databaseContents(db);
  const again = await importPlan(db, sampleBytes, '2024-02-23');
  t.is(again.status, 'unchanged');
  t.deepEqual(await databaseContents(db), before);
});

test('a different file for an already published date is refused', async (t) => {
  const { db } = await sampleWorld(t);
  const before = await databaseContents(db);
  const changed = Buffer.from(sampleText.replace('Award of Contract for Traffic Signals', 'Award of Contract for Traffic Lights'));
  const error = await t.throwsAsync(importPlan(db, changed, '2024-02-23'), { instanceOf: PlanFileError });
  t.regex(error!.message, /already recorded/);
  t.deepEqual(await databaseContents(db), before);
});

const header = sampleText.split(/\r?\n/)[0]!;

function withoutColumn(column: string): Buffer {
  const rows = parse(sampleBytes, { columns: true }) as Record<string, string>[];
  return Buffer.from(stringify(rows.map(({ [column]: _dropped, ...rest }) => rest), { header: true }));
}
const badFiles: [string, Buffer, RegExp][] = [
  ['a missing column', withoutColumn('directorate'), /missing the column 'directorate'/],
  ['an unknown part', Buffer.from(sampleText.replace('\nkey,previous,KEY/27FEB23/08', '\nkeyy,previous,KEY/27FEB23/08')), /Row 3 \(line \d+\), column 'part': 'keyy' is not one of key, private, non_key, urgent/],
  ['an unreadable date', Buffer.from(sampleText.replace(',May 2024,', ',Maybe later,')), /Row 1 \(line \d+\), column 'expected_date': 'Maybe later' is not a date/],
  ['invalid UTF-8', Buffer.concat([Buffer.from(`${header}\nkey,new,,Caf`), Buffer.from([0xe9]), Buffer.from(',d,Cabinet,May 2024,c,w,c,c,d,d\n')]), /not valid UTF-8/],
  ['an empty file', Buffer.alloc(0), /empty/],
  ['a header and no rows', Buffer.from(`${header}\n`), /no decisions/],
  ['broken quoting', Buffer.from(`${header}\nkey,new,,"unterminated,d,Cabinet,May 2024,c,w,c,c,d,d\n`), /not valid CSV/],
  ['a duplicated reference', Buffer.from(`${header}\nkey,new,KEY/1MAR24/01,A,d,Cabinet,May 2024,c,All,c,c,Adults,d\nkey,new,KEY/01MAR24/01,B,d,Cabinet,May 2024,c,All,c,c,Adults,d\n`), /same reference as row 1/],
];

for (const [what, bytes, message] of badFiles) {
  test(`a file with ${what} is refused, naming the problem, and writes nothing`, async (t) => {
    const { db } = await sampleWorld(t);
    const before = await databaseContents(db);
    const error = await t.throwsAsync(importPlan(db, bytes, '2024-03-08'), { instanceOf: PlanFileError });
    t.regex(error!.message, message);
    t.deepEqual(await databaseContents(db), before);
  });
}

test('a later plan updates decisions, records date moves and carries the history', async (t) => {
  const { db, deps } = await sampleWorld(t);
  const later = Buffer.from(sampleText.replace(',17 June,', ',8 July 2024,'));
  const summary = await importPlan(db, later, '2024-03-08');
  t.like(summary, { status: 'imported', decisionsCreated: 0, decisionsUpdated: 39 });
  const housing = await db.selectFrom('decisions').select(['id', 'expected_date']).where('reference_key', '=', 'KEY/25MAR24/02').executeTakeFirstOrThrow();
  t.is(housing.expected_date, '2024-07-08');
  const { history } = (await deps.decisions.record(housing.id))!;
  t.deepEqual(history.plans.map((p) => p.publishedOn), ['2024-02-23', '2024-03-08']);
  t.is(history.firstAdvertised, '2024-02-23');
  const moved = history.events.find((e) => e.kind === 'date_changed');
  t.like(moved?.details, { from: { date: '2024-06-17' }, to: { date: '2024-07-08' } });
});

test('an unknown spelling becomes a new entry marked for review, and merging folds it in', async (t) => {
  const { db } = await sampleWorld(t);
  const file = Buffer.from(`${header}\nnon_key,new,,New thing,d,Councillor R. Bisbee,May 2024,Children & Education Scrutiny Cttee,Central,c,c,Adults,d\n`);
  await importPlan(db, file, '2024-03-08');
  const review = await db.selectFrom('committees').select(['slug', 'needs_review']).where('needs_review', '=', true).execute();
  t.is(review.length, 1);
  const { mergeEntities } = await import('../../src/reference-data/merge.ts');
  await mergeEntities(db, 'committee', review[0]!.slug, 'children-and-education');
  const again = Buffer.from(`${header}\nnon_key,new,,Another thing,d,Cabinet,May 2024,Children & Education Scrutiny Cttee,Central,c,c,Adults,d\n`);
  await importPlan(db, again, '2024-03-22');
  t.is((await db.selectFrom('committees').select('id').where('needs_review', '=', true).execute()).length, 0);
});
