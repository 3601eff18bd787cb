import test from 'ava';
import type { Browser as Chromium, Page } from 'playwright-core';
import { axeSource, browserTests, launchBrowser } from '../helpers/browser.ts';
import { addUser, PASSWORD } from '../auth/helpers.ts';
import type { TestApp } from '../helpers/app.ts';
import { decisionId, sendComment, startCommentsApp } from './helpers.ts';

const withChromium = browserTests();
let app: TestApp;
let close: () => Promise<void>;
let chromium: Chromium;
test.before(async () => {
  if (!withChromium.available) return;
  ({ app, close } = await startCommentsApp({ commentRateLimitPerHour: 1000 }));
  chromium = await launchBrowser();
});
test.after.always(async () => {
  await chromium?.close();
  await close?.();
});

interface Violation { id: string; help: string; nodes: { target: string[] }[] }

async function violations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: axeSource() });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: object): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run((window as unknown as { document: unknown }).document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) }));
  });
}

/** A page without JavaScript, as for a visitor who has none; bypassCSP lets axe in. */
async function withPage(run: (page: Page) => Promise<void>, javaScriptEnabled = false) {
  const context = await chromium.newContext({ bypassCSP: true, javaScriptEnabled: true });
  try {
    const page = await context.newPage();
    if (!javaScriptEnabled) {
      await page.route(`${app.url}/**`, async (route) => {
        if (route.request().resourceType() !== 'document') return route.continue();
        // Redirects go back to the browser, so that it follows them and the address bar is right.
        const response = await route.fetch({ maxRedirects: 0 });
        if (response.status() >= 300 && response.status() < 400) return route.fulfill({ response });
        await route.fulfill({ response, body: (await response.text()).replace(/<script\b[\s\S]*?<\/script>/gi, '') });
      });
    }
    await run(page);
  } finally {
    await context.close();
  }
}

withChromium.serial('the comment form, its errors and its confirmation meet WCAG 2.2 AA and work without JavaScript', async (t) => {
  const decision = await decisionId(app, 'KEY/25MAR24/01');
  await withPage(async (page) => {
    await page.goto(`${app.url}/comments/new?decision=${decision}`);
    t.deepEqual(await violations(page), [], 'the blank form');
    t.regex((await page.locator('#comment-info').textContent()) ?? '', /You can enter up to 5000 characters/, 'the character count works without JavaScript');

    await page.getByRole('button', { name: 'Send your comment' }).click();
    await page.waitForLoadState();
    t.regex(await page.title(), /^Error: /);
    t.deepEqual(await violations(page), [], 'the form with errors');
    await page.getByRole('link', { name: 'Enter your comment or question' }).click();
    t.is(await page.evaluate(() => (window as unknown as { location: { hash: string } }).location.hash), '#comment', 'the summary links to the field');

    await page.getByLabel('Your comment or question').fill('Typed in a real browser');
    await page.getByLabel('Name').fill('Browser Person');
    await page.getByLabel('Email address').fill('browser@example.org');
    await page.getByLabel('Councillor Gavin Elsey').check();
    await page.getByRole('button', { name: 'Send your comment' }).click();
    await page.waitForURL(/\/comments\/FPC-2024-\d{6}\/thanks\?key=/);
    t.deepEqual(await violations(page), [], 'the confirmation');
    t.regex((await page.locator('h1').textContent()) ?? '', /Comment sent/);
  });
});

withChromium.serial('with the keyboard, Tab goes through every field and never reaches the honeypot', async (t) => {
  await withPage(async (page) => {
    await page.goto(`${app.url}/comments/new`);
    await page.locator('#comment').focus();
    const reached: string[] = [];
    for (let i = 0; i < 12; i++) {
      reached.push(await page.evaluate(() => {
        const active = (window as unknown as { document: { activeElement: { id: string; textContent: string } | null } }).document.activeElement;
        return active?.id || (active?.textContent ?? '').trim();
      }));
      await page.keyboard.press('Tab');
    }
    t.deepEqual(reached.slice(0, 6), ['comment', 'name', 'email', 'telephone', 'address', 'responder']);
    t.false(reached.includes('website'), reached.join(', '));
    t.true(reached.includes('Send your comment'));
  }, true);
});

withChromium.serial('the staff inbox and a comment page meet WCAG 2.2 AA', async (t) => {
  const { id } = await sendComment(app, { comment: 'For the inbox check' });
  await addUser(app, 'a11y.publisher@council.example.gov.uk', 'publisher', 'Ally');
  await withPage(async (page) => {
    await page.goto(`${app.url}/sign-in?returnTo=/admin/comments`);
    await page.getByLabel('Email address').fill('a11y.publisher@council.example.gov.uk');
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: /Sign in/ }).click();
    await page.waitForURL(/\/admin\/comments$/);
    t.deepEqual(await violations(page), [], 'the inbox');
    for (const path of [`/admin/comments/${id}`, `/admin/comments/${id}/erase`, '/admin/comments?overdue=yes&status=received']) {
      await page.goto(`${app.url}${path}`);
      t.deepEqual(await violations(page), [], path);
    }
    await page.goto(`${app.url}/admin/comments/${id}`);
    await page.getByRole('button', { name: 'Record response' }).click();
    await page.waitForLoadState();
    t.deepEqual(await violations(page), [], 'a staff form with errors');
  });
});
