import test from 'ava';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { decodeEntities } from '../helpers/html.ts';

let app: TestApp;
test.before(async () => {
  app = await startTestApp({ sample: true });
});
test.after.always(async () => {
  await app?.close();
});

async function html(path: string, status = 200): Promise<string> {
  const response = await app.fetch(path);
  if (response.status !== status) throw new Error(`${path}: expected ${status}, got ${response.status}`);
  return response.text();
}


test('the home page shows the latest plan: all four parts, new and previously advertised, as printed', async (t) => {
  const page = decodeEntities(await html('/'));
  t.regex(page, /Peterborough City Council/);
  t.regex(page, /Published<\/dt>\s*<dd[^>]*>23 February 2024/);
  t.regex(page, /Key decisions from<\/dt>\s*<dd[^>]*>25 March 2024/);
  for (const heading of ['Part 1 – Key decisions', 'Part 2 – Notice of intention to take decisions in private', 'Part 3 – Non-key decisions', 'Part 4 – Key decisions taken under urgency procedures']) {
    t.true(page.includes(heading), heading);
  }
  t.regex(page, /39 \(4 new, 35 previously advertised\)/);
  t.true(page.includes('KEY/11MARCH24/07'), 'references as printed');
  t.true(page.includes('27 February 2024 For Consideration'), 'date wording as printed');
  t.true(page.includes('28 clear days'), 'the standard explanation');
  const entries = page.match(/class="app-entry"/g) ?? [];
  t.is(entries.length, 39);
});

test('the decisions list filters by committee, combines filters and counts', async (t) => {
  const all = await html('/decisions?limit=100');
  t.regex(all, /39 decisions/);
  const children = await html('/decisions?committee=children-and-education');
  t.regex(children, /9 decisions match your filters/);
  const combined = await html('/decisions?committee=children-and-education&part=private');
  t.regex(combined, /1 decision match your filters/);
  t.true(combined.includes('Development For the First Primary School in Great Haddon'));
  const two = await html('/decisions?committee=children-and-education&committee=adults-and-health');
  t.regex(two, /15 decisions match/);
});

test('search finds a reference as printed or in canonical form, in any case', async (t) => {
  for (const q of ['KEY/11MARCH24/07', 'KEY/11MAR24/07', 'key/11mar24/7']) {
    const { items, total } = await (await app.fetch(`/api/v1/decisions?q=${encodeURIComponent(q)}`)).json() as { items: { reference: string }[]; total: number };
    t.is(total, 1, q);
    t.is(items[0]!.reference, 'KEY/11MARCH24/07');
  }
  const words = await (await app.fetch('/api/v1/decisions?q=recycling')).json() as { total: number };
  t.is(words.total, 2);
});

test('ward, directorate, maker, status and date filters', async (t) => {
  const json = async (q: string) => (await (await app.fetch(`/api/v1/decisions?${q}&limit=100`)).json()) as { total: number; items: { expectedDate: { date: string } }[] };
  t.is((await json('directorate=place-and-economy')).total, 18);
  t.is((await json('maker=gavin-elsey')).total, 7);
  // Of the 39: 29 affect all wards, 3 list Central, 3 list other wards only, 4 affect no ward.
  t.is((await json('ward=central')).total, 32, 'a ward includes the 29 decisions for all wards and the 3 that list it');
  t.is((await json('ward=north')).total, 30, 'the 29 for all wards and the 1 that lists North');
  t.is((await json('status=withdrawn')).total, 0);
  const march = await json('from=2024-03-01&to=2024-03-31');
  t.true(march.items.every((i) => i.expectedDate.date >= '2024-03-01' && i.expectedDate.date <= '2024-03-31'));
  t.is(march.total, 22, '11 + 4 + 4 + 2 + 1 dated days in March 2024');
  const may = await json('from=2024-05-15&to=2024-05-20');
  t.is(may.total, 2, '"May 2024" overlaps any range in May');
});

test('a decision page shows every field and its history across plans', async (t) => {
  const { items } = (await (await app.fetch('/api/v1/decisions?q=KEY/25MAR24/02')).json()) as { items: { id: number }[] };
  const page = decodeEntities(await html(`/decisions/${items[0]!.id}`));
  for (const text of ['Peterborough Housing Strategy 2024-2029', 'Cabinet', '17 June 2024', 'Growth, Resources and Communities Scrutiny Committee', 'All wards', 'Six-week period of public consultation', 'Anne Keogh', 'Place and Economy', 'Final version of the Housing Strategy']) {
    t.true(page.includes(text), text);
  }
  t.regex(page, /First listed in the plan published <a[^>]+>23 February 2024/);
});

