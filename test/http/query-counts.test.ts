import test from 'ava';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { addManyDecisions, publicPages, type PublicPage } from '../../scripts/many-decisions.ts';

/*
 * How many queries each public page sends, on the sample plan (39 decisions) and on a large
 * council's (1,000 live decisions in one plan, over 12 committees): a page of decisions costs a
 * few queries whatever it lists, so the two counts are equal and small. A query per row (an N+1)
 * would make the large council's count grow by the rows on the page.
 */

/** Every page of decisions fits in this many queries, the council's details (the layout's header) and settings (the plan's explanations) included. */
const MOST_QUERIES = 4;

interface CountingApp extends TestApp {
  /** Queries answered while fetching `path`, its status and body. */
  get(path: string): Promise<{ status: number; queries: number; body: string }>;
}

async function countingApp(options: { many: boolean }): Promise<CountingApp> {
  // Koa alone: a request the response cache answered would send no query at all.
  const app = await startTestApp({
    sample: true,
    now: '2024-03-11T10:00:00Z',
    cache: false,
    // No LISTEN: starting to listen sends a query of its own, which would count against a feed.
    listen: false,
    prepare: async (handle) => {
      if (options.many) await addManyDecisions(handle.db, { total: 1_000 });
    },
  });
  return {
    ...app,
    async get(path) {
      // The council's details and settings are cached for a minute: forgotten here, so each count includes them.
      app.deps.council.forget();
      app.deps.settings.forget();
      const before = app.queries();
      const response = await app.fetch(path);
      const body = await response.text();
      return { status: response.status, queries: app.queries() - before, body };
    },
  };
}

async function countsOf(app: CountingApp, pages: PublicPage[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const page of pages) {
    const { status, queries } = await app.get(page.path);
    if (status !== 200) throw new Error(`${page.path}: ${status}`);
    counts.set(page.name, queries);
  }
  return counts;
}

// Serial: the count is of every query the app sends, so two requests at once would mix theirs.
let sample: CountingApp;
let many: CountingApp;
test.before(async () => {
  [sample, many] = await Promise.all([countingApp({ many: false }), countingApp({ many: true })]);
});
test.after.always(async () => {
  await Promise.all([sample?.close(), many?.close()]);
});

test.serial('the large council really is large: its current plan lists 1,000 decisions', async (t) => {
  const { status, body } = await many.get('/');
  t.is(status, 200);
  t.is(body.match(/<article class="app-entry"/g)?.length, 1_000);
  t.regex(body, /1000 \(961 new, 39 previously advertised\)/);
});

test.serial(`every public page and API response sends at most ${MOST_QUERIES} queries, on the sample plan and on 1,000 decisions alike`, async (t) => {
  const small = await countsOf(sample, await publicPages(sample.handle.db));
  const large = await countsOf(many, await publicPages(many.handle.db));
  t.is(large.size, small.size);
  for (const [name, queries] of large) {
    const few = small.get(name);
    t.true(queries <= MOST_QUERIES, `${name}: ${queries} queries`);
    t.is(queries, few ?? -1, `${name}: ${queries} queries with 1,000 decisions, ${few} with 39`);
  }
});

test.serial('a page of decisions is one query for the decisions, their links and the count', async (t) => {
  // The council, the filter form's choices (which also check the slugs), and the page itself.
  t.is((await many.get('/decisions?limit=100')).queries, 3);
  t.is((await many.get('/decisions?committee=extra-scrutiny-committee-1&ward=central&q=school')).queries, 3);
  // The API has no filter form: one query checks the slugs, one reads the page.
  t.is((await many.get('/api/v1/decisions?committee=extra-scrutiny-committee-1&limit=100')).queries, 2);
  t.is((await many.get('/api/v1/decisions?limit=100')).queries, 1);
});

test.serial('a page past the end still says how many decisions match', async (t) => {
  const { status, body } = await many.get('/api/v1/decisions?committee=extra-scrutiny-committee-1&page=400');
  t.is(status, 200);
  const json = JSON.parse(body) as { items: unknown[]; total: number };
  t.deepEqual(json.items, []);
  const first = JSON.parse((await many.get('/api/v1/decisions?committee=extra-scrutiny-committee-1')).body) as { total: number };
  t.true(first.total > 25);
  t.is(json.total, first.total);
});

test.serial('each decision on a page brings its own committees and wards, as the separate queries did', async (t) => {
  const { body } = await many.get('/api/v1/decisions?limit=100&ward=central');
  const { items } = JSON.parse(body) as { items: { id: number; scrutinyCommittees: { slug: string }[]; wards: { scope: string; wards: { slug: string; name: string }[] } }[] };
  t.is(items.length, 100);
  const links = await many.handle.db
    .selectFrom('decision_committees')
    .innerJoin('committees', 'committees.id', 'decision_committees.committee_id')
    .select(['decision_committees.decision_id', 'committees.slug'])
    .where('decision_committees.decision_id', 'in', items.map((i) => i.id))
    .orderBy('decision_committees.position')
    .execute();
  for (const item of items) {
    t.deepEqual(item.scrutinyCommittees.map((c) => c.slug), links.filter((l) => l.decision_id === item.id).map((l) => l.slug), `decision ${item.id}`);
    const names = item.wards.wards.map((w) => w.name);
    t.deepEqual(names, [...names].sort(), 'wards by name');
    t.true(item.wards.scope === 'all' || item.wards.wards.some((w) => w.slug === 'central'), 'the ward filter holds');
  }
});

test.serial('a cold render of a feed is three queries, for 39 decisions and for 1,000 alike', async (t) => {
  // The council's name, the events (or the decisions in scope), and the decisions behind them (or their revisions).
  const feeds = [
    { path: '/feeds/decisions.rss', items: (body: string) => body.match(/<item>/g)?.length },
    { path: '/feeds/decisions.atom', items: (body: string) => body.match(/<entry>/g)?.length },
    { path: '/feeds/decisions.json', items: (body: string) => (JSON.parse(body) as { items: unknown[] }).items.length },
    { path: '/feeds/decisions.ics', items: (body: string) => body.match(/BEGIN:VEVENT/g)?.length },
  ];
  for (const { path, items } of feeds) {
    for (const app of [sample, many]) {
      // Forgotten, so the feed is rendered from the database rather than served from the feed cache.
      app.deps.feeds.invalidate();
      const { status, queries, body } = await app.get(path);
      t.is(status, 200, path);
      t.true((items(body) ?? 0) >= 30, `${path} lists its items`);
      t.is(queries, 3, `${path}: ${queries} queries for ${items(body)} items`);
    }
  }
});
