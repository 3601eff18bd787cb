import test from 'ava';
import { importPlan } from '../../src/plans/plan-import.service.ts';
import { errorSummary } from '../auth/helpers.ts';
import { adminWorld, entityId, planCsv, visibleText } from './helpers.ts';

const committeeOf = async (app: Awaited<ReturnType<typeof adminWorld>>['app'], title: string) =>
  app.deps.db
    .selectFrom('decisions')
    .innerJoin('decision_committees', 'decision_committees.decision_id', 'decisions.id')
    .innerJoin('committees', 'committees.id', 'decision_committees.committee_id')
    .select(['committees.slug', 'committees.needs_review'])
    .where('decisions.title', '=', title)
    .execute();

test('a spelling added by hand makes the next import file that spelling under the committee', async (t) => {
  const { app, browser } = await adminWorld(t);
  const id = await entityId(app, 'committees', 'children-and-education');
  const added = await browser.post(`/admin/reference/committees/${id}/spellings`, { spelling: 'Children & Education Scrutiny Cttee' });
  t.is(added.status, 303);
  t.regex(added.headers.get('location')!, /done=spelling-added/);
  const committees = await app.deps.db.selectFrom('committees').select('id').execute();

  await importPlan(app.deps.db, planCsv([{ title: 'School Place Planning 2024', scrutiny_committee: 'Children & Education Scrutiny Cttee' }]), '2024-03-08');
  t.deepEqual(await committeeOf(app, 'School Place Planning 2024'), [{ slug: 'children-and-education', needs_review: false }]);
  t.is((await app.deps.db.selectFrom('committees').select('id').execute()).length, committees.length, 'no new committee was created');
  t.deepEqual(await app.deps.referenceData.needingReview(), []);

  const page = visibleText(await (await browser.get(`/admin/reference/committees/${id}`)).text());
  t.regex(page, /Children & Education Scrutiny Cttee/);
  t.regex(page, /Spelling added by Ada admin/);
});

test('without that spelling the import files it as a new committee to review', async (t) => {
  const { app } = await adminWorld(t);
  await importPlan(app.deps.db, planCsv([{ title: 'School Place Planning 2024', scrutiny_committee: 'Children & Education Scrutiny Cttee' }]), '2024-03-08');
  const [filed] = await committeeOf(app, 'School Place Planning 2024');
  t.like(filed, { needs_review: true });
  t.not(filed!.slug, 'children-and-education');
});

test('a spelling that belongs to another entry is refused, naming it, and the typed text is kept', async (t) => {
  const { app, browser } = await adminWorld(t);
  const id = await entityId(app, 'directorates', 'public-health');
  const before = await app.deps.db.selectFrom('aliases').select('id').execute();
  const response = await browser.post(`/admin/reference/directorates/${id}/spellings`, { spelling: 'PLACE & ECONOMY' });
  t.is(response.status, 400);
  const html = await response.text();
  t.deepEqual(errorSummary(html), [
    '#spelling ‘PLACE &amp; ECONOMY’ is already a spelling of ‘Place and Economy’: if that is the same directorate, merge the two instead',
  ]);
  t.regex(html, /id="spelling" name="spelling"[^>]* value="PLACE &amp; ECONOMY"/);
  t.is((await app.deps.db.selectFrom('aliases').select('id').execute()).length, before.length);
});

test('a spelling this entry already has, or one with no letters, is refused', async (t) => {
  const { app, browser } = await adminWorld(t);
  const id = await entityId(app, 'decision_makers', 'gavin-elsey');
  const again = await browser.post(`/admin/reference/decision-makers/${id}/spellings`, { spelling: 'gavin  ELSEY' });
  t.is(again.status, 400);
  t.deepEqual(errorSummary(await again.text()), ['#spelling ‘gavin ELSEY’ is already a spelling of this decision maker (recorded as ‘Gavin Elsey’)']);
  const empty = await browser.post(`/admin/reference/decision-makers/${id}/spellings`, { spelling: ' ' });
  t.deepEqual(errorSummary(await empty.text()), ['#spelling Enter a spelling']);
  const dots = await browser.post(`/admin/reference/decision-makers/${id}/spellings`, { spelling: '...' });
  t.deepEqual(errorSummary(await dots.text()), ['#spelling Enter a spelling with at least one letter or number']);
});

test('a spelling removed is no longer recognised; the name’s own spelling cannot be removed', async (t) => {
  const { app, browser } = await adminWorld(t);
  const id = await entityId(app, 'decision_makers', 'gavin-elsey');
  const spellings = await app.deps.db.selectFrom('aliases').select(['id', 'spelling']).where('decision_maker_id', '=', id).execute();
  const eley = spellings.find((s) => s.spelling === 'Eley')!;
  const name = spellings.find((s) => s.spelling === 'Gavin Elsey')!;

  const removed = await browser.post(`/admin/reference/decision-makers/${id}/spellings/${eley.id}/remove`);
  t.is(removed.status, 303);
  t.is(await app.deps.db.selectFrom('aliases').select('id').where('id', '=', eley.id).executeTakeFirst(), undefined);
  const [audit] = await app.deps.db.selectFrom('reference_changes').selectAll().where('action', '=', 'alias_removed').execute();
  t.deepEqual(audit!.fields, { spelling: { from: 'Eley', to: null } });

  const refusedRemoval = await browser.post(`/admin/reference/decision-makers/${id}/spellings/${name.id}/remove`);
  t.is(refusedRemoval.status, 400);
  t.deepEqual(errorSummary(await refusedRemoval.text()), [
    '#spellings ‘Gavin Elsey’ is how the name ‘Gavin Elsey’ is recognised by the import, so it cannot be removed. Change the name first if it is wrong.',
  ]);

  await importPlan(app.deps.db, planCsv([{ title: 'Verge Cutting 2024', decision_maker: 'Councillor Eley, Cabinet Member for Infrastructure, Environment and Climate Change' }]), '2024-03-08');
  const maker = await app.deps.db
    .selectFrom('decisions')
    .innerJoin('decision_makers', 'decision_makers.id', 'decisions.decision_maker_id')
    .select(['decision_makers.name', 'decision_makers.needs_review'])
    .where('decisions.title', '=', 'Verge Cutting 2024')
    .executeTakeFirstOrThrow();
  t.deepEqual(maker, { name: 'Eley', needs_review: true });

  t.is((await browser.post(`/admin/reference/decision-makers/${id}/spellings/${eley.id}/remove`)).status, 404, 'already removed');
  const otherEntity = await entityId(app, 'decision_makers', 'peter-hiller');
  t.is((await browser.post(`/admin/reference/decision-makers/${otherEntity}/spellings/${name.id}/remove`)).status, 404, 'a spelling of someone else');
});
