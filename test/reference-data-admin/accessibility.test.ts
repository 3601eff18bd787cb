import test from 'ava';
import type { Browser as Chromium, Page } from 'playwright-core';
import { axeSource, browserTests, launchBrowser } from '../helpers/browser.ts';
import { importPlan } from '../../src/plans/plan-import.service.ts';
import { adminWorld, entityId, planCsv, type AdminWorld } from './helpers.ts';

const withChromium = browserTests();
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let world: AdminWorld;
let chromium: Chromium;
const ids: Record<string, number> = {};
const teardowns: (() => Promise<void>)[] = [];

test.before(async () => {
  if (!withChromium.available) return;
  world = await adminWorld({ teardown: (fn) => void teardowns.push(fn) });
  await importPlan(world.app.deps.db, planCsv([{ title: 'Library Opening Hours Review', scrutiny_committee: 'Childrens & Education Scrutiny Commitee' }]), '2024-03-08');
  ids.duplicate = (await world.app.deps.db.selectFrom('committees').select('id').where('needs_review', '=', true).executeTakeFirstOrThrow()).id;
  ids.committee = await entityId(world.app, 'committees', 'children-and-education');
  ids.member = await entityId(world.app, 'decision_makers', 'peter-hiller');
  chromium = await launchBrowser();
});
test.after.always(async () => {
  await chromium?.close();
  for (const fn of teardowns) await fn();
});

/** A page as the signed-in administrator sees it, after `act` (a form filled and sent, say). */
async function checkPage(path: string, act?: (page: Page) => Promise<void>) {
  const context = await chromium.newContext({ bypassCSP: true, extraHTTPHeaders: { 'X-Forwarded-For': world.browser.address } });
  await context.addCookies([...world.browser.cookies].map(([name, value]) => ({ name, value, url: world.app.url })));
  try {
    const page = await context.newPage();
    await page.goto(`${world.app.url}${path}`);
    if (act) await act(page);
    await page.addScriptTag({ content: axeSource() });
    const violations = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG)} } })
      .then((r) => r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target) })))`)) as unknown[];
    return { violations, heading: await page.locator('h1').first().textContent() };
  } finally {
    await context.close();
  }
}

const send = (page: Page) => page.locator('main form[novalidate] button.govuk-button').first().click().then(() => page.waitForLoadState());

const PAGES: [string, () => string, ((page: Page) => Promise<void>)?][] = [
  ['the index and review queue', () => '/admin/reference'],
  ['a list', () => '/admin/reference/committees'],
  ['an entity', () => `/admin/reference/committees/${ids.duplicate}`],
  ['a Cabinet Member with portfolios', () => `/admin/reference/decision-makers/${ids.member}`],
  ['the edit form with errors', () => `/admin/reference/committees/${ids.committee}/edit`, async (page) => {
    await page.fill('#slug', 'Not a slug');
    await send(page);
  }],
  ['a portfolio form with errors', () => `/admin/reference/decision-makers/${ids.member}/portfolios/new`, async (page) => {
    await page.fill('#startsOn-day', '31');
    await page.fill('#startsOn-month', '4');
    await page.fill('#startsOn-year', '2024');
    await send(page);
  }],
  ['the merge confirmation', () => `/admin/reference/committees/${ids.duplicate}/merge?keep=other`, async (page) => {
    await page.selectOption('#other', String(ids.committee));
    await send(page);
  }],
  ['the council details', () => '/admin/reference/council'],
  ['the council settings', () => '/admin/settings'],
  ['the council settings with errors', () => '/admin/settings', async (page) => {
    await page.fill('#keyDecisionThreshold', 'half a million');
    await page.uncheck('#callInAppliesTo');
    await page.uncheck('#callInAppliesTo-2');
    await send(page);
  }],
];

for (const [name, path, act] of PAGES) {
  withChromium.serial(`${name} meets WCAG 2.2 AA (axe-core)`, async (t) => {
    const { violations, heading } = await checkPage(path(), act);
    t.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    t.truthy(heading);
  });
}
