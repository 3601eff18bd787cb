import test from 'ava';
import { sql } from 'kysely';
import { mergeEntities } from '../../src/reference-data/merge.ts';
import { importPlan } from '../../src/plans/plan-import.service.ts';
import { errorSummary } from '../auth/helpers.ts';
import { adminWorld, entityId, planCsv, visibleText, type AdminWorld } from './helpers.ts';

/** A later plan that spells a committee, a directorate and a person in ways nobody has seen. */
async function importNewSpellings({ app }: AdminWorld) {
  await importPlan(
    app.deps.db,
    planCsv([
      { title: 'Library Opening Hours Review', scrutiny_committee: 'Childrens & Education Scrutiny Commitee', directorate: 'Place and Economy Dept', decision_maker: 'Councillor G Elsey, Cabinet Member for Infrastructure, Environment and Climate Change' },
      { title: 'Youth Service Recommissioning', scrutiny_committee: 'Childrens & Education Scrutiny Commitee', directorate: 'Place and Economy Dept', decision_maker: 'Councillor G Elsey, Cabinet Member for Infrastructure, Environment and Climate Change' },
    ]),
    '2024-03-08',
  );
}

const publicTitles = async (world: AdminWorld, query: string) => {
  const body = (await (await world.app.fetch(`/api/v1/decisions?${query}&limit=100`)).json()) as { items: { title: string }[]; total: number };
  return body.items.map((i) => i.title);
};

test('the review queue lists what an import created from unknown spellings, with its decisions', async (t) => {
  const world = await adminWorld(t);
  await importNewSpellings(world);
  const html = await (await world.browser.get('/admin/reference')).text();
  const text = visibleText(html);
  t.regex(text, /Childrens & Education Scrutiny Commitee Scrutiny committee 2/);
  t.regex(text, /Place and Economy Dept Directorate 2/);
  t.regex(text, /G Elsey Decision maker 2/);
  t.regex(text, /Scrutiny committees 5 1/, 'four seeded and one to review');
  t.regex(html, /Mark as reviewed<span class="govuk-visually-hidden">: Childrens &amp; Education Scrutiny Commitee<\/span>/, 'escaped once');
});

test('merging in the UI: choose, read what will move, confirm; decisions and spellings move and the public filter finds them', async (t) => {
  const world = await adminWorld(t);
  const { app, browser, userId } = world;
  await importNewSpellings(world);
  const duplicate = await app.deps.db.selectFrom('committees').selectAll().where('needs_review', '=', true).executeTakeFirstOrThrow();
  const keep = await entityId(app, 'committees', 'children-and-education');
  t.deepEqual((await publicTitles(world, `committee=${duplicate.slug}`)).sort(), ['Library Opening Hours Review', 'Youth Service Recommissioning']);
  const before = await publicTitles(world, 'committee=children-and-education');

  const choose = await browser.get(`/admin/reference/committees/${duplicate.id}/merge?keep=other`);
  t.regex(await choose.text(), /value="other" checked/);
  const missing = await browser.post(`/admin/reference/committees/${duplicate.id}/merge`, { other: '', keep: '' });
  t.is(missing.status, 400);
  t.deepEqual(errorSummary(await missing.text()), ['#other Select the entry to merge with', '#keep Select which one to keep']);

  const confirm = await browser.post(`/admin/reference/committees/${duplicate.id}/merge`, { other: String(keep), keep: 'other' });
  t.is(confirm.status, 200);
  const page = visibleText(await confirm.text());
  t.regex(page, /Merge ‘Childrens & Education Scrutiny Commitee’ into ‘Children and Education Scrutiny Committee’/);
  t.regex(page, /2 decisions now filed under ‘Childrens & Education Scrutiny Commitee’/);
  t.regex(page, /Library Opening Hours Review/);
  t.regex(page, /1 spelling , so the next import files them under ‘Children and Education Scrutiny Committee’: Childrens & Education Scrutiny Commitee/);
  t.regex(page, new RegExp(`The public page /committees/${duplicate.slug} will stop working`));
  t.regex(page, /A merge cannot be undone/);
  t.truthy(await app.deps.db.selectFrom('committees').select('id').where('id', '=', duplicate.id).executeTakeFirst(), 'nothing changes before confirming');

  const done = await browser.post(`/admin/reference/committees/${duplicate.id}/merge/confirm`, { other: String(keep), keep: 'other' });
  t.is(done.status, 303);
  t.is(done.headers.get('location'), `/admin/reference/committees/${keep}?done=merged`);
  t.is(await app.deps.db.selectFrom('committees').select('id').where('id', '=', duplicate.id).executeTakeFirst(), undefined);

  const after = await publicTitles(world, 'committee=children-and-education');
  t.deepEqual(after.sort(), [...before, 'Library Opening Hours Review', 'Youth Service Recommissioning'].sort());
  t.is((await app.fetch(`/committees/${duplicate.slug}`)).status, 404);

  const spellings = await app.deps.db.selectFrom('aliases').select('spelling').where('committee_id', '=', keep).execute();
  t.true(spellings.some((s) => s.spelling === 'Childrens & Education Scrutiny Commitee'));
  const merged = await app.deps.db.selectFrom('reference_changes').selectAll().where('action', '=', 'merged').executeTakeFirstOrThrow();
  t.like(merged, { kind: 'committee', entity_id: keep, user_id: userId, source: 'staff' });
  const decisionAudit = await app.deps.db.selectFrom('decision_changes').selectAll().where('note', 'like', 'Merged the duplicate%').execute();
  t.is(decisionAudit.length, 2);
  t.deepEqual(decisionAudit[0]!.fields, { committees: { from: 'Childrens & Education Scrutiny Commitee', to: 'Children and Education Scrutiny Committee' } });

  const shown = visibleText(await (await browser.get(`/admin/reference/committees/${keep}?done=merged`)).text());
  t.regex(shown, /The duplicate has been merged into this scrutiny committee/);
  t.regex(shown, /Duplicate merged into this by Ada admin/);

  // The next import files the merged spelling under the survivor.
  await importPlan(app.deps.db, planCsv([{ title: 'Holiday Activities Fund', scrutiny_committee: 'Childrens & Education Scrutiny Commitee' }]), '2024-03-22');
  t.true((await publicTitles(world, 'committee=children-and-education')).includes('Holiday Activities Fund'));
});

