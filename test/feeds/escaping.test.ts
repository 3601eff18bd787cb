import test from 'ava';
import { decodeHtml, insertTrickyDecision, parseCalendar, parseJsonFeed, parseXmlFeed, startFeedsApp, text, TRICKY } from './helpers.ts';

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

test('&, <, quotes, £, dashes, emoji, ]]>, long text and line breaks round-trip through every format', async (t) => {
  const app = await startFeedsApp();
  t.teardown(app.close);
  const id = await insertTrickyDecision(app);
  app.deps.feeds.invalidate();
  const title = `First advertised: KEY/01APR24/99 – ${TRICKY.title}`;
  const scope = `?id=${id}`;

  const rss = await parseXmlFeed(await text(app, `/feeds/decisions.rss${scope}`));
  t.is(rss.items.length, 1);
  t.is(rss.items[0]!.title, title, 'RSS titles are plain text');
  const rssContent = decodeHtml(rss.items[0]!['content:encoded'] as string);
  t.true(collapse(rssContent).includes(collapse(TRICKY.description)), 'the description survives, ]]> and all');
  t.false(String(rss.items[0]!['content:encoded']).includes('<script>'), 'markup in the text stays text');

  const atom = await parseXmlFeed(await text(app, `/feeds/decisions.atom${scope}`));
  t.is(decodeHtml(atom.items[0]!.title!), title, 'Atom titles are HTML, escaped once');
  t.true(collapse(decodeHtml(atom.items[0]!.content!)).includes(collapse(TRICKY.description)));

  const json = parseJsonFeed(await text(app, `/feeds/decisions.json${scope}`));
  t.is(json.items[0]!.title, title);
  t.true(collapse(decodeHtml(json.items[0]!.content_html!)).includes(collapse(TRICKY.description)));
  t.false(json.items[0]!.content_html!.includes('<script>'));

  const body = await text(app, `/feeds/decisions.ics${scope}`);
  const lines = body.split('\r\n');
  t.true(lines.every((line) => Buffer.byteLength(line) <= 75), 'lines folded at 75 octets');
  t.false(body.replace(/\r\n/g, '').includes('\n'), 'bare line breaks never appear');
  const [event] = parseCalendar(body).events;
  t.is(event!.summary, `KEY/01APR24/99: ${TRICKY.title}`, 'commas, semicolons and emoji come back as written');
  t.true(event!.description.includes(TRICKY.description), 'the description comes back exactly, line breaks included');
  t.true(event!.description.includes('Consultation: Residents, businesses; "friends" & <others>'));
});

test('characters XML cannot carry are dropped, not passed on to break the feed', async (t) => {
  const app = await startFeedsApp();
  t.teardown(app.close);
  const id = await insertTrickyDecision(app);
  await app.handle.db.updateTable('decisions').set({ title: 'Bell\u0007 and form\u000c feed' }).where('id', '=', id).execute();
  app.deps.feeds.invalidate();
  const rss = await parseXmlFeed(await text(app, `/feeds/decisions.rss?id=${id}`));
  t.is(rss.items[0]!.title, 'First advertised: KEY/01APR24/99 – Bell and form feed');
  const atom = await parseXmlFeed(await text(app, `/feeds/decisions.atom?id=${id}`));
  t.is(atom.items.length, 1);
  const [event] = parseCalendar(await text(app, `/feeds/decisions.ics?id=${id}`)).events;
  t.is(event!.summary, 'KEY/01APR24/99: Bell and form feed');
});

test('names in a feed’s own title are escaped too', async (t) => {
  const app = await startFeedsApp();
  t.teardown(app.close);
  const name = 'Audit & <Risk> “Scrutiny”; Committee, £ – 🏛';
  await app.handle.db.updateTable('committees').set({ name }).where('slug', '=', 'adults-and-health').execute();
  app.deps.feeds.invalidate();
  const scope = '?committee=adults-and-health';
  const expected = `Forward Plan: Decisions of the ${name} – Peterborough City Council`;
  t.is((await parseXmlFeed(await text(app, `/feeds/decisions.rss${scope}`))).title, expected);
  t.is((await parseXmlFeed(await text(app, `/feeds/decisions.atom${scope}`))).title, expected);
  t.is(parseJsonFeed(await text(app, `/feeds/decisions.json${scope}`)).title, expected);
  t.is(parseCalendar(await text(app, `/feeds/decisions.ics${scope}`)).name, expected);
});
