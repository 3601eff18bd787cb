import test from 'ava';
import type { Role } from '../../src/auth/roles.ts';
import type { TestApp } from '../helpers/app.ts';
import { Browser, errorSummary, PASSWORD } from '../auth/helpers.ts';
import { addDecision, publicationWorld, type PublicationWorld } from './helpers.ts';

async function signedIn(world: PublicationWorld, server: { fetch: TestApp['fetch'] }, role: Role, name: string = role) {
  const created = await world.deps.auth.users.create({ email: `${name}@example.gov.uk`, name, role, password: PASSWORD });
  if (!created.ok) throw new Error(JSON.stringify(created.problems));
  const browser = new Browser(server as unknown as TestApp);
  browser.cookies.set('fp_session', await world.deps.auth.sessions.start(created.user.id, { userAgent: 'test', ip: '127.0.0.1' }));
  return browser;
}

/** The plan's parts as rendered: from the first part to the explanations. */
function partsOf(html: string): string {
  const start = html.indexOf('<section class="app-plan-part"');
  const end = html.indexOf('id="about"');
  if (start === -1 || end === -1) throw new Error('no plan parts on the page');
  return html.slice(start, end);
}

test.serial('the preview shows the draft in the public plan\'s own layout, with what changed marked', async (t) => {
  const world = await publicationWorld(t);
  const server = world.app;
  const editor = await signedIn(world, server, 'editor');
  await addDecision(world, { title: 'Library opening hours', expected_date: '2024-05-20' });
  await addDecision(world, { title: 'Parks strategy', part: 'non_key', is_key: false, expected_date: '2024-06-01', expected_precision: 'month', expected_date_text: 'June 2024' });

  const page = await (await editor.get('/admin/publication')).text();
  t.regex(page, /The next plan, 8 March 2024/);
  t.regex(page, /KEY\/08APR24\/01/, 'the reference publication will give');
  t.regex(page, /govuk-tag--green">New<\/strong> New: first time on a plan/);
  t.regex(page, /No decision in the plan breaks a notice rule/);
  t.regex(page, /Only publishers and administrators can publish the plan/);
  t.notRegex(page, /Publish this plan/);

  const publisher = await signedIn(world, server, 'publisher');
  t.regex(await (await publisher.get('/admin/publication')).text(), /Publish this plan/);
  const done = await publisher.post('/admin/publication', { date: '2024-03-08' });
  t.is(done.status, 303);
  t.is(done.headers.get('location'), '/plans/2024-03-08');

  // A fortnight later (sessions have long expired), nothing changed: the preview's plan is the page that gets published.
  world.on('2024-03-22');
  const later = await signedIn(world, server, 'publisher', 'another-publisher');
  const preview = await (await later.get('/admin/publication')).text();
  t.notRegex(partsOf(preview), /app-entry__changes/);
  t.is((await later.post('/admin/publication', { date: '2024-03-22' })).status, 303);
  const published = await (await server.fetch('/plans/2024-03-22')).text();
  t.is(partsOf(preview), partsOf(published));
});

test.serial('publishing is refused while a rule is broken, naming the rule; a double click publishes once', async (t) => {
  const world = await publicationWorld(t);
  const server = world.app;
  const publisher = await signedIn(world, server, 'publisher');
  const rushed = await addDecision(world, { title: 'Rushed decision', expected_date: '2024-03-20' });

  const preview = await (await publisher.get('/admin/publication')).text();
  t.regex(preview, /Notice rule breaches \(1\)/);
  t.regex(preview, /This plan cannot be published yet: 1 notice rule breach/);
  t.notRegex(preview, /Publish this plan/);
  const refused = await publisher.post('/admin/publication', { date: '2024-03-08' });
  t.is(refused.status, 400);
  t.deepEqual(errorSummary(await refused.text()).map((e) => e.replace(/&#39;|’/g, "'")), [
    "#breaches Rushed decision (KEY/08APR24/01) breaks Regulation 9 – 28 clear days' notice of a key decision; earliest lawful date 6 April 2024.",
  ]);
  t.is((await world.db.selectFrom('plans').select('id').execute()).length, 0);

  await world.db.updateTable('decisions').set({ expected_date: '2024-04-08' }).where('id', '=', rushed).execute();
  const [first, second] = await Promise.all([
    publisher.post('/admin/publication', { date: '2024-03-08' }),
    publisher.post('/admin/publication', { date: '2024-03-08' }),
  ]);
  t.deepEqual([first.status, second.status], [303, 303]);
  t.is(second.headers.get('location'), '/plans/2024-03-08');
  t.is((await world.db.selectFrom('plans').select('id').execute()).length, 1);
  t.regex(await (await publisher.get('/admin/publication')).text(), /A plan has already been published today/);

  const stale = await publisher.post('/admin/publication', { date: '2024-03-07' });
  t.is(stale.status, 400, 'a preview from another day is not published');
});