test('merging a directorate and a decision maker moves their decisions, and a person’s portfolios', async (t) => {
  const world = await adminWorld(t);
  const { app, browser } = world;
  await importNewSpellings(world);
  const dept = await app.deps.db.selectFrom('directorates').select(['id', 'slug']).where('needs_review', '=', true).executeTakeFirstOrThrow();
  const place = await entityId(app, 'directorates', 'place-and-economy');
  const keepCurrent = await browser.post(`/admin/reference/directorates/${place}/merge/confirm`, { other: String(dept.id), keep: 'current' });
  t.is(keepCurrent.status, 303);
  t.true((await publicTitles(world, 'directorate=place-and-economy')).includes('Youth Service Recommissioning'));

  const elsey = await entityId(app, 'decision_makers', 'gavin-elsey');
  const gElsey = await app.deps.db.selectFrom('decision_makers').select('id').where('needs_review', '=', true).executeTakeFirstOrThrow();
  const portfolios = await app.deps.db.selectFrom('portfolios').select('id').where('decision_maker_id', '=', gElsey.id).execute();
  t.is(portfolios.length, 1, 'the import gave the new person the printed portfolio');
  const confirm = visibleText(await (await browser.post(`/admin/reference/decision-makers/${gElsey.id}/merge`, { other: String(elsey), keep: 'other' })).text());
  t.regex(confirm, /1 portfolio : ‘Cabinet Member for Infrastructure, Environment and Climate Change’/);
  t.is((await browser.post(`/admin/reference/decision-makers/${gElsey.id}/merge/confirm`, { other: String(elsey), keep: 'other' })).status, 303);
  t.true((await publicTitles(world, 'maker=gavin-elsey')).includes('Library Opening Hours Review'));
  t.is((await app.deps.db.selectFrom('portfolios').select('decision_maker_id').where('id', '=', portfolios[0]!.id).executeTakeFirstOrThrow()).decision_maker_id, elsey);
});

test('the Cabinet cannot be merged into a Cabinet Member', async (t) => {
  const { app, browser } = await adminWorld(t);
  const cabinet = await entityId(app, 'decision_makers', 'cabinet');
  const hiller = await entityId(app, 'decision_makers', 'peter-hiller');
  const response = await browser.post(`/admin/reference/decision-makers/${cabinet}/merge`, { other: String(hiller), keep: 'other' });
  t.is(response.status, 400);
  t.deepEqual(errorSummary(await response.text()), ['#keep The Cabinet cannot be merged into a Cabinet Member: keep the Cabinet and merge the other entry into it']);
  t.truthy(await app.deps.db.selectFrom('decision_makers').select('id').where('id', '=', cabinet).executeTakeFirst());
});

