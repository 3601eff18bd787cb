import test from 'ava';
import { decisionIdByReference, startFeedsApp, text, type FeedsApp } from './helpers.ts';
import { decodeEntities as decode } from '../helpers/html.ts';

let app: FeedsApp;
test.before(async () => {
  app = await startFeedsApp();
});
test.after.always(async () => {
  await app?.close();
});


function alternates(html: string): { type: string; title: string; href: string }[] {
  return [...html.matchAll(/<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)">/g)].map(([, type, title, href]) => ({
    type: type!,
    title: decode(title!),
    href: decode(href!),
  }));
}

const TYPES = ['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'text/calendar'];

async function checkPage(t: import('ava').ExecutionContext, path: string, query: string, scope: RegExp) {
  const html = await text(app, path);
  const links = alternates(html);
  t.deepEqual(links.map((l) => l.type), TYPES, `${path}: every format in the head`);
  t.deepEqual(
    links.map((l) => l.href),
    ['rss', 'atom', 'json', 'ics'].map((f) => `/feeds/decisions.${f}${query}`),
    path,
  );
  t.true(links.every((l) => scope.test(l.title)), `${path}: titles name the scope`);
  // Visible on the page too, with the way to subscribe.
  const body = decode(html.slice(html.indexOf('<main')));
  for (const link of links) t.true(body.includes(`href="${link.href}"`), `${path}: ${link.href} shown`);
  t.true(body.includes(`href="/subscribe${query}"`), `${path}: subscribe link`);
  t.regex(body, new RegExp(`Follow ${scope.source}`));
  // Every advertised feed answers with its type (the councilmatic check).
  for (const link of links) {
    const response = await app.fetch(link.href);
    t.is(response.status, 200, link.href);
    t.is(response.headers.get('content-type'), `${link.type}; charset=utf-8`);
    await response.arrayBuffer();
  }
}

test('the plan pages link to the feeds of all decisions', async (t) => {
  await checkPage(t, '/', '', /all decisions/);
  await checkPage(t, '/plans/2024-02-23', '', /all decisions/);
});

test('the decisions list links to feeds of its current filters', async (t) => {
  await checkPage(
    t,
    '/decisions?part=key&committee=children-and-education&page=2',
    '?committee=children-and-education&part=key',
    /decisions of the Children and Education Scrutiny Committee, in Part 1 – Key decisions/,
  );
  await checkPage(t, '/decisions?q=housing', '?q=housing', /decisions matching “housing”/);
});

test('committee, ward, directorate and decision-maker pages link to their feeds', async (t) => {
  await checkPage(t, '/committees/children-and-education', '?committee=children-and-education', /decisions of the Children and Education Scrutiny Committee/);
  await checkPage(t, '/wards/central', '?ward=central', /decisions affecting Central ward/);
  await checkPage(t, '/directorates/place-and-economy', '?directorate=place-and-economy', /decisions from the Place and Economy directorate/);
  await checkPage(t, '/decision-makers/gavin-elsey', '?maker=gavin-elsey', /decisions to be taken by Gavin Elsey/);
});

test('a decision page links to the feeds and calendar of that decision alone', async (t) => {
  const id = await decisionIdByReference(app, 'KEY/25MAR24/02');
  await checkPage(t, `/decisions/${id}`, `?id=${id}`, /this decision/);
});

test('/subscribe explains each app and gives the addresses for the current filters', async (t) => {
  const html = decode(await text(app, '/subscribe?part=key&committee=children-and-education'));
  const query = '?committee=children-and-education&part=key';
  const base = 'https://forwardplan.example.gov.uk';
  t.true(html.includes(`value="${base}/feeds/decisions.ics${query}"`), 'https calendar address to copy');
  t.true(html.includes(`value="webcal://forwardplan.example.gov.uk/feeds/decisions.ics${query}"`), 'webcal address');
  t.true(html.includes(`href="webcal://forwardplan.example.gov.uk/feeds/decisions.ics${query}"`), 'one-tap subscription');
  for (const format of ['rss', 'atom', 'json']) t.true(html.includes(`value="${base}/feeds/decisions.${format}${query}"`), format);
  for (const app of ['Outlook', 'Google Calendar', 'Apple Calendar', 'feed reader']) t.true(html.includes(app), app);
  t.regex(html, /You are following decisions of the Children and Education Scrutiny Committee, in Part 1 – Key decisions\./);
  t.regex(html, /<h2 class="govuk-heading-l" id="email-alerts">Email alerts<\/h2>/);
  t.true(html.includes(`href="/alerts/new${query}"`));
  t.false(/<script(?![^>]*src=)[^>]*>(?!document\.body\.className)[^<]/.test(html), 'no script of its own');
  const labelled = [...html.matchAll(/<input[^>]*id="([^"]+)"/g)].map(([, id]) => id!);
  t.true(labelled.length >= 5);
  for (const id of labelled) t.true(html.includes(`<label class="govuk-label govuk-label--s" for="${id}">`), `input ${id} has a label`);
});

test('/subscribe refuses a bad filter as the list does, and follows one decision', async (t) => {
  const bad = await app.fetch('/subscribe?committee=nope');
  t.is(bad.status, 400);
  t.regex(await bad.text(), /There is no scrutiny committee called &#39;nope&#39;|There is no scrutiny committee called 'nope'/);
  const id = await decisionIdByReference(app, 'KEY/25MAR24/02');
  const one = decode(await text(app, `/subscribe?id=${id}`));
  t.regex(one, /You are following the decision “Peterborough Housing Strategy 2024-2029” \(KEY\/25MAR24\/02\)/);
  t.true(one.includes(`/feeds/decisions.ics?id=${id}`));
  t.true(one.includes('href="/alerts/new?q=KEY%2F25MAR24%2F02"'), 'alerts follow one decision by its reference');
});
