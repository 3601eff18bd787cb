import test from 'ava';
import { SIGN_IN_REFUSED } from '../../src/auth/sign-in.routes.ts';
import { LIMITS } from '../../src/auth/lockout.ts';
import { addUser, Browser, errorSummary, PASSWORD, sharedApp } from './helpers.ts';

const world = sharedApp(test);

const LOCKED = /There have been too many attempts to sign in with this email address\. Wait (\d+) minutes? and try again\./;

test.serial('the right email (any case) and password sign in, set the session cookie and go to the page asked for', async (t) => {
  const { app } = world;
  await addUser(app, 'ann@example.gov.uk', 'editor');
  const browser = new Browser(app);
  const response = await browser.post('/sign-in', { email: '  Ann@Example.GOV.uk ', password: PASSWORD, returnTo: '/admin?tab=1' });
  t.is(response.status, 303);
  t.is(response.headers.get('location'), '/admin?tab=1');
  t.true(browser.cookies.has('fp_session'));
  const home = await browser.get('/admin');
  t.is(home.status, 200);
  t.regex(await home.text(), /You are signed in as ann@example\.gov\.uk, with the role Editor\./);
});

test.serial('an unknown email and a wrong password get the same page, keep the email, and never echo the password', async (t) => {
  const { app } = world;
  await addUser(app, 'bob@example.gov.uk', 'editor');
  const pages: string[] = [];
  for (const email of ['bob@example.gov.uk', 'nobody@example.gov.uk']) {
    const response = await new Browser(app).post('/sign-in', { email, password: 'not the password at all' });
    t.is(response.status, 400);
    const html = await response.text();
    t.deepEqual(errorSummary(html), [`#email ${SIGN_IN_REFUSED}`]);
    t.regex(html, new RegExp(`<input[^>]+id="email"[^>]+value="${email.replace('.', '\\.')}"`));
    t.notRegex(html, /not the password at all/);
    t.regex(html, /<title>Error: Sign in/);
    pages.push(html.replace(email, 'EMAIL').replace(/value="[A-Za-z0-9_-]{43}"/g, 'TOKEN').replace(/nonce-[^"']+|nonce="[^"]+"/g, 'NONCE'));
  }
  t.is(pages[0], pages[1]);
});

test.serial('missing fields get their own messages, linked to the fields', async (t) => {
  const { app } = world;
  const response = await new Browser(app).post('/sign-in', { email: '', password: '' });
  t.is(response.status, 400);
  t.deepEqual(errorSummary(await response.text()), ['#email Enter your email address', '#password Enter your password']);
});

test.serial('an unknown email costs as much work to refuse as a wrong password (both check a real argon2id hash)', async (t) => {
  const { app } = world;
  await addUser(app, 'cat@example.gov.uk', 'editor');
  let client = 0;
  // CPU time of this process (argon2 runs on libuv's threads, which count), not the wall clock:
  // a busy machine stretches the wall-clock time of either kind of attempt, not the work done.
  const work = async (email: string) => {
    const started = process.cpuUsage();
    const result = await app.deps.auth.signIn.attempt({ email, password: 'wrong password here', clientAddress: `timing-${client++}`, userAgent: '' });
    t.not(result.outcome, 'signed-in');
    const { user, system } = process.cpuUsage(started);
    return (user + system) / 1000;
  };
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const known: number[] = [];
  const unknown: number[] = [];
  await work('warm-up@example.gov.uk');
  for (let i = 0; i < 15; i += 1) {
    known.push(await work('cat@example.gov.uk'));
    unknown.push(await work(`ghost${i}@example.gov.uk`));
  }
  // Skipping the hash check for an unknown email costs a few per cent of the work of checking it.
  const ratio = median(unknown) / median(known);
  t.log(`CPU per attempt: unknown ${median(unknown).toFixed(1)} ms, known ${median(known).toFixed(1)} ms`);
  t.true(ratio > 0.5 && ratio < 2, `ratio ${ratio.toFixed(2)}`);
});

test.serial('five failures in 15 minutes lock the account for 15 minutes, even with the right password, then it opens', async (t) => {
  const { app } = world;
  await addUser(app, 'dan@example.gov.uk', 'editor');
  const browser = new Browser(app);
  for (let i = 1; i <= 4; i += 1) {
    const html = await (await browser.signIn('dan@example.gov.uk', `wrong password ${i}`)).text();
    t.deepEqual(errorSummary(html), [`#email ${SIGN_IN_REFUSED}`], `failure ${i}`);
    app.clock.advance(60_000);
  }
  const fifth = await (await browser.signIn('dan@example.gov.uk', 'wrong password 5')).text();
  t.regex(fifth, LOCKED);
  t.is(LOCKED.exec(fifth)![1], '15');

  app.clock.advance(10 * 60_000);
  const stillLocked = await browser.signIn('dan@example.gov.uk', PASSWORD);
  t.is(stillLocked.status, 400);
  t.is(LOCKED.exec(await stillLocked.text())![1], '5');
  t.false(browser.cookies.has('fp_session'));
  const mirror = await app.deps.auth.users.byEmail('dan@example.gov.uk');
  t.truthy(mirror?.locked_until);

  app.clock.advance(5 * 60_000);
  const open = await browser.signIn('dan@example.gov.uk', PASSWORD);
  t.is(open.status, 303);
  t.true(browser.cookies.has('fp_session'));
  t.is((await app.deps.auth.users.byEmail('dan@example.gov.uk'))?.locked_until, null);
});

test.serial('an email with no account locks in just the same way, so the lock message reveals nothing', async (t) => {
  const { app } = world;
  const browser = new Browser(app);
  let html = '';
  for (let i = 1; i <= LIMITS.maxFailures; i += 1) html = await (await browser.signIn('nobody@example.gov.uk', `guess number ${i}`)).text();
  t.regex(html, LOCKED);
});

test.serial('a success clears the failures before it', async (t) => {
  const { app } = world;
  await addUser(app, 'eve@example.gov.uk', 'editor');
  const browser = new Browser(app);
  for (let i = 0; i < 4; i += 1) await browser.signIn('eve@example.gov.uk', 'wrong password!');
  t.is((await browser.signIn('eve@example.gov.uk')).status, 303);
  const other = new Browser(app);
  for (let i = 0; i < 4; i += 1) {
    t.deepEqual(errorSummary(await (await other.signIn('eve@example.gov.uk', 'wrong password!')).text()), [`#email ${SIGN_IN_REFUSED}`]);
  }
});

test.serial('a client making more than 20 attempts in 15 minutes gets 429 with Retry-After, whatever the email', async (t) => {
  const { app } = world;
  await addUser(app, 'fay@example.gov.uk', 'editor');
  const browser = new Browser(app);
  for (let i = 1; i <= 20; i += 1) {
    const response = await browser.signIn(`person${i}@example.gov.uk`, 'some wrong password');
    t.is(response.status, 400, `attempt ${i}`);
    app.clock.advance(10_000);
  }
  const refused = await browser.signIn('fay@example.gov.uk');
  t.is(refused.status, 429);
  t.is(refused.headers.get('retry-after'), String(15 * 60 - 200));
  t.regex(await refused.text(), /too many attempts to sign in from your network/);
  t.false(browser.cookies.has('fp_session'));
  t.is((await new Browser(app).signIn('fay@example.gov.uk')).status, 303, 'another client is not affected');
  app.clock.advance(15 * 60_000);
  t.is((await browser.signIn('fay@example.gov.uk')).status, 303, 'the same client after the window');
});

test.serial('a disabled account is refused with the same message as a wrong password', async (t) => {
  const { app } = world;
  const user = await addUser(app, 'gus@example.gov.uk', 'editor');
  await app.deps.auth.users.disable(user.id);
  const response = await new Browser(app).signIn('gus@example.gov.uk');
  t.is(response.status, 400);
  t.deepEqual(errorSummary(await response.text()), [`#email ${SIGN_IN_REFUSED}`]);
});

test.serial('the sign-in page is never cached, keeps a safe returnTo and drops an unsafe one', async (t) => {
  const { app } = world;
  const browser = new Browser(app);
  const page = await browser.get('/sign-in?returnTo=%2Fadmin%2Fusers');
  t.is(page.headers.get('cache-control'), 'no-store');
  t.regex(await page.text(), /name="returnTo" value="\/admin\/users"/);
  t.regex(await (await browser.get('/sign-in?returnTo=https%3A%2F%2Fevil.example')).text(), /name="returnTo" value="\/admin"/);
  await addUser(app, 'hal@example.gov.uk', 'editor');
  const response = await browser.post('/sign-in', { email: 'hal@example.gov.uk', password: PASSWORD, returnTo: '//evil.example/x' });
  t.is(response.headers.get('location'), '/admin');
  // Signed in already: the page sends the person on.
  const again = await browser.get('/sign-in?returnTo=%2Fadmin%2Fusers');
  t.is(again.status, 302);
  t.is(again.headers.get('location'), '/admin/users');
});

test.serial('a returnTo that becomes another site once normalised sends the person to the staff home', async (t) => {
  const { app } = world;
  await addUser(app, 'ivy@example.gov.uk', 'editor');
  for (const returnTo of ['/.//evil.example/phish', '/admin/../..//evil.example', '/%2e%2e//evil.example', '/%2F%2Fevil.example']) {
    const browser = new Browser(app);
    const page = await browser.get(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
    t.regex(await page.text(), /name="returnTo" value="\/admin"/, `the form drops ${returnTo}`);
    const response = await browser.post('/sign-in', { email: 'ivy@example.gov.uk', password: PASSWORD, returnTo });
    t.is(response.status, 303, returnTo);
    t.is(response.headers.get('location'), '/admin', returnTo);
    // Signed in already, the sign-in page sends the person on: there too.
    const again = await browser.get(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
    t.is(again.headers.get('location'), '/admin', `signed in, ${returnTo}`);
  }
});
