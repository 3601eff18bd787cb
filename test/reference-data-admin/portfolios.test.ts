import test from 'ava';
import { importPlan } from '../../src/plans/plan-import.service.ts';
import { errorSummary } from '../auth/helpers.ts';
import { adminWorld, entityId, planCsv, visibleText } from './helpers.ts';

const date = (prefix: string, day: string, month: string, year: string) => ({ [`${prefix}-day`]: day, [`${prefix}-month`]: month, [`${prefix}-year`]: year });
const noEnd = date('endsOn', '', '', '');

test('adding a portfolio: start needed, dates real, end not before start, and no overlap with one held then', async (t) => {
  const { app, browser } = await adminWorld(t);
  const hiller = await entityId(app, 'decision_makers', 'peter-hiller');
  const path = `/admin/reference/decision-makers/${hiller}/portfolios`;

  const empty = await browser.post(path, { title: '', ...date('startsOn', '', '', ''), ...noEnd });
  t.is(empty.status, 400);
  t.deepEqual(errorSummary(await empty.text()), ['#title Enter the title of the portfolio', '#startsOn-day Enter the date the portfolio started']);

  const unreal = await browser.post(path, { title: 'Cabinet Member for Waste', ...date('startsOn', '31', '4', '2024'), ...date('endsOn', '1', '', '2025') });
  t.is(unreal.status, 400);
  const html = await unreal.text();
  t.deepEqual(errorSummary(html), ['#startsOn-day The start date must be a real date', '#endsOn-month The end date must include a month']);
  t.regex(html, /name="startsOn-day" type="text" value="31"/);
  t.regex(html, /value="Cabinet Member for Waste"/);

  const backwards = await browser.post(path, { title: 'Cabinet Member for Waste', ...date('startsOn', '1', '5', '2024'), ...date('endsOn', '30', '4', '2024') });
  t.deepEqual(errorSummary(await backwards.text()), ['#endsOn-day The end date must be the same as or after the start date (1 May 2024)']);

  // The seeded portfolio has no dates: it is held "for ever" until it is ended.
  const overlapping = await browser.post(path, { title: 'Cabinet Member for Waste', ...date('startsOn', '1', '5', '2024'), ...noEnd });
  t.is(overlapping.status, 400);
  t.deepEqual(errorSummary(await overlapping.text()), [
    '#startsOn-day These dates overlap ‘Cabinet Member for Housing, Growth and Regeneration’ (with no start or end date): end that portfolio first, or choose dates that do not overlap',
  ]);
  t.is((await app.deps.db.selectFrom('portfolios').select('id').where('decision_maker_id', '=', hiller).execute()).length, 1, 'nothing saved');
});

