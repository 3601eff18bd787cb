import test from 'ava';
import type { Browser } from 'playwright-core';
import { compileAssets } from '../../src/http/assets.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { axeSource, browserTests, launchBrowser } from '../helpers/browser.ts';

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

const withChromium = browserTests();
let app: TestApp;
let browser: Browser;

test.before(async () => {
  if (!withChromium.available) return;
  app = await startTestApp({ sample: true });
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
        await page.goto(`${app.url}${path}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
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
    await page.getByLabel('Children and Education Scrutiny Committee').check();
    await page.getByRole('button', { name: 'Apply filters' }).press('Enter');
    await page.waitForURL(/committee=children-and-education/);
    t.regex((await page.locator('[role=status]').textContent()) ?? '', /9 decisions match/);
  } finally {
    await context.close();
  }
});
