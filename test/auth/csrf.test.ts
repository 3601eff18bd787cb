import test from 'ava';
import Router from '@koa/router';
import Koa from 'koa';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config/config.ts';
import { CSRF_FAILURE_MESSAGE, csrfExempt, csrfProtection, resolveSecretKey } from '../../src/http/csrf.ts';
import { errorHandler } from '../../src/http/errors.ts';
import { formBodyParser } from '../../src/http/forms.ts';
import { addUser, Browser, PASSWORD, sharedApp, startAuthApp } from './helpers.ts';

const world = sharedApp(test);
const escaped = CSRF_FAILURE_MESSAGE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test.serial('a public form posted without a token, or with a wrong one, gets the 403 page and does nothing', async (t) => {
  await addUser(world.app, 'csrf@example.gov.uk', 'admin');
  const browser = new Browser(world.app);
  await browser.csrfToken();
  for (const form of [{}, { _csrf: '' }, { _csrf: 'x'.repeat(43) }] as Record<string, string>[]) {
    const response = await browser.request('/sign-in', { form: { ...form, email: 'csrf@example.gov.uk', password: PASSWORD } });
    t.is(response.status, 403);
    t.regex(await response.text(), new RegExp(escaped));
    t.false(browser.cookies.has('fp_session'));
  }
});

test.serial('the right token is accepted, in the form or in the X-CSRF-Token header', async (t) => {
  const browser = new Browser(world.app);
  const token = await browser.csrfToken();
  t.is((await browser.request('/sign-in', { form: { _csrf: token, email: 'csrf@example.gov.uk', password: PASSWORD } })).status, 303);
  const other = new Browser(world.app);
  const otherToken = await other.csrfToken();
  const viaHeader = await other.request('/sign-in', {
    form: { email: 'csrf@example.gov.uk', password: PASSWORD },
    headers: { 'X-CSRF-Token': otherToken },
  });
  t.is(viaHeader.status, 303);
});

test.serial("one browser's token does not work with another browser's cookie", async (t) => {
  const mine = new Browser(world.app);
  const theirs = new Browser(world.app);
  await mine.csrfToken();
  const theirToken = await theirs.csrfToken();
  const response = await mine.request('/sign-in', { form: { _csrf: theirToken, email: 'csrf@example.gov.uk', password: PASSWORD } });
  t.is(response.status, 403);
});

test.serial('a staff form without its token is refused even for a signed-in admin', async (t) => {
  const admin = new Browser(world.app);
  t.is((await admin.signIn('csrf@example.gov.uk')).status, 303);
  const response = await admin.request('/admin/users', { form: { email: 'new@example.gov.uk', role: 'editor', password: PASSWORD } });
  t.is(response.status, 403);
  t.is(await world.app.deps.auth.users.byEmail('new@example.gov.uk'), undefined);
  t.is((await admin.request('/sign-out', { method: 'POST' })).status, 403, 'not even signing out');
});

test.serial('feeds, JSON and health checks never set the form cookie', async (t) => {
  for (const path of ['/api/v1/decisions', '/healthz']) {
    const response = await world.app.fetch(path);
    t.is(response.status, 200, path);
    t.deepEqual(response.headers.getSetCookie(), [], path);
  }
});

test('a token made with another SECRET_KEY is refused', async (t) => {
  const other = await startAuthApp({ secretKey: 'b'.repeat(40) });
  t.teardown(() => other.close());
  const first = await startAuthApp({ secretKey: 'a'.repeat(40) });
  t.teardown(() => first.close());
  const browser = new Browser(first);
  const token = await browser.csrfToken();
  // The same browser secret, sent to an app with a different key.
  const secret = browser.cookies.get('fp_csrf')!;
  const response = await other.fetch('/sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `fp_csrf=${secret}` },
    body: new URLSearchParams({ _csrf: token, email: 'a@b.gov.uk', password: 'whatever it is' }).toString(),
  });
  t.is(response.status, 403);
});

test('SECRET_KEY is required in production and must be long; elsewhere a random key is used', (t) => {
  t.throws(() => loadConfig({ NODE_ENV: 'production' }), { message: /SECRET_KEY must be set when NODE_ENV=production/ });
  t.throws(() => loadConfig({ NODE_ENV: 'production', SECRET_KEY: 'short' }), { message: /SECRET_KEY must be at least 32 characters/ });
  t.is(loadConfig({ NODE_ENV: 'production', SECRET_KEY: 'k'.repeat(32) }).secretKey, 'k'.repeat(32));
  t.is(resolveSecretKey('k'.repeat(32)), 'k'.repeat(32));
  const random = resolveSecretKey(undefined);
  t.regex(random, /^[0-9a-f]{64}$/);
  t.is(resolveSecretKey(undefined), random, 'one key per process');
});

test('a route marked csrfExempt takes a POST with no cookie and no token; its neighbours still do not', async (t) => {
  const router = new Router();
  router.post('/unsubscribe/:token', csrfExempt, (ctx) => {
    ctx.body = `unsubscribed ${ctx.params.token}`;
  });
  router.post('/subscribe', (ctx) => {
    ctx.body = 'subscribed';
  });
  const app = new Koa();
  app.use(errorHandler((ctx, _template, data) => {
    ctx.body = String(data.message);
  }));
  app.use(formBodyParser());
  app.use(csrfProtection({ secretKey: 'k'.repeat(32), routes: router }));
  app.use(router.routes());
  const server = createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = (path: string) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });

  const exempt = await post('/unsubscribe/abc');
  t.is(exempt.status, 200);
  t.is(await exempt.text(), 'unsubscribed abc');
  const guarded = await post('/subscribe');
  t.is(guarded.status, 403);
  t.is(await guarded.text(), CSRF_FAILURE_MESSAGE);
});
