import test from 'ava';
import { allRoutes } from '../../src/routes.ts';
import type { TestApp } from '../helpers/app.ts';
import { Browser, commentForm, decisionId, decode, staff, startCommentsApp, submit } from './helpers.ts';

let app: TestApp;
let close: () => Promise<void>;
test.before(async () => {
  ({ app, close } = await startCommentsApp());
});
test.after.always(() => close?.());

const MARKERS = ['ZQXMARKERNAME', 'zqxmarker@example.org', '01632 960 123', 'ZQXMARKERADDRESS', 'ZQXMARKERRESPONSE'];

/** Values for the public routes' path parameters, taken from the sample data. */
async function paramsFor(path: string, decision: number, reference: string): Promise<Record<string, string>> {
  const slugOf = async (table: 'committees' | 'wards' | 'directorates' | 'decision_makers') =>
    (await app.deps.db.selectFrom(table).select('slug').orderBy('id').executeTakeFirstOrThrow()).slug;
  const slug = path.startsWith('/committees') ? await slugOf('committees')
    : path.startsWith('/wards') ? await slugOf('wards')
    : path.startsWith('/directorates') ? await slugOf('directorates')
    : await slugOf('decision_makers');
  return { id: String(decision), date: '2024-02-23', slug, reference, token: 'x'.repeat(43), kind: 'general-exception' };
}

test("contact details never appear on any public page, feed or API, even about the decision they commented on", async (t) => {
  const decision = await decisionId(app, 'KEY/25MAR24/01');
  const browser = new Browser(app);
  const response = await submit(browser, commentForm({
    decision: String(decision),
    comment: 'A comment for the privacy check',
    name: 'ZQXMARKERNAME',
    email: 'zqxmarker@example.org',
    telephone: '01632 960 123',
    address: 'ZQXMARKERADDRESS',
  }), `/comments/new?decision=${decision}`);
  t.is(response.status, 303);
  const thanksPath = response.headers.get('location')!;
  const reference = /FPC-\d{4}-\d{6}/.exec(thanksPath)![0];
  const { id } = await app.deps.db.selectFrom('comments').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
  const editor = await staff(app, 'editor');
  t.is((await editor.post(`/admin/comments/${id}/respond`, { response: 'ZQXMARKERRESPONSE', method: 'letter' })).status, 303);

  const paths = new Set<string>([thanksPath, `/comments/new?decision=${decision}`, `/decisions?maker=gavin-elsey`, `/api/v1/decisions?limit=100`]);
  for (const router of allRoutes(app.deps)) {
    for (const layer of router.stack) {
      if (!layer.methods.includes('GET') || typeof layer.path !== 'string' || layer.path.startsWith('/admin')) continue;
      paths.add(layer.paramNames.length ? layer.url(await paramsFor(layer.path, decision, reference)) : layer.path);
    }
  }
  // And every feed and data link the decision's own page offers.
  const decisionPage = await (await app.fetch(`/decisions/${decision}`)).text();
  for (const [, href] of decisionPage.matchAll(/href="(\/(?:feeds|api)\/[^"]+)"/g)) paths.add(href!.replace(/&amp;/g, '&'));

  t.log(`${paths.size} public addresses checked`);
  for (const path of paths) {
    const body = await (await app.fetch(path)).text();
    for (const marker of MARKERS) t.false(body.toLowerCase().includes(marker.toLowerCase()), `${marker} on ${path}`);
  }
  const staffPage = await (await editor.get(`/admin/comments/${id}`)).text();
  t.true(staffPage.includes('ZQXMARKERNAME') && staffPage.includes('zqxmarker@example.org'), 'the check would see the markers if they were there');
});

test('the privacy notice says what is kept, why, who sees it and for how long, as configured', async (t) => {
  const world = await startCommentsApp({ commentRetentionMonths: 18 });
  t.teardown(world.close);
  const page = decode(await (await world.app.fetch('/comments/new')).text());
  t.true(page.includes('How we use your information'));
  t.true(page.includes('your name and contact details are deleted 18 months after your comment is closed'));
  t.true(page.includes('Who sees it:') && page.includes('never published on this website'));
  t.true(page.includes('Why:'));
});
