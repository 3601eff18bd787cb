import test from 'ava';
import { sql } from 'kysely';
import { parseCalendar, parseJsonFeed, parseXmlFeed, startFeedsApp, text } from './helpers.ts';

const MARKER = 'STAFF-ONLY-7f3a';

test('no staff-only or exempt text reaches any feed; Part 2 entries show their public notice', async (t) => {
  const app = await startFeedsApp();
  t.teardown(app.close);
  const db = app.handle.db;
  // Every staff-only place a decision's text can be kept, filled with a marker.
  await db.updateTable('decisions').set({ internal_notes: `${MARKER} internal notes` }).execute();
  const privateOnes = await db.selectFrom('decisions').select('id').where('part', '=', 'private').execute();
  t.true(privateOnes.length > 0);
  await db
    .insertInto('private_meeting_notices')
    .values(privateOnes.map(({ id }) => ({
      decision_id: id,
      representations: `${MARKER} representations`,
      response: `${MARKER} response`,
      updated_at: new Date('2024-03-01T09:00:00Z'),
    })))
    .execute();
  await db
    .insertInto('decision_changes')
    .values(privateOnes.map(({ id }) => ({
      decision_id: id,
      user_id: null,
      source: 'staff' as const,
      action: 'updated' as const,
      changed_at: new Date('2024-03-01T09:00:00Z'),
      fields: JSON.stringify({ internal_notes: { from: '', to: `${MARKER} audit` } }),
      note: `${MARKER} audit note`,
    })))
    .execute();
  const { rows } = await sql<{ name: string }>`
    SELECT column_name AS name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = 'decisions'`.execute(db);
  t.true(rows.some((r) => r.name === 'internal_notes'), 'the staff-only column this test fills exists');
  app.deps.feeds.invalidate();

  const scopes = ['', '?part=private', ...privateOnes.map(({ id }) => `?id=${id}`)];
  for (const scope of scopes) {
    for (const format of ['rss', 'atom', 'json', 'ics']) {
      const body = await text(app, `/feeds/decisions.${format}${scope}`);
      t.false(body.includes(MARKER), `${format}${scope}`);
    }
  }

  const rss = await parseXmlFeed(await text(app, '/feeds/decisions.rss?part=private'));
  t.is(rss.items.length, privateOnes.length, 'Part 2 decisions are listed');
  t.true(rss.items.every((i) => /Why it is to be taken in private/.test(String(i['content:encoded']))), 'with the notice of why');
  t.true(rss.items.every((i) => !String(i['content:encoded']).includes(MARKER)));
  const json = parseJsonFeed(await text(app, '/feeds/decisions.json?part=private'));
  t.true(json.items.every((i) => !JSON.stringify(i).includes(MARKER)));
  const { events } = parseCalendar(await text(app, '/feeds/decisions.ics?part=private'));
  t.true(events.every((e) => !e.description.includes(MARKER) && !e.summary.includes(MARKER)));
});

test('draft decisions never appear', async (t) => {
  const app = await startFeedsApp();
  t.teardown(app.close);
  const { id } = await app.handle.db.selectFrom('decisions').select('id').where('reference', '=', 'KEY/25MAR24/02').executeTakeFirstOrThrow();
  await app.handle.db.updateTable('decisions').set({ status: 'draft' }).where('id', '=', id).execute();
  app.deps.feeds.invalidate();
  const rss = await parseXmlFeed(await text(app, '/feeds/decisions.rss'));
  t.false(rss.items.some((i) => i.link?.endsWith(`/decisions/${id}`)));
  const { events } = parseCalendar(await text(app, '/feeds/decisions.ics'));
  t.false(events.some((e) => e.uid.startsWith(`decision-${id}@`)));
  t.is((await app.fetch(`/feeds/decisions.rss?id=${id}`)).status, 404);
});