test('a private decision shows the public notice of why, from Schedule 12A', async (t) => {
  const { items } = (await (await app.fetch('/api/v1/decisions?part=private&q=KEY/26FEB24/02')).json()) as { items: { id: number; exemption: { paragraph: number } }[] };
  t.is(items[0]!.exemption.paragraph, 3);
  const page = decodeEntities(await html(`/decisions/${items[0]!.id}`));
  t.true(page.includes('Paragraph 3 of Part 1 of Schedule 12A'));
});

test('the archive lists published plans and a plan page shows its snapshot', async (t) => {
  const archive = await html('/plans');
  t.true(archive.includes('/plans/2024-02-23'));
  const plan = await html('/plans/2024-02-23');
  t.true(plan.includes('KEY/27FEB23/08'));
  await html('/plans/2024-02-24', 404);
  await html('/plans/not-a-date', 404);
  const api = (await (await app.fetch('/api/v1/plans/2024-02-23')).json()) as { publishedOn: string; counts: Record<string, number> };
  t.like(api, { publishedOn: '2024-02-23', counts: { key: 28, private: 6, non_key: 5, urgent: 0, total: 39, new: 4, previous: 35 } });
});

test('committee pages show the remit and the decisions in it', async (t) => {
  const index = await html('/committees');
  t.true(index.includes('/committees/children-and-education'));
  const page = await html('/committees/children-and-education');
  t.regex(page, /Remit/);
  t.regex(page, /9 decisions/);
  await html('/committees/no-such-committee', 404);
  await html('/wards/central');
  await html('/directorates/place-and-economy');
  await html('/decision-makers/cabinet');
});

const badQueries: [string, RegExp][] = [
  ['from=notadate', /'from' must be a real date/],
  ['page=-1', /'page' must be a whole number from 1 to 10000/],
  ['limit=100000', /'limit' must be a whole number from 1 to 100/],
  ['part=bogus', /'part' must be one of key, private, non_key, urgent/],
  [`q=${'x'.repeat(10_000)}`, /'q' must be 200 characters or fewer/],
  ['committee=no-such-committee', /no scrutiny committee called 'no-such-committee'/],
  ['from=2024-04-01&to=2024-03-01', /'from' must be on or before 'to'/],
  ['page=1&page=2', /Give 'page' only once/],
  ['ward=%3Cscript%3E', /short name used in addresses/],
];

for (const [query, message] of badQueries) {
  test(`?${query.slice(0, 40)} is a 400 that says what is wrong, in HTML and JSON`, async (t) => {
    const page = await app.fetch(`/decisions?${query}`);
    t.is(page.status, 400);
    t.regex(decodeEntities(await page.text()), message);
    const api = await app.fetch(`/api/v1/decisions?${query}`);
    t.is(api.status, 400);
    const body = (await api.json()) as { error: { details: string[] } };
    t.regex(body.error.details.join(' '), message);
  });
}

test('unknown ids are 404 pages, never 500', async (t) => {
  for (const path of ['/decisions/99999', '/decisions/abc', '/decisions/1e3', '/decisions/99999999999999', '/no-such-page']) {
    const response = await app.fetch(path);
    t.is(response.status, 404, path);
    t.regex(response.headers.get('content-type') ?? '', /text\/html/);
  }
  t.is((await app.fetch('/api/v1/decisions/99999')).status, 404);
});

test('health and readiness', async (t) => {
  t.deepEqual(await (await app.fetch('/healthz')).json(), { status: 'ok' });
  t.like(await (await app.fetch('/readyz')).json(), { database: 'ok' });
});

test('pages carry security headers and work without JavaScript', async (t) => {
  const response = await app.fetch('/decisions');
  t.regex(response.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  t.is(response.headers.get('x-content-type-options'), 'nosniff');
  const body = await response.text();
  t.regex(body, /<form method="get" action="\/decisions"/, 'filters are a plain GET form');
});

test('the JSON API returns what the database holds', async (t) => {
  const { items, total } = (await (await app.fetch('/api/v1/decisions?limit=100')).json()) as { items: { id: number; title: string; part: string }[]; total: number };
  const rows = await app.deps.db.selectFrom('decisions').select(['id', 'title', 'part']).where('status', '<>', 'draft').execute();
  t.is(total, rows.length);
  t.deepEqual(items.map((i) => i.id).sort((a, b) => a - b), rows.map((r) => r.id).sort((a, b) => a - b));
  const one = (await (await app.fetch(`/api/v1/decisions/${rows[0]!.id}`)).json()) as { title: string; history: { plans: unknown[] } };
  t.is(one.title, rows[0]!.title);
  t.is(one.history.plans.length, 1);
});
