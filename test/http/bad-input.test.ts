import test from 'ava';
import { gzipSync } from 'node:zlib';
import { Browser, addUser } from '../auth/helpers.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { NOT_A_FORM_MESSAGE } from '../../src/http/forms.ts';
import { ENCODED_BODY_MESSAGE, NUL_IN_ADDRESS_MESSAGE, NUL_IN_FORM_MESSAGE } from '../../src/http/request-guards.ts';
import { decodeEntities as decode } from '../helpers/html.ts';

/*
 * Input that used to reach PostgreSQL (or the body parser) and come back as a 500: each now gets
 * a 4xx whose page or JSON says what is wrong. Every case names what a person would see.
 */

let app: TestApp;
let editor: Browser;
let admin: Browser;
test.before(async () => {
  app = await startTestApp({ sample: true, config: { trustProxy: true } });
  const signedIn = async (email: string, role: 'editor' | 'admin') => {
    const user = await addUser(app, email, role);
    const browser = new Browser(app);
    browser.cookies.set('fp_session', await app.deps.auth.sessions.start(user.id, { userAgent: 'test', ip: '127.0.0.1' }));
    return browser;
  };
  editor = await signedIn('bad-input-editor@example.gov.uk', 'editor');
  admin = await signedIn('bad-input-admin@example.gov.uk', 'admin');
});
test.after.always(async () => {
  await app?.close();
});


const DATE_MESSAGE = 'must be a real date from the year 1 to 9999, written as YYYY-MM-DD';
const NO_DECISION = 'There is no published decision with that number';
const NO_PLAN = 'No plan was published on that date';

const gets: [who: 'anonymous' | 'editor', path: string, status: number, message: string][] = [
  ['anonymous', '/decisions?q=%00', 400, NUL_IN_ADDRESS_MESSAGE],
  ['anonymous', '/decisions?q=ok&committee=%00', 400, NUL_IN_ADDRESS_MESSAGE],
  ['anonymous', '/api/v1/decisions?q=%00', 400, NUL_IN_ADDRESS_MESSAGE],
  ['anonymous', '/feeds/decisions.rss?q=%00', 400, NUL_IN_ADDRESS_MESSAGE],
  ['anonymous', '/feeds/decisions.ics?%00=x', 400, NUL_IN_ADDRESS_MESSAGE],
  ['anonymous', '/alerts/new?q=%00', 400, NUL_IN_ADDRESS_MESSAGE],
  ['anonymous', '/subscribe?q=%00', 400, NUL_IN_ADDRESS_MESSAGE],
  ['anonymous', '/committees/%00', 400, NUL_IN_ADDRESS_MESSAGE],
  ['editor', '/admin/decisions?q=%00', 400, NUL_IN_ADDRESS_MESSAGE],
  ['anonymous', '/decisions?from=0000-01-01', 400, `'from' ${DATE_MESSAGE}`],
  ['anonymous', '/decisions?to=99999-01-01', 400, `'to' ${DATE_MESSAGE}`],
  ['anonymous', '/api/v1/decisions?from=0000-01-01', 400, `'from' ${DATE_MESSAGE}`],
  ['anonymous', '/feeds/decisions.ics?to=0000-12-31', 400, `'to' ${DATE_MESSAGE}`],
  ['anonymous', '/alerts/new?from=0000-01-01', 400, `'from' ${DATE_MESSAGE}`],
  ['editor', '/admin/decisions?from=0000-01-01', 400, `'from' ${DATE_MESSAGE}`],
  ['editor', '/admin/comments?to=99999-01-01', 400, `'to' ${DATE_MESSAGE}`],
  ['anonymous', '/plans/0000-01-01', 404, NO_PLAN],
  ['anonymous', '/plans/0000-01-01.pdf', 404, NO_PLAN],
  ['anonymous', '/plans/0000-01-01.csv', 404, NO_PLAN],
  ['anonymous', '/api/v1/plans/0000-01-01', 404, NO_PLAN],
  ['anonymous', '/comments/new?decision=2147483648', 404, NO_DECISION],
  ['anonymous', '/comments/new?decision=99999999999', 404, NO_DECISION],
  ['anonymous', '/decisions/2147483648', 404, 'Page not found'],
  ['anonymous', '/api/v1/decisions/2147483648', 404, 'Page not found'],
  ['anonymous', '/feeds/decisions.rss?id=2147483648', 400, "'id' must be a decision's number (a whole number from 1 to 2147483647)"],
  ['editor', '/admin/comments?decision=2147483648', 400, "'decision' must be general or a decision's number (a whole number from 1 to 2147483647)"],
  ['editor', '/admin/comments/export.csv?decision=2147483648', 400, "'decision' must be general or a decision's number"],
  ['editor', '/admin/comments?member=9999999999', 400, "'member' must be a decision maker's number"],
  ['editor', '/admin/audit?decision=2147483648', 400, "'decision' must be a decision's number"],
  ['editor', '/admin/decisions/2147483648', 404, 'Page not found'],
];
for (const [who, path, status, message] of gets) {
  test(`GET ${path} as ${who} → ${status}`, async (t) => {
    const response = who === 'editor' ? await editor.get(path) : await app.fetch(path);
    const body = decode(await response.text());
    t.is(response.status, status);
    t.true(body.includes(message), `says "${message}"`);
  });
}