test('a reshuffle: end one portfolio, add the next; the import files later decisions under the new one', async (t) => {
  const { app, browser } = await adminWorld(t);
  const hiller = await entityId(app, 'decision_makers', 'peter-hiller');
  const [housing] = await app.deps.db.selectFrom('portfolios').select('id').where('decision_maker_id', '=', hiller).execute();
  const base = `/admin/reference/decision-makers/${hiller}`;

  const endPage = visibleText(await (await browser.get(`${base}/portfolios/${housing!.id}/end`)).text());
  t.regex(endPage, /‘Cabinet Member for Housing, Growth and Regeneration’, held with no start or end date/);
  const noDate = await browser.post(`${base}/portfolios/${housing!.id}/end`, date('endsOn', '', '', ''));
  t.deepEqual(errorSummary(await noDate.text()), ['#endsOn-day Enter the date the portfolio ended']);
  const ended = await browser.post(`${base}/portfolios/${housing!.id}/end`, date('endsOn', '30', '4', '2024'));
  t.is(ended.status, 303);

  const added = await browser.post(`${base}/portfolios`, { title: 'Cabinet Member for Housing and Communities', ...date('startsOn', '1', 'May', '2024'), ...noEnd });
  t.is(added.status, 303);
  const second = await browser.post(`${base}/portfolios`, { title: 'Cabinet Member for Growth', ...date('startsOn', '1', '6', '2024'), ...noEnd });
  t.deepEqual(errorSummary(await second.text()), [
    '#startsOn-day These dates overlap ‘Cabinet Member for Housing and Communities’ (from 1 May 2024, with no end date): end that portfolio first, or choose dates that do not overlap',
  ]);

  const held = await app.deps.db.selectFrom('portfolios').select(['title', 'starts_on', 'ends_on']).where('decision_maker_id', '=', hiller).orderBy('id').execute();
  t.deepEqual(held, [
    { title: 'Cabinet Member for Housing, Growth and Regeneration', starts_on: null, ends_on: '2024-04-30' },
    { title: 'Cabinet Member for Housing and Communities', starts_on: '2024-05-01', ends_on: null },
  ]);
  const actions = await app.deps.db.selectFrom('reference_changes').select('action').where('entity_id', '=', hiller).where('kind', '=', 'decision_maker').orderBy('id').execute();
  t.deepEqual(actions.map((a) => a.action), ['portfolio_ended', 'portfolio_added']);

  await importPlan(
    app.deps.db,
    planCsv([
      { title: 'Homelessness Strategy Refresh', decision_maker: 'Cllr Peter Hiller - Cabinet Member for Housing, Growth and Regeneration', expected_date: '20 June 2024' },
      { title: 'Allotments Review', decision_maker: 'Cllr Peter Hiller - Cabinet Member for Housing, Growth and Regeneration', expected_date: '18 April 2024' },
    ]),
    '2024-03-08',
  );
  const filed = await app.deps.db
    .selectFrom('decisions')
    .innerJoin('portfolios', 'portfolios.id', 'decisions.portfolio_id')
    .select(['decisions.title', 'portfolios.title as portfolio'])
    .where('decisions.title', 'in', ['Homelessness Strategy Refresh', 'Allotments Review'])
    .orderBy('decisions.title')
    .execute();
  t.deepEqual(filed, [
    { title: 'Allotments Review', portfolio: 'Cabinet Member for Housing, Growth and Regeneration' },
    { title: 'Homelessness Strategy Refresh', portfolio: 'Cabinet Member for Housing and Communities' },
  ]);
});

test('editing a portfolio keeps an unknown start blank, checks the dates and records old and new', async (t) => {
  const { app, browser } = await adminWorld(t);
  const bisby = await entityId(app, 'decision_makers', 'ray-bisby');
  const [portfolio] = await app.deps.db.selectFrom('portfolios').select('id').where('decision_maker_id', '=', bisby).execute();
  const path = `/admin/reference/decision-makers/${bisby}/portfolios/${portfolio!.id}`;
  const form = visibleText(await (await browser.get(`${path}/edit`)).text());
  t.regex(form, /Start date \(optional\)/);

  const saved = await browser.post(path, { title: 'Cabinet Member for Children’s Services and Education', ...date('startsOn', '', '', ''), ...noEnd });
  t.is(saved.status, 303);
  const [change] = await app.deps.db.selectFrom('reference_changes').select('fields').where('action', '=', 'portfolio_updated').execute();
  t.deepEqual(change!.fields, {
    portfolio: {
      from: { id: portfolio!.id, title: 'Cabinet Member for Children\'s Services', startsOn: null, endsOn: null },
      to: { id: portfolio!.id, title: 'Cabinet Member for Children’s Services and Education', startsOn: null, endsOn: null },
    },
  });

  const dated = await browser.post(path, { title: 'Cabinet Member for Children’s Services', ...date('startsOn', '1', '5', '2023'), ...noEnd });
  t.is(dated.status, 303);
  const cleared = await browser.post(path, { title: 'Cabinet Member for Children’s Services', ...date('startsOn', '', '', ''), ...noEnd });
  t.is(cleared.status, 400, 'a start once known cannot be blanked');
  t.deepEqual(errorSummary(await cleared.text()), ['#startsOn-day Enter the date the portfolio started']);
});

test('the Cabinet has no portfolios', async (t) => {
  const { app, browser } = await adminWorld(t);
  const cabinet = await entityId(app, 'decision_makers', 'cabinet');
  t.is((await browser.get(`/admin/reference/decision-makers/${cabinet}/portfolios/new`)).status, 404);
  t.notRegex(visibleText(await (await browser.get(`/admin/reference/decision-makers/${cabinet}`)).text()), /Add a portfolio/);
});
