import test from 'ava';
import fc from 'fast-check';
import { request } from 'node:http';
import { isAdminPath } from '../../src/auth/require-role.ts';
import { allRoutes } from '../../src/routes.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

/*
 * Whatever is sent to a public address, the answer is never a 5xx, never a stack trace and never
 * a redirect to another site. Every public GET and POST route is found in src/routes.ts (a new
 * one is covered without touching this file) and gets random and malformed path parameters,
 * query strings, headers and bodies. Requests go out through node:http with the path exactly as
 * built, so dot segments and broken percent-encoding reach the service unnormalised.
 *
 * Seeded (each route its own seed, derived from FUZZ_SEED) and bounded to fit in `npm test`:
 * 12 cases per GET route, 25 per POST route. FUZZ_SEED and FUZZ_RUNS (cases per route) explore
 * further: FUZZ_SEED=7 FUZZ_RUNS=200 npx ava --timeout=10m test/http/fuzz.test.ts.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20240223);
const GET_RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const POST_RUNS = Number(process.env.FUZZ_RUNS ?? 25);

// Started before the tests are declared (top-level await), so that each route is a test of its
// own; AVA takes declarations only after the last await.
const app: TestApp = await startTestApp({ sample: true, config: { trustProxy: true } });
const port = Number(new URL(app.url).port);
const real = {
  ids: (await app.deps.db.selectFrom('decisions').select('id').orderBy('id').limit(5).execute()).map((r) => String(r.id)),
  slugs: [] as string[],
  dates: (await app.deps.db.selectFrom('plans').select('published_on').execute()).map((r) => r.published_on),
};
for (const table of ['committees', 'wards', 'directorates', 'decision_makers'] as const) {
  real.slugs.push(...(await app.deps.db.selectFrom(table).select('slug').limit(3).execute()).map((r) => r.slug));
}
const csrf = await (async () => {
  const signIn = await app.fetch('/sign-in');
  const cookie = signIn.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await signIn.text())?.[1];
  if (!token) throw new Error('no _csrf field on /sign-in');
  return { cookie, token };
})();
test.after.always(async () => {
  await app.close();
});

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

function send({ method, path, headers, body }: Sent): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: body ? { ...headers, 'Content-Length': String(body.length) } : headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Percent-encodes every byte of the UTF-8 form but the unreserved characters (lone surrogates too, as U+FFFD). */
const pct = (text: string) => [...Buffer.from(text, 'utf8')].map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

// Pieces that are sent as they are: broken or surprising percent-encoding and URL punctuation.
const GARBAGE = ['%', '%%', '%ZZ', '%E0%A4%A', '%C3%28', '%ED%A0%80', '%FF%FE', '%C0%AF', '%2F', '%2e%2e', '..', '.', '//', '%5C', '%0D%0A', '+', '%20', '~', ';', '%23', '%3F', '%26', '=', '[', ']', '%u0041', 'é', '\u00ff'];
const garbage = fc.array(fc.constantFrom(...GARBAGE), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
const unicode = fc.string({ unit: 'binary', maxLength: 40 }).map(pct);
const ascii = fc.string({ unit: 'binary-ascii', maxLength: 40 }).map(pct);
const numberish = fc.oneof(
  fc.constantFrom('0', '-1', '1e3', '2147483647', '2147483648', '9999999999', '99999999999999999999', 'NaN', 'Infinity', '0x10', '1.5', '+1', '007'),
  fc.integer().map(String),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
);
const dateish = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(
    ([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  ),
  fc.constantFrom('0000-01-01', '0001-01-01', '9999-12-31', '99999-01-01', '2024-02-30', '2024-02-23T09:00', '23/02/2024'),
);
const huge = fc.constantFrom('x'.repeat(3000), '%41'.repeat(1500), 'a,'.repeat(500));
const realValue = fc.constantFrom('key', 'private', 'non_key', 'urgent', 'planned', 'deferred', 'taken', 'withdrawn', 'draft', 'general', 'yes', '1', 'recycling', 'KEY/11MAR24/07');
const value = fc.oneof(
  { weight: 3, arbitrary: fc.oneof(realValue, fc.constantFrom(...real.ids)) },
  { weight: 3, arbitrary: unicode },
  { weight: 2, arbitrary: ascii },
  { weight: 2, arbitrary: garbage },
  { weight: 2, arbitrary: numberish },
  { weight: 2, arbitrary: dateish },
  { weight: 1, arbitrary: huge },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constant('%00') },
);

const QUERY_KEYS = ['committee', 'ward', 'directorate', 'maker', 'part', 'status', 'from', 'to', 'q', 'page', 'limit', 'id', 'decision', 'member', 'overdue', 'key', 'returnTo', 'signedOut', 'removed', 'done', 'keep'];
const key = fc
  .tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...QUERY_KEYS) }, { weight: 1, arbitrary: unicode }, { weight: 1, arbitrary: garbage }), fc.constantFrom('', '', '', '[]', '[a]', '[0]', '[a][b]', '[__proto__]'))
  .map(([name, shape]) => name + shape);