test('the limits still let the ends of the range through', async (t) => {
  t.is((await app.fetch('/decisions?from=0001-01-01&to=9999-12-31')).status, 200);
  t.is((await app.fetch('/feeds/decisions.rss?id=2147483647')).status, 404, 'read as a number, and no decision has it');
  t.is((await editor.get('/admin/comments?decision=general&from=0001-01-01&to=9999-12-31')).status, 200);
});

const FORM = 'application/x-www-form-urlencoded';
for (const coding of ['gzip', 'deflate', 'br', 'GZIP, identity']) {
  for (const path of ['/comments', '/sign-in', '/alerts/new', '/alerts/unsubscribe/some-token']) {
    test(`POST ${path} with Content-Encoding: ${coding} and a body that is not compressed → 415`, async (t) => {
      const response = await app.fetch(path, { method: 'POST', headers: { 'Content-Type': FORM, 'Content-Encoding': coding }, body: 'comment=hello&name=x' });
      t.is(response.status, 415);
      t.is(response.headers.get('accept-encoding'), 'identity');
      t.true(decode(await response.text()).includes(ENCODED_BODY_MESSAGE));
    });
  }
}

test('a body that really is gzip-compressed is refused too, never inflated', async (t) => {
  const response = await app.fetch('/sign-in', { method: 'POST', headers: { 'Content-Type': FORM, 'Content-Encoding': 'gzip' }, body: gzipSync('email=a@b.c&password=x') });
  t.is(response.status, 415);
});

test('Content-Encoding: identity is no encoding at all', async (t) => {
  const browser = new Browser(app);
  const response = await browser.request('/sign-in', {
    form: { _csrf: await browser.csrfToken(), email: '', password: '' },
    headers: { 'Content-Encoding': 'identity' },
  });
  t.is(response.status, 400);
  t.regex(await response.text(), /Enter your email address/);
});

test('POST /comments about a decision number beyond an integer is the 404 its page would be', async (t) => {
  const browser = new Browser(app);
  const response = await browser.post('/comments', { decision: '2147483648', comment: 'About this decision', name: 'Alex', email: 'alex@example.org' });
  t.is(response.status, 404);
  t.true(decode(await response.text()).includes(NO_DECISION));
});

const nulForms: [path: string, form: Record<string, string>][] = [
  ['/comments', { comment: 'hello\u0000there', name: 'Alex', email: 'alex@example.org' }],
  ['/comments', { comment: 'hello', name: 'Alex', 'extra\u0000field': 'x' }],
  ['/sign-in', { email: 'a@example.gov.uk', password: 'pass\u0000word' }],
  ['/alerts/new', { email: 'a\u0000@example.org' }],
];
for (const [path, form] of nulForms) {
  test(`POST ${path} with a NUL byte in ${JSON.stringify(Object.keys(form))} → 400`, async (t) => {
    const browser = new Browser(app);
    const response = await browser.post(path, form);
    t.is(response.status, 400);
    t.true(decode(await response.text()).includes(NUL_IN_FORM_MESSAGE));
  });
}

