import test from 'ava';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { createDb } from '../../../src/db/create-db.ts';
import { startTestApp, type TestApp } from '../../helpers/app.ts';
import { addUser, Browser } from '../../auth/helpers.ts';
import { rawGet } from '../../feeds/helpers.ts';

async function started(t: import('ava').ExecutionContext, options: Parameters<typeof startTestApp>[0] = {}): Promise<TestApp> {
  const app = await startTestApp({ sample: true, ...options });
  t.teardown(app.close);
  return app;
}

async function body(app: TestApp, path: string, headers: Record<string, string> = {}) {
  const response = await app.fetch(path, { headers });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

const PUBLIC_PAGES = ['/', '/decisions?committee=children-and-education', '/decisions/1', '/plans', '/plans/2024-02-23', '/committees', '/committees/children-and-education', '/api/v1/decisions', '/api/v1/plans/2024-02-23', '/feeds/decisions.rss', '/feeds/decisions.ics', '/plans/2024-02-23.csv'];

test('a public page served again comes from memory: the same bytes, and no database query at all', async (t) => {
  const app = await started(t);
  for (const path of PUBLIC_PAGES) {
    const first = await body(app, path);
    t.is(first.response.status, 200, path);
    const before = app.queries();
    const second = await body(app, path);
    t.is(app.queries(), before, `${path}: no query`);
    t.is(second.response.status, 200);
    t.true(second.bytes.equals(first.bytes), `${path}: the same bytes`);
    t.is(second.response.headers.get('etag'), first.response.headers.get('etag'));
  }
  t.true(app.cache.stats().hits >= PUBLIC_PAGES.length);
});

test('a client holding the current copy gets 304 with no query; each content coding has its own tag and decodes to the same page', async (t) => {
  const app = await started(t);
  // Raw HTTP: fetch would decode the body itself.
  const plain = await rawGet(`${app.url}/`, { 'Accept-Encoding': 'identity' });
  const br = await rawGet(`${app.url}/`, { 'Accept-Encoding': 'br' });
  const gz = await rawGet(`${app.url}/`, { 'Accept-Encoding': 'gzip, deflate' });
  t.is(br.headers['content-encoding'], 'br');
  t.is(gz.headers['content-encoding'], 'gzip');
  t.true(brotliDecompressSync(br.body).equals(plain.body));
  t.true(gunzipSync(gz.body).equals(plain.body));
  const tags = new Set([plain, br, gz].map((r) => String(r.headers.etag)));
  t.is(tags.size, 3, 'a tag per coding');
  t.is(plain.headers.vary, 'Accept-Encoding');

  const before = app.queries();
  for (const etag of tags) {
    const again = await app.fetch('/', { headers: { 'If-None-Match': `"other", ${etag!}` } });
    t.is(again.status, 304);
    t.is((await again.arrayBuffer()).byteLength, 0);
  }
  const since = await app.fetch('/', { headers: { 'If-Modified-Since': String(plain.headers['last-modified']) } });
  t.is(since.status, 304);
  t.is(app.queries(), before);
});

test('pages are the same bytes for everyone: no per-response nonce, and no cookie on an anonymous page without a form', async (t) => {
  const app = await started(t);
  for (const path of PUBLIC_PAGES) {
    const response = await app.fetch(path);
    await response.arrayBuffer();
    t.deepEqual(response.headers.getSetCookie(), [], `${path} sets no cookie`);
    const csp = response.headers.get('content-security-policy') ?? '';
    t.notRegex(csp, /nonce-/);
  }
  const page = await (await app.fetch('/')).text();
  t.notRegex(page, /nonce=/);
  t.regex((await app.fetch('/')).headers.get('content-security-policy')!, /script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);

  const form = await app.fetch('/comments/new');
  await form.arrayBuffer();
  t.is(form.headers.getSetCookie().length, 1, 'a page with a form gets its anti-forgery cookie');
  t.regex(form.headers.get('cache-control') ?? '', /no-store|private/);
});

test('a published plan is served immutable at its dated addresses; the current plan and lists are not', async (t) => {
  const app = await started(t);
  for (const path of ['/plans/2024-02-23', '/plans/2024-02-23.csv', '/plans/2024-02-23.pdf']) {
    const response = await app.fetch(path);
    await response.arrayBuffer();
    t.is(response.status, 200, path);
    t.is(response.headers.get('cache-control'), 'public, max-age=31536000, immutable', path);
  }
  const dated = await (await app.fetch('/plans/2024-02-23')).text();
  t.regex(dated, /This is the plan as published on 23 February 2024/, 'it cannot say whether it is the latest, which would change');
  for (const path of ['/', '/plans', '/decisions', '/api/v1/plans/2024-02-23']) {
    const response = await app.fetch(path);
    await response.arrayBuffer();
    t.notRegex(response.headers.get('cache-control') ?? '', /immutable/, path);
    t.regex(response.headers.get('cache-control') ?? '', /^public, max-age=\d+/, path);
  }
});

test('the plan PDF answers byte ranges, and a range beyond the end with 416', async (t) => {
  const app = await started(t);
  const whole = await body(app, '/plans/2024-02-23.pdf');
  t.is(whole.response.headers.get('accept-ranges'), 'bytes');
  const part = await body(app, '/plans/2024-02-23.pdf', { Range: 'bytes=0-99' });
  t.is(part.response.status, 206);
  t.is(part.response.headers.get('content-range'), `bytes 0-99/${whole.bytes.length}`);
  t.true(part.bytes.equals(whole.bytes.subarray(0, 100)));
  const tail = await body(app, '/plans/2024-02-23.pdf', { Range: 'bytes=-10' });
  t.true(tail.bytes.equals(whole.bytes.subarray(-10)));
  const resumed = await body(app, '/plans/2024-02-23.pdf', { Range: 'bytes=100-', 'If-Range': whole.response.headers.get('etag')! });
  t.is(resumed.response.status, 206);
  t.is(resumed.bytes.length, whole.bytes.length - 100);
  const changed = await body(app, '/plans/2024-02-23.pdf', { Range: 'bytes=100-', 'If-Range': '"something-else"' });
  t.is(changed.response.status, 200, 'a copy of other bytes gets the whole file');
  const beyond = await app.fetch('/plans/2024-02-23.pdf', { headers: { Range: `bytes=${whole.bytes.length}-` } });
  t.is(beyond.status, 416);
  t.is(beyond.headers.get('content-range'), `bytes */${whole.bytes.length}`);
});

test('HEAD is answered from the cache with the headers of GET and no body', async (t) => {
  const app = await started(t);
  const identity = { 'Accept-Encoding': 'identity' };
  const get = await body(app, '/decisions', identity);
  const before = app.queries();
  const head = await app.fetch('/decisions', { method: 'HEAD', headers: identity });
  t.is(head.status, 200);
  t.is(head.headers.get('etag'), get.response.headers.get('etag'));
  t.is(head.headers.get('content-length'), String(get.bytes.length));
  t.is((await head.arrayBuffer()).byteLength, 0);
  t.is(app.queries(), before);
});

test('this process sees its own change at once, and the old page is never served again', async (t) => {
  const app = await started(t);
  const old = await (await app.fetch('/committees')).text();
  t.true(old.includes('Peterborough City Council'));
  await app.deps.db.updateTable('council').set({ name: 'Renamed Council' }).execute();
  app.deps.council.forget();
  for (let i = 0; i < 3; i += 1) {
    const page = await (await app.fetch('/committees')).text();
    t.true(page.includes('Renamed Council'), 'the new name, at once');
  }
});

test('a change written by another process (the CLI, another instance) is served in its new form as soon as it is heard', async (t) => {
  const app = await started(t);
  const path = '/api/v1/decisions?limit=1';
  const first = await (await app.fetch(path)).json() as { total: number };
  const other = createDb({ url: app.handle.url, poolSize: 1 });
  t.teardown(other.close);
  await other.db.updateTable('decisions').set({ status: 'withdrawn' }).where('reference', '=', 'KEY/25MAR24/01').execute();
  const until = Date.now() + 5_000;
  let seen: number | undefined;
  while (Date.now() < until) {
    const { total } = await (await app.fetch(`${path}&status=withdrawn`)).json() as { total: number };
    if (total > 0) {
      seen = total;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  t.is(seen, 1, 'the withdrawal shows');
  const after = await (await app.fetch(path)).json() as { total: number };
  t.is(after.total, first.total, 'the page rendered before is not served stale');
});

test('concurrent misses for one page render it once', async (t) => {
  const app = await started(t);
  await (await app.fetch('/decisions?committee=adults-and-health')).arrayBuffer();
  const one = app.queries();
  await (await app.fetch('/decisions?committee=adults-and-health&part=key')).arrayBuffer();
  const perRender = app.queries() - one;
  const before = app.queries();
  const responses = await Promise.all(Array.from({ length: 20 }, () => app.fetch('/decisions?committee=adults-and-health&part=non_key')));
  const bodies = await Promise.all(responses.map(async (r) => Buffer.from(await r.arrayBuffer())));
  t.true(responses.every((r) => r.status === 200));
  t.true(bodies.every((b) => b.equals(bodies[0]!)));
  t.is(app.queries() - before, perRender, 'twenty requests, one render');
});

test('a signed-in member of staff is never served from the shared cache, nor fills it', async (t) => {
  const app = await started(t, { config: { trustProxy: true } });
  await addUser(app, 'editor@council.example.gov.uk', 'editor');
  const staff = new Browser(app);
  t.is((await staff.signIn('editor@council.example.gov.uk')).status, 303);

  const anonymous = await body(app, '/decisions');
  const hits = app.cache.stats().hits;
  const seenByStaff = await staff.get('/decisions');
  await seenByStaff.arrayBuffer();
  t.is(app.cache.stats().hits, hits, 'not served from the cache');
  t.regex(seenByStaff.headers.get('cache-control') ?? '', /private/);

  const stores = app.cache.stats().stores;
  await (await staff.get('/decisions?part=key')).arrayBuffer();
  t.is(app.cache.stats().stores, stores, 'not stored');
  const misses = app.cache.stats().misses;
  await (await app.fetch('/decisions?part=key')).arrayBuffer();
  t.is(app.cache.stats().misses, misses + 1, 'the public copy is rendered for the public');
  t.true(anonymous.bytes.length > 0);
});

test('pages are rendered afresh after midnight in London, when what is overdue changes', async (t) => {
  const app = await started(t, { now: '2024-02-26T23:59:00Z' });
  await (await app.fetch('/')).arrayBuffer();
  const before = app.queries();
  await (await app.fetch('/')).arrayBuffer();
  t.is(app.queries(), before);
  app.clock.set('2024-02-27T00:00:01Z');
  await (await app.fetch('/')).arrayBuffer();
  t.true(app.queries() > before, 'a new day, a new render');
});
