import test from 'ava';
import type { Browser } from 'playwright-core';
import { compileAssets } from '../../src/http/assets.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { axeSource, browserTests, launchBrowser } from '../helpers/browser.ts';
import { decisionIdByReference } from '../helpers/lookups.ts';

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

const withChromium = browserTests();
let app: TestApp;
let browser: Browser;
/** The decisions whose notices the notice pages show: {general}, {urgent}, {private} in PAGES. */
const ids: Record<string, number> = {};

test.before(async () => {
  if (!withChromium.available) return;
  app = await startTestApp({ sample: true });
  ids.general = await decisionIdByReference(app.deps.db, 'KEY/25MAR24/01');
  ids.urgent = await decisionIdByReference(app.deps.db, 'KEY/25MAR24/02');
  ids.private = (await app.deps.db.selectFrom('decisions').select('id').where('title', '=', 'Blue Sky Peterborough').executeTakeFirstOrThrow()).id;
  const exception = { agreed_by: 'Cllr Jane Smith', reasons: 'The grant offer expires on 8 March.', reasons_notice_published_on: '2024-02-26', recorded_at: new Date() };
  await app.deps.db
    .insertInto('notice_exceptions')
    .values([
      { ...exception, decision_id: ids.general, regulation: 10, agreed_by_role: 'scrutiny_chair', chair_notified_on: '2024-02-23', notice_published_on: '2024-02-23' },
      { ...exception, decision_id: ids.urgent, regulation: 11, agreed_by_role: 'council_chair', agreed_on: '2024-02-24' },
    ])
    .execute();
  await app.deps.db
    .insertInto('private_meeting_notices')
    .values({ decision_id: ids.private, intention_published_on: '2024-02-20', further_notice_published_on: '2024-02-26', representations: 'Hold it in public.', response: 'The terms are exempt.', updated_at: new Date() })
    .execute();
  browser = await launchBrowser();
  await compileAssets();
});
test.after.always(async () => {
  await browser?.close();
  await app?.close();
});

/** Public pages, each checked against WCAG 2.2 A and AA rules with axe-core, JavaScript off and on. */
const PAGES = [
  '/',
  '/decisions',
  '/decisions?committee=children-and-education&part=key',
  '/decisions?from=notadate',
  '/decisions/2',
  '/plans',
  '/plans/2024-02-23',
  '/committees',
  '/committees/children-and-education',
  '/wards/central',
  '/decision-makers/cabinet',
  '/no-such-page',
  '/sign-in',
  '/notices',
  '/notices?kind=private',
  '/notices?kind=nonsense',
  '/notices/general-exception/{general}',
  '/notices/special-urgency/{urgent}',
  '/notices/private/{private}',
  '/decisions/{private}',
];

for (const path of PAGES) {
  for (const javaScriptEnabled of [false, true]) {
    withChromium.test(`${path} meets WCAG 2.2 AA (axe-core, JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async (t) => {
      // axe itself needs JavaScript, so "off" means: the page's own scripts never run, as for a
      // visitor without JavaScript. bypassCSP lets the test inject axe past our CSP.
      const context = await browser.newContext({ bypassCSP: true });
      try {
        const page = await context.newPage();
        if (!javaScriptEnabled) {
          await page.route(`${app.url}/**`, async (route) => {
            if (route.request().resourceType() !== 'document') return route.continue();
            const response = await route.fetch();
            const body = (await response.text()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
            await route.fulfill({ response, body });
          });
        }
        const response = await page.goto(`${app.url}${path.replace(/\{(\w+)\}/, (_, name: string) => String(ids[name]))}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
        // A page named by an id that did not answer would be checked as the 404 page instead.
        if (path.includes('{')) t.is(response?.status(), 200);
        await page.addScriptTag({ content: axeSource() });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
          return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) }));
        });
        t.deepEqual(violations, [], JSON.stringify(violations, null, 2));
        t.truthy(await page.locator('h1').first().textContent(), 'every page has a heading');
      } finally {
        await context.close();
      }
    });
  }
}

withChromium.test('the filter form works with the keyboard and without JavaScript', async (t) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${app.url}/decisions`);
    // By the keyboard, as the test says: focus the box and press Space (check() waits on pointer actionability, which stalled under load).
    await page.getByLabel('Children and Education Scrutiny Committee').focus();
    await page.keyboard.press('Space');
    t.true(await page.getByLabel('Children and Education Scrutiny Committee').isChecked());
    await page.getByRole('button', { name: 'Apply filters' }).press('Enter');
    await page.waitForURL(/committee=children-and-education/);
    t.regex((await page.locator('[role=status]').textContent()) ?? '', /9 decisions match/);
  } finally {
    await context.close();
  }
});