test('POST /alerts/new with a NUL byte in its query string → 400', async (t) => {
  const browser = new Browser(app);
  const response = await browser.post('/alerts/new?q=%00', { email: 'someone@example.org' });
  t.is(response.status, 400);
  t.true(decode(await response.text()).includes(NUL_IN_ADDRESS_MESSAGE));
});

test('merging with an entry whose number is beyond an integer asks for an entry from the list', async (t) => {
  const response = await admin.post('/admin/reference/committees/1/merge', { other: '9999999999', keep: 'current' });
  t.is(response.status, 400);
  t.true(decode(await response.text()).includes('Select the entry to merge with'));
});

test('a Content-Encoding on an empty body is refused as well (the parser inflated nothing into a 500)', async (t) => {
  const response = await app.fetch('/comments', { method: 'POST', headers: { 'Content-Type': FORM, 'Content-Encoding': 'gzip' }, body: '' });
  t.is(response.status, 415);
  t.true(decode(await response.text()).includes(ENCODED_BODY_MESSAGE));
});

for (const [type, body] of [['application/json', '{"comment":"hello","name":"Alex"}'], ['text/plain', 'comment=hello'], ['application/xml', '<comment/>']]) {
  test(`POST /comments with a ${type} body → 415 saying to send a form`, async (t) => {
    const browser = new Browser(app);
    const token = await browser.csrfToken();
    const headers = { 'Content-Type': type!, 'X-CSRF-Token': token, Cookie: `fp_csrf=${browser.cookies.get('fp_csrf')}` };
    const response = await app.fetch('/comments', { method: 'POST', headers, body });
    t.is(response.status, 415);
    t.true(decode(await response.text()).includes(NOT_A_FORM_MESSAGE));
  });
}

test('a multipart form to a route that needs its token → 415 saying to send a form (the token in it is never read)', async (t) => {
  const browser = new Browser(app);
  const token = await browser.csrfToken();
  const response = await app.fetch('/comments', {
    method: 'POST',
    headers: { 'Content-Type': 'multipart/form-data; boundary=x', Cookie: `fp_csrf=${browser.cookies.get('fp_csrf')}` },
    body: `--x\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--x--\r\n`,
  });
  t.is(response.status, 415);
  t.true(decode(await response.text()).includes(NOT_A_FORM_MESSAGE));
});

test('a bodyless POST and a multipart one (RFC 8058 one-click may use it) still reach their routes', async (t) => {
  const browser = new Browser(app);
  t.is((await browser.request('/sign-out', { method: 'POST', headers: { 'X-CSRF-Token': await browser.csrfToken() } })).status, 303);
  const multipart = await app.fetch('/alerts/unsubscribe/not-a-real-token', {
    method: 'POST',
    headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
    body: '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n',
  });
  t.is(multipart.status, 404, 'the token decides, not the content type');
});

for (const acceptEncoding of ['identity;q=0', '*;q=NaN', 'gzip;q=-1', 'identity;q=0, *;q=0']) {
  test(`Accept-Encoding: ${acceptEncoding} gets a page koa-compress sends uncompressed, not a 500`, async (t) => {
    // The sign-in page never comes from the shared cache, which negotiates codings itself.
    const response = await app.fetch('/sign-in', { headers: { 'Accept-Encoding': acceptEncoding } });
    t.is(response.status, 200);
    t.is(response.headers.get('content-encoding'), null);
    t.regex(await response.text(), /Sign in/);
    t.is((await app.fetch('/decisions', { headers: { 'Accept-Encoding': acceptEncoding } })).status, 200, 'and a cached page');
  });
}
