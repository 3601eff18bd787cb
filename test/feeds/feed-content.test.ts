import test from 'ava';
import {
  BASE_URL,
  decisionIdByReference,
  otherWriter,
  parseCalendar,
  parseJsonFeed,
  parseXmlFeed,
  publishMovedPlan,
  startFeedsApp,
  text,
  waitForNewEtag,
} from './helpers.ts';

test('a committee filter gives only the events of that committee’s decisions, in every format', async (t) => {
  const app = await startFeedsApp();
  t.teardown(app.close);
  const { items } = (await (await app.fetch('/api/v1/decisions?committee=children-and-education&limit=100')).json()) as { items: { id: number }[] };
  const expected = items.map((i) => `${BASE_URL}/decisions/${i.id}`).sort();
  t.is(expected.length, 9);

  const rss = await parseXmlFeed(await text(app, '/feeds/decisions.rss?committee=children-and-education'));
  const atom = await parseXmlFeed(await text(app, '/feeds/decisions.atom?committee=children-and-education'));
  const json = parseJsonFeed(await text(app, '/feeds/decisions.json?committee=children-and-education'));
  for (const [name, links] of [
    ['rss', rss.items.map((i) => i.link)],
    ['atom', atom.items.map((i) => i.link)],
    ['json', json.items.map((i) => i.url)],
  ] as const) {
    t.is(links.length, 9, `${name}: one 'first advertised' event per decision`);
    t.deepEqual([...links].sort(), expected, name);
  }
  t.regex(rss.title ?? '', /Children and Education Scrutiny Committee/);
  t.true(rss.items.every((i) => i.title?.startsWith('First advertised: ')));
  t.true(rss.items.some((i) => i.title?.includes('KEY/')), 'titles carry references');

  const calendar = parseCalendar(await text(app, '/feeds/decisions.ics?committee=children-and-education'));
  t.deepEqual(calendar.events.map((e) => e.url).sort(), expected);
});

test('items are newest first, the feed is updated at its newest item, and 50 at most', async (t) => {
  const app = await startFeedsApp();
  t.teardown(app.close);
  const writer = await otherWriter(app);
  t.teardown(writer.close);
  await publishMovedPlan(writer.db);
  const ids = await app.handle.db.selectFrom('decisions').select('id').orderBy('id').limit(15).execute();
  await app.handle.db
    .insertInto('decision_events')
    .values(ids.map(({ id }, i) => ({
      decision_id: id, kind: 'deferred' as const, occurred_at: new Date(Date.UTC(2024, 3, 1 + i, 9)), plan_id: null,
      details: JSON.stringify({ newExpectedDate: '2024-09-01', newExpectedPrecision: 'month' }),
    })))
    .execute();
  app.deps.feeds.invalidate();
  const atom = await parseXmlFeed(await text(app, '/feeds/decisions.atom'));
  const dates = atom.items.map((i) => Date.parse(i.pubDate!));
  t.is(atom.items.length, 50, '55 events, the newest 50 shown');
  t.deepEqual(dates, [...dates].sort((a, b) => b - a));
  t.is(Date.parse(atom.lastBuildDate!), dates[0]!);
  t.is(dates[0], Date.UTC(2024, 3, 15, 9));
  t.regex(atom.items[0]!.title!, /^Deferred to September 2024: /);
  t.true(atom.items.some((i) => i.title!.startsWith('Expected date changed to 15 July 2024')));
});

test('ids are stable across publications, and a moved date becomes a new item', async (t) => {
  const app = await startFeedsApp();
  t.teardown(app.close);
  const path = '/feeds/decisions.rss';
  const before = await app.fetch(path);
  const first = await parseXmlFeed(await before.text());
  const firstIds = new Map(first.items.map((i) => [i.guid, i.title]));
  t.is(firstIds.size, 39);

  const writer = await otherWriter(app);
  t.teardown(writer.close);
  await publishMovedPlan(writer.db);
  // Heard through LISTEN/NOTIFY: the cache drops the old feed without being told in-process.
  const after = await waitForNewEtag(app, path, before.headers.get('etag')!);
  t.true(app.deps.feeds.listening());
  const second = await parseXmlFeed(await after.text());
  const secondIds = new Map(second.items.map((i) => [i.guid, i.title]));
  for (const [id, title] of firstIds) t.is(secondIds.get(id), title, `item ${id} keeps its id and title`);
  const fresh = second.items.filter((i) => !firstIds.has(i.guid));
  t.is(fresh.length, 1);
  t.is(fresh[0]!.title, 'Expected date changed to 15 July 2024: KEY/25MAR24/02 – Peterborough Housing Strategy 2024-2029');
  t.regex(fresh[0]!.content ?? '', /from 17 June 2024 to 15 July 2024 in the plan published 8 March 2024/);
  t.is(second.items[0]!.guid, fresh[0]!.guid, 'newest first');
  t.is(new Date(second.lastBuildDate!).toISOString(), '2024-03-08T09:00:00.000Z');
});