const pairs = fc.array(fc.tuple(key, value, fc.constantFrom('=', '=', '', '==')), { maxLength: 8 });
const queryString = fc.oneof(
  { weight: 6, arbitrary: pairs.map((list) => list.map(([k, v, eq]) => (eq === '' ? k : `${k}${eq}${v}`)).join('&')) },
  { weight: 1, arbitrary: garbage },
  { weight: 1, arbitrary: fc.constant('&&&=&') },
  { weight: 1, arbitrary: fc.array(fc.constant('q=a'), { minLength: 1001, maxLength: 1001 }).map((list) => list.join('&')) },
);

/** A path parameter: a real value of the kind the name suggests, or anything else. */
function param(name: string): fc.Arbitrary<string> {
  const realOnes = /id$/i.test(name) ? real.ids : name === 'date' ? real.dates : name === 'slug' ? real.slugs : [];
  const likely = name === 'reference' ? ['FPC-2024-000001', 'FPC-0000-000000'] : name === 'token' ? ['A'.repeat(43), 'not-a-token'] : [];
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...realOnes, ...likely, 'x') },
    { weight: 2, arbitrary: unicode.filter((s) => s !== '') },
    { weight: 2, arbitrary: garbage },
    { weight: 1, arbitrary: numberish.map(pct) },
    { weight: 1, arbitrary: dateish },
    { weight: 1, arbitrary: fc.constant('a'.repeat(5000)) },
  );
}

const printable = fc.string({ unit: 'grapheme-ascii', maxLength: 60 });
const extraHeaders = fc.record(
  {
    Cookie: fc.oneof(printable.map((v) => `fp_session=${v}; fp_csrf=${v}`), fc.constantFrom('fp_session=%E0%A4%A', 'fp_csrf=; fp_csrf=x', '=', ';;;', 'fp_session="unterminated')),
    'If-None-Match': fc.oneof(printable, fc.constantFrom('*', 'W/"x"', '"a", W/"b"', 'W/')),
    'If-Modified-Since': fc.oneof(printable, fc.constantFrom('Mon, 01 Jan 0000 00:00:00 GMT', 'Fri, 31 Dec 99999 23:59:59 GMT', '0', '-1')),
    'Accept-Encoding': fc.oneof(printable, fc.constantFrom('br;q=0, gzip;q=2', '*;q=NaN', 'identity;q=0')),
    Accept: fc.oneof(printable, fc.constantFrom('application/json', 'text/calendar', '*/*;q=x')),
    'X-Forwarded-For': fc.oneof(fc.ipV4(), fc.ipV6(), printable),
    'X-Forwarded-Proto': fc.constantFrom('https', 'http', 'gopher', ''),
  },
  { requiredKeys: [] },
);

/** The path of a route with each parameter put in. */
const fill = (path: string, values: string[]) => {
  let i = 0;
  return path.replace(/:[A-Za-z]+/g, () => values[i++] ?? 'x');
};
const paramNames = (path: string) => [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);

type Answer = Awaited<ReturnType<typeof send>>;

/** How many answers had each status, for the log: it shows how far into the routes the cases got. */
function tally(statuses: Map<number, number>, status: number): void {
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
}
const described = (statuses: Map<number, number>) => [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ');

/** What must hold for every answer; returns the problem, or undefined. */
function problemWith(answer: Answer): string | undefined {
  if (answer.status >= 500) return `status ${answer.status}: ${answer.text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 300)}`;
  if (/\n\s+at .+:\d+:\d+/.test(answer.text)) return 'a stack trace in the body';
  const location = answer.headers.location;
  if (typeof location === 'string' && (!location.startsWith('/') || location.startsWith('//') || location.startsWith('/\\'))) return `a redirect to ${location}`;
  return undefined;
}

function publicRoutes(method: string) {
  const paths = allRoutes(app.deps)
    .flatMap((router) => router.stack)
    .filter((layer) => layer.methods.includes(method) && typeof layer.path === 'string' && !isAdminPath(layer.path))
    .map((layer) => layer.path as string);
  return [...new Set(paths)];
}

/** A seed of each route's own, so routes get different cases while every run repeats the last. */
const seedFor = (label: string) => [...label].reduce((hash, c) => Math.imul(hash ^ c.charCodeAt(0), 16_777_619) >>> 0, SEED >>> 0);

const GET_ROUTES = publicRoutes('GET');
const POST_ROUTES = publicRoutes('POST');

test('the public routes are found in src/routes.ts', (t) => {
  for (const route of ['/decisions', '/decisions/:id', '/feeds/decisions.ics', '/plans/:date.pdf', '/comments/new', '/alerts/manage/:token']) t.true(GET_ROUTES.includes(route), `GET ${route}`);
  for (const route of ['/comments', '/sign-in', '/alerts/new', '/alerts/unsubscribe/:token']) t.true(POST_ROUTES.includes(route), `POST ${route}`);
  t.false([...GET_ROUTES, ...POST_ROUTES].some(isAdminPath), 'no staff page');
});

for (const route of GET_ROUTES) {
  test.serial(`GET ${route}: random and malformed path parameters, query strings and headers never get a 5xx`, async (t) => {
    const arbitrary = fc.record({
      params: fc.tuple(...paramNames(route).map(param)),
      query: fc.option(queryString, { freq: 5 }),
      headers: fc.option(extraHeaders, { freq: 2 }),
    });
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ params, query, headers }) => {
        const path = fill(route, params) + (query === null ? '' : `?${query}`);
        const answer = await send({ method: 'GET', path, headers: headers ?? {} });
        tally(statuses, answer.status);
        const problem = problemWith(answer);
        if (problem) throw new Error(`GET ${path.slice(0, 300)} (headers ${JSON.stringify(headers)}): ${problem}`);
      }),
      { seed: seedFor(`GET ${route}`), numRuns: GET_RUNS },
    );
    t.log(`seed ${seedFor(`GET ${route}`)}: ${described(statuses)}`);
    t.is([...statuses.values()].reduce((a, b) => a + b, 0), GET_RUNS, 'every case was answered');
  });
}