test('rows of tables added later that refer to the duplicate follow it to the survivor', async (t) => {
  const { app } = await adminWorld(t);
  const db = app.deps.db;
  // Like comments naming a decision maker: a module this merge code knows nothing about.
  await sql`CREATE TABLE test_briefings (id integer PRIMARY KEY, maker_id integer NOT NULL REFERENCES decision_makers (id) ON DELETE CASCADE)`.execute(db);
  const hiller = await entityId(app, 'decision_makers', 'peter-hiller');
  const howard = await entityId(app, 'decision_makers', 'john-howard');
  await sql`INSERT INTO test_briefings VALUES (1, ${hiller}), (2, ${howard})`.execute(db);
  const result = await mergeEntities(db, 'decision_maker', 'peter-hiller', 'john-howard');
  t.deepEqual(result.others, [{ table: 'test_briefings', column: 'maker_id', rows: 1 }]);
  const { rows } = await sql<{ maker_id: number }>`SELECT maker_id FROM test_briefings ORDER BY id`.execute(db);
  t.deepEqual(rows.map((r) => r.maker_id), [howard, howard], 'not deleted by the cascade');
  const audit = await db.selectFrom('reference_changes').selectAll().where('action', '=', 'merged').executeTakeFirstOrThrow();
  t.like(audit, { source: 'command', user_id: null });
});

test('a reference the merge cannot move is refused with a clear message, and nothing changes', async (t) => {
  const { app, browser } = await adminWorld(t);
  const db = app.deps.db;
  // A two-column foreign key: no single column to repoint.
  await sql`ALTER TABLE wards ADD CONSTRAINT test_wards_id_slug UNIQUE (id, slug)`.execute(db);
  await sql`CREATE TABLE test_ward_pairs (id integer PRIMARY KEY, slug text, FOREIGN KEY (id, slug) REFERENCES wards (id, slug))`.execute(db);
  const north = await db.selectFrom('wards').select(['id', 'slug']).where('slug', '=', 'north').executeTakeFirstOrThrow();
  const east = await entityId(app, 'wards', 'east');
  await sql`INSERT INTO test_ward_pairs VALUES (${north.id}, ${north.slug})`.execute(db);
  const links = await db.selectFrom('decision_wards').select(['decision_id', 'ward_id']).orderBy('decision_id').orderBy('ward_id').execute();

  const response = await browser.post(`/admin/reference/wards/${north.id}/merge/confirm`, { other: String(east), keep: 'other' });
  t.is(response.status, 400);
  t.deepEqual(errorSummary(await response.text()), [
    '#keep ‘North’ could not be merged because test_ward_pairs still refers to it and merging does not know how to move it. Nothing has been changed: ask the service’s developers to include test_ward_pairs in merging.',
  ]);
  t.truthy(await db.selectFrom('wards').select('id').where('id', '=', north.id).executeTakeFirst());
  t.deepEqual(await db.selectFrom('decision_wards').select(['decision_id', 'ward_id']).orderBy('decision_id').orderBy('ward_id').execute(), links);
  t.is((await db.selectFrom('reference_changes').select('id').execute()).length, 0);
});

test('a later table that may hold only one row per entity refuses a merge that would give the survivor two', async (t) => {
  const { app } = await adminWorld(t);
  const db = app.deps.db;
  await sql`CREATE TABLE test_chairs (committee_id integer UNIQUE REFERENCES committees (id), chair text NOT NULL)`.execute(db);
  const adults = await entityId(app, 'committees', 'adults-and-health');
  const children = await entityId(app, 'committees', 'children-and-education');
  await sql`INSERT INTO test_chairs VALUES (${adults}, 'Cllr A'), (${children}, 'Cllr B')`.execute(db);
  const error = await t.throwsAsync(() => mergeEntities(db, 'committee', 'adults-and-health', 'children-and-education'));
  t.regex(error!.message, /‘Adults and Health Scrutiny Committee’ could not be merged because test_chairs already holds the same record for ‘Children and Education Scrutiny Committee’\. Nothing has been changed/);
  t.truthy(await db.selectFrom('committees').select('id').where('id', '=', adults).executeTakeFirst());
});

test('a Cabinet Member merged into the Cabinet loses their portfolios, which the Cabinet does not have', async (t) => {
  const { app } = await adminWorld(t);
  const db = app.deps.db;
  const saqib = await entityId(app, 'decision_makers', 'saqib-farooq');
  const cabinet = await entityId(app, 'decision_makers', 'cabinet');
  const moved = await db.selectFrom('decisions').select('id').where('decision_maker_id', '=', saqib).execute();
  t.true(moved.length > 0);
  const result = await mergeEntities(db, 'decision_maker', 'saqib-farooq', 'cabinet');
  t.like(result, { decisions: moved.length, portfolios: 0 });
  const after = await db.selectFrom('decisions').select(['decision_maker_id', 'portfolio_id']).where('id', 'in', moved.map((m) => m.id)).execute();
  t.true(after.every((d) => d.decision_maker_id === cabinet && d.portfolio_id === null));
  t.deepEqual(await db.selectFrom('portfolios').select('id').where('decision_maker_id', '=', cabinet).execute(), []);
});
