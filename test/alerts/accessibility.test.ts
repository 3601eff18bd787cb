import type { Page } from 'playwright-core';
import { importPlan } from '../../src/plans/plan-import.service.ts';
import { axeSource, browserTests, launchBrowser } from '../helpers/browser.ts';
import { alertWorld, BASE_URL, laterPlan, linkIn, TITLES, Visitor } from './helpers.ts';

const withChromium = browserTests();

async function violations(page: Page) {
  await page.addScriptTag({ content: axeSource() });
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: object): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target) }));
  });
}

withChromium.test('the whole alerts journey works without JavaScript and every page meets WCAG 2.2 AA', async (t) => {
  // A fresh database with the sample, a browser and nine pages: longer than the suite's 60 s idle limit under load.
  t.timeout(180_000);
  const world = await alertWorld(t);
  const { app, drain } = world;
  const browser = await launchBrowser();
  t.teardown(() => browser.close());
  // The page's own scripts are stripped (a visitor without JavaScript); axe is injected past the CSP.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.route(`${app.url}/**`, async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    // Redirects go back to the browser, so it sees the address it lands on.
    const response = await route.fetch({ maxRedirects: 0 });
    await route.fulfill({ response, body: (await response.text()).replace(/<script\b[\s\S]*?<\/script>/gi, '') });
  });
  const check = async (what: string) => {
    t.deepEqual(await violations(page), [], what);
    t.truthy(await page.locator('h1').first().textContent(), `${what} has a heading`);
  };
  const fromEmail = (path: string) => page.goto(`${app.url}${path}`);

  await page.goto(`${app.url}/alerts/new?committee=children-and-education&ward=central`);
  await check('the form');
  await page.getByRole('button', { name: 'Get email alerts' }).click();
  t.regex((await page.locator('.govuk-error-summary').textContent()) ?? '', /Enter your email address/);
  await check('the form with an error');
  await page.getByLabel('Email address').fill('journey@example.org');
  await page.getByRole('button', { name: 'Get email alerts' }).press('Enter');
  await page.waitForURL(/\/alerts\/check-email$/);
  await check('check your email');

  const [confirmation] = await drain();
  await fromEmail(linkIn(confirmation!, '/alerts/confirm/'));
  await check('confirmed');

  await importPlan(app.deps.db, laterPlan({ expectedDates: { [TITLES.medgen]: 'April 2024' } }), '2024-03-08', { alerts: app.deps.alerts });
  const [digest] = await drain();
  t.regex(digest!.headers.get('list-unsubscribe') ?? '', new RegExp(`^<${BASE_URL}/alerts/unsubscribe/`));
  await fromEmail(linkIn(digest!, '/alerts/manage/'));
  await check('manage');
  await fromEmail(linkIn(digest!, '/alerts/unsubscribe/'));
  await check('unsubscribe');
  await page.getByRole('button', { name: 'Stop all email alerts' }).click();
  t.regex((await page.locator('h1').textContent()) ?? '', /You have unsubscribed/);
  await check('unsubscribed');

  const visitor = new Visitor(app);
  for (let n = 0; n < 3; n++) await visitor.subscribe('busy@example.org', 'ward=central');
  await page.goto(`${app.url}/alerts/new?ward=central`);
  await page.getByLabel('Email address').fill('busy@example.org');
  await page.getByRole('button', { name: 'Get email alerts' }).click();
  t.regex((await page.locator('h1').textContent()) ?? '', /cannot ask for more alerts/);
  await check('too many requests');
});