const FORM = 'application/x-www-form-urlencoded';
const FORM_FIELDS = ['comment', 'name', 'email', 'telephone', 'address', 'responder', 'decision', 'website', 'password', 'returnTo', 'subscription', 'List-Unsubscribe'];
const formBody = fc
  .record({
    token: fc.oneof({ weight: 4, arbitrary: fc.constant('valid') }, { weight: 1, arbitrary: fc.constantFrom('missing', 'twice') }, { weight: 1, arbitrary: unicode }),
    fields: fc.array(fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FORM_FIELDS) }, { weight: 1, arbitrary: key }), value), { maxLength: 10 }),
  })
  .map(({ token, fields }) => {
    const csrfPart = token === 'valid' ? [`_csrf=${csrf.token}`] : token === 'missing' ? [] : token === 'twice' ? [`_csrf=${csrf.token}`, '_csrf=x'] : [`_csrf=${token}`];
    return Buffer.from([...csrfPart, ...fields.map(([k, v]) => `${k}=${v}`)].join('&'), 'latin1');
  });
const otherBody = fc.oneof(
  { weight: 2, arbitrary: formBody },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((json) => Buffer.from(JSON.stringify(json) ?? 'null')) },
  { weight: 1, arbitrary: fc.constant(Buffer.from(`--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n`)) },
  { weight: 1, arbitrary: fc.constant(Buffer.from(`_csrf=TOKEN&comment=${'x'.repeat(70_000)}`)) },
  { weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) },
);
const otherType = fc.option(
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(`${FORM}; charset=latin1`, `${FORM}; charset=bogus`, `${FORM}; charset=utf-16`, 'multipart/form-data; boundary=x', 'multipart/form-data', 'application/json', 'text/plain', 'application/xml', '*/*', 'form') },
    { weight: 1, arbitrary: printable },
    { weight: 1, arbitrary: fc.constant(FORM) },
  ),
  { freq: 6 },
);
// Most cases are forms as a browser sends them (so they get past the token check to the
// route); the rest pair any body with any content type.
const payload = fc.oneof(
  { weight: 3, arbitrary: fc.record({ body: formBody, type: fc.constantFrom<string | null>(FORM, `${FORM}; charset=utf-8`, `${FORM}; charset=UTF-8`) }) },
  { weight: 1, arbitrary: fc.record({ body: otherBody, type: otherType }) },
);
// Mostly none: every coding but identity is refused (415) before the body is read.
const contentEncoding = fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-unknown', 'gzip, br') });

for (const route of POST_ROUTES) {
  test.serial(`POST ${route}: random bodies, content types, encodings and query strings never get a 5xx`, async (t) => {
    const arbitrary = fc.record({
      params: fc.tuple(...paramNames(route).map(param)),
      query: fc.option(queryString, { freq: 3 }),
      payload,
      encoding: contentEncoding,
      headers: fc.option(extraHeaders, { freq: 3 }),
      client: fc.ipV4(),
    });
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ params, query, payload: { body, type }, encoding, headers, client }) => {
        const path = fill(route, params) + (query === null ? '' : `?${query}`);
        const sent: Record<string, string> = { 'X-Forwarded-For': client, ...headers, Cookie: [csrf.cookie, headers?.Cookie].filter(Boolean).join('; ') };
        if (type !== null) sent['Content-Type'] = type;
        if (encoding !== null) sent['Content-Encoding'] = encoding;
        const answer = await send({ method: 'POST', path, headers: sent, body: Buffer.from(body.toString('latin1').replace('TOKEN', csrf.token), 'latin1') });
        tally(statuses, answer.status);
        const problem = problemWith(answer);
        if (problem) throw new Error(`POST ${path.slice(0, 300)} (${JSON.stringify(sent)}) ${body.toString('latin1').slice(0, 300)}: ${problem}`);
      }),
      { seed: seedFor(`POST ${route}`), numRuns: POST_RUNS },
    );
    t.log(`seed ${seedFor(`POST ${route}`)}: ${described(statuses)}`);
    t.is([...statuses.values()].reduce((a, b) => a + b, 0), POST_RUNS, 'every case was answered');
  });
}
