import test from 'ava';
import { createHash } from 'node:crypto';
import { startTestApp } from '../helpers/app.ts';
import { addUser, Browser, sharedApp, startAuthApp } from './helpers.ts';

const world = sharedApp(test);
const MINUTE = 60_000;

const cookieLine = (browser: Browser, name: string) => browser.setCookieHeaders.filter((l) => l.startsWith(`${name}=`)).at(-1) ?? '';

async function signedIn(email: string, role: 'editor' | 'publisher' | 'admin' = 'editor') {
  const user = await addUser(world.app, email, role);
  const browser = new Browser(world.app);
  const response = await browser.signIn(email);
  if (response.status !== 303) throw new Error(`sign-in gave ${response.status}`);
  return { user, browser };
}

test.serial('over plain HTTP the session and form cookies are HttpOnly, SameSite=Lax, Path=/ and not Secure', async (t) => {
  const { browser } = await signedIn('plain@example.gov.uk');
  for (const name of ['fp_session', 'fp_csrf']) {
    const line = cookieLine(browser, name).toLowerCase();
    t.regex(line, /; httponly/, name);
    t.regex(line, /; samesite=lax/, name);
    t.regex(line, /; path=\//, name);
    t.notRegex(line, /; secure/, name);
  }
});

test.serial('behind a trusted proxy that says HTTPS, both cookies are also Secure', async (t) => {
  await addUser(world.app, 'secure@example.gov.uk', 'editor');
  const browser = new Browser(world.app, undefined, { 'X-Forwarded-Proto': 'https' });
  t.is((await browser.signIn('secure@example.gov.uk')).status, 303);
  t.regex(cookieLine(browser, 'fp_session').toLowerCase(), /; secure/);
  t.regex(cookieLine(browser, 'fp_csrf').toLowerCase(), /; secure/);
});

test('without TRUST_PROXY, X-Forwarded-Proto is ignored and the cookies are not Secure', async (t) => {
  const app = await startAuthApp({ trustProxy: false });
  t.teardown(() => app.close());
  await addUser(app, 'noproxy@example.gov.uk', 'editor');
  const browser = new Browser(app, undefined, { 'X-Forwarded-Proto': 'https' });
  t.is((await browser.signIn('noproxy@example.gov.uk')).status, 303);
  t.notRegex(cookieLine(browser, 'fp_session').toLowerCase(), /; secure/);
});

test.serial('the database keeps only the hash of the token', async (t) => {
  const { user, browser } = await signedIn('hash@example.gov.uk');
  const token = browser.cookies.get('fp_session')!;
  t.regex(token, /^[A-Za-z0-9_-]{43}$/, '256 random bits');
  const rows = await world.app.deps.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute();
  t.is(rows.length, 1);
  t.is(rows[0]!.id, createHash('sha256').update(token).digest('hex'));
  t.is(rows[0]!.ip, browser.address);
});

test.serial('a session ends after an hour without a request, and last_seen_at moves at most once a minute', async (t) => {
  const { user, browser } = await signedIn('idle@example.gov.uk');
  const lastSeen = async () =>
    (await world.app.deps.db.selectFrom('sessions').select('last_seen_at').where('user_id', '=', user.id).executeTakeFirstOrThrow()).last_seen_at.getTime();
  const first = await lastSeen();
  world.app.clock.advance(30_000);
  t.is((await browser.get('/admin')).status, 200);
  t.is(await lastSeen(), first, 'not written within the minute');
  world.app.clock.advance(59 * MINUTE);
  t.is((await browser.get('/admin')).status, 200);
  t.is(await lastSeen(), first + 59 * MINUTE + 30_000);
  world.app.clock.advance(60 * MINUTE);
  const expired = await browser.get('/admin');
  t.is(expired.status, 303);
  t.is(expired.headers.get('location'), '/sign-in?returnTo=%2Fadmin');
  t.false(browser.cookies.has('fp_session'), 'the dead cookie is cleared');
  t.is(await world.app.deps.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).executeTakeFirst(), undefined);
});

test.serial('an active session still ends 12 hours after signing in', async (t) => {
  const { browser } = await signedIn('active@example.gov.uk');
  let elapsed = 0;
  while (elapsed + 59 * MINUTE < 12 * 60 * MINUTE) {
    world.app.clock.advance(59 * MINUTE);
    elapsed += 59 * MINUTE;
    t.is((await browser.get('/admin')).status, 200, `after ${elapsed / MINUTE} minutes`);
  }
  world.app.clock.advance(59 * MINUTE);
  t.is((await browser.get('/admin')).status, 303, 'only 59 minutes idle, but past 12 hours');
});

test.serial('signing out ends the session on the server: the old cookie no longer works', async (t) => {
  const { browser } = await signedIn('out@example.gov.uk');
  const token = browser.cookies.get('fp_session')!;
  const response = await browser.post('/sign-out');
  t.is(response.status, 303);
  t.is(response.headers.get('location'), '/sign-in?signedOut=1');
  t.false(browser.cookies.has('fp_session'));
  t.regex(await (await browser.get('/sign-in?signedOut=1')).text(), /You have signed out/);
  browser.cookies.set('fp_session', token);
  t.is((await browser.get('/admin')).status, 303);
});

test.serial('disabling a user ends their sessions at once', async (t) => {
  const { user, browser } = await signedIn('gone@example.gov.uk');
  t.is((await browser.get('/admin')).status, 200);
  await world.app.deps.auth.users.disable(user.id);
  t.is((await browser.get('/admin')).status, 303);
  t.is(await world.app.deps.auth.sessions.resume(browser.cookies.get('fp_session') ?? 'x'), undefined);
});

test.serial('a role change applies to the next request of an open session', async (t) => {
  const { user, browser } = await signedIn('promoted@example.gov.uk', 'editor');
  t.is((await browser.get('/admin/users')).status, 403);
  await world.app.deps.auth.users.setRole(user.id, 'admin');
  t.is((await browser.get('/admin/users')).status, 200);
});

test.serial('sessions survive a restart: a new app on the same database knows the cookie', async (t) => {
  const { browser } = await signedIn('restart@example.gov.uk');
  const restarted = await startTestApp({ handle: world.app.handle, config: world.app.deps.config, clock: world.app.clock });
  t.teardown(restarted.close);
  const response = await restarted.fetch('/admin', {
    headers: { Cookie: `fp_session=${browser.cookies.get('fp_session')}` },
  });
  t.is(response.status, 200);
  t.regex(await response.text(), /restart@example\.gov\.uk/);
});

test.serial('a made-up or malformed session cookie signs nobody in', async (t) => {
  const browser = new Browser(world.app);
  for (const value of ['x', 'A'.repeat(43), `${'A'.repeat(42)}%`]) {
    browser.cookies.set('fp_session', value);
    t.is((await browser.get('/admin')).status, 303, value);
  }
});