test('a moved date moves the calendar event, raises its SEQUENCE and changes LAST-MODIFIED', async (t) => {
  const app = await startFeedsApp();
  t.teardown(app.close);
  const id = await decisionIdByReference(app, 'KEY/25MAR24/02');
  const path = '/feeds/decisions.ics';
  const before = await app.fetch(path);
  const event = (body: string) => parseCalendar(body).events.find((e) => e.uid === `decision-${id}@forwardplan.example.gov.uk`)!;
  const old = event(await before.text());
  t.like(old, { start: '2024-06-17', end: '2024-06-18', startIsDate: true, status: 'TENTATIVE' });

  const writer = await otherWriter(app);
  t.teardown(writer.close);
  await publishMovedPlan(writer.db);
  const moved = event(await (await waitForNewEtag(app, path, before.headers.get('etag')!)).text());
  t.like(moved, { start: '2024-07-15', end: '2024-07-16', startIsDate: true });
  t.true(moved.sequence > old.sequence, `SEQUENCE ${old.sequence} → ${moved.sequence}`);
  t.not(moved.lastModified, old.lastModified);
  t.true(Date.parse(moved.lastModified) > Date.parse(old.lastModified));
});

test('a decision known only to the month spans the month, says so, and never sits on a day', async (t) => {
  const app = await startFeedsApp();
  t.teardown(app.close);
  const { items } = (await (await app.fetch('/api/v1/decisions?limit=100')).json()) as {
    items: { id: number; expectedDate: { date: string | null; precision: string | null } }[];
  };
  const monthly = items.filter((i) => i.expectedDate.precision === 'month');
  t.true(monthly.length > 0);
  const { events } = parseCalendar(await text(app, '/feeds/decisions.ics'));
  for (const decision of monthly) {
    const event = events.find((e) => e.uid === `decision-${decision.id}@forwardplan.example.gov.uk`)!;
    const [year, month] = decision.expectedDate.date!.split('-').map(Number) as [number, number];
    const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
    t.like(event, { start: decision.expectedDate.date!, end: next, startIsDate: true, transparency: 'TRANSPARENT' });
    t.regex(event.summary, /^Expected in (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}: /);
  }
  const daily = events.filter((e) => !e.summary.startsWith('Expected in'));
  t.true(daily.length > 0);
  t.true(daily.every((e) => e.startIsDate && Date.parse(e.end) - Date.parse(e.start) === 86_400_000), 'a known day is one whole day');
  t.is(events.length, items.filter((i) => i.expectedDate.date).length, 'one event per dated decision');
});

test('taken and withdrawn decisions are marked, with the outcome and reason recorded in the event', async (t) => {
  const app = await startFeedsApp();
  t.teardown(app.close);
  const db = app.handle.db;
  const taken = await decisionIdByReference(app, 'KEY/25MAR24/02');
  const withdrawn = await decisionIdByReference(app, 'KEY/25MAR24/01');
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('decisions').set({ status: 'taken' }).where('id', '=', taken).execute();
    await trx.insertInto('decision_events').values({
      decision_id: taken, kind: 'taken', occurred_at: new Date('2024-06-17T15:00:00Z'), plan_id: null,
      details: JSON.stringify({ summary: 'Adopted the strategy & its action plan', occurredOn: '2024-06-17', noticeUrl: 'https://example.org/notice?a=1&b=2' }),
    }).execute();
    await trx.updateTable('decisions').set({ status: 'withdrawn' }).where('id', '=', withdrawn).execute();
    await trx.insertInto('decision_events').values({
      decision_id: withdrawn, kind: 'withdrawn', occurred_at: new Date('2024-06-18T10:00:00Z'), plan_id: null,
      details: JSON.stringify({ reason: 'Superseded by the regional framework' }),
    }).execute();
  });
  app.deps.feeds.invalidate();

  const json = parseJsonFeed(await text(app, '/feeds/decisions.json'));
  const [newest, next] = json.items;
  t.is(newest!.title, 'Withdrawn: KEY/25MAR24/01 – Award of Contract for Traffic Signals 2024 - 2032');
  t.regex(newest!.summary!, /Reason: Superseded by the regional framework/);
  t.is(next!.title, 'Taken: KEY/25MAR24/02 – Peterborough Housing Strategy 2024-2029');
  t.regex(next!.summary!, /taken on 17 June 2024\. Decision: Adopted the strategy & its action plan/);
  t.true(next!.content_html!.includes('href="https://example.org/notice?a=1&amp;b=2"'));

  const { events } = parseCalendar(await text(app, '/feeds/decisions.ics'));
  const byId = (id: number) => events.find((e) => e.uid === `decision-${id}@forwardplan.example.gov.uk`)!;
  t.is(byId(withdrawn).status, 'CANCELLED');
  t.regex(byId(withdrawn).summary, /^Withdrawn, expected in May 2024: KEY\/25MAR24\/01: /);
  t.is(byId(taken).status, 'CONFIRMED');
  t.regex(byId(taken).summary, /^Taken: KEY\/25MAR24\/02: Peterborough Housing Strategy/);
});

test('one decision has feeds of its own (the id filter), and an unknown one is a 404', async (t) => {
  const app = await startFeedsApp();
  t.teardown(app.close);
  const id = await decisionIdByReference(app, 'KEY/25MAR24/02');
  const rss = await parseXmlFeed(await text(app, `/feeds/decisions.rss?id=${id}`));
  t.deepEqual(rss.items.map((i) => i.link), [`${BASE_URL}/decisions/${id}`]);
  t.regex(rss.title ?? '', /Peterborough Housing Strategy 2024-2029/);
  const calendar = parseCalendar(await text(app, `/feeds/decisions.ics?id=${id}`));
  t.deepEqual(calendar.events.map((e) => e.uid), [`decision-${id}@forwardplan.example.gov.uk`]);
  const missing = await app.fetch('/feeds/decisions.ics?id=999999');
  t.is(missing.status, 404);
  t.is(((await missing.json()) as { error: { status: number } }).error.status, 404);
});
