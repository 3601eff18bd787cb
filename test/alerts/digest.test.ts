import test from 'ava';
import { sql } from 'kysely';
import { importPlan } from '../../src/plans/plan-import.service.ts';
import { alertWorld, BASE_URL, laterPlan, linkIn, subscribeAndConfirm, TITLES, Visitor } from './helpers.ts';
import type { ReadableMail } from './mime.ts';

const NEW_TITLE = 'Schools <Admissions> & Transport Policy';
const NEW_TITLE_HTML = 'Schools &lt;Admissions&gt; &amp; Transport Policy';

/** The second plan: one date moved in each of three committees, and a new Children and Education decision. */
const secondPlan = () =>
  laterPlan({
    expectedDates: { [TITLES.medgen]: 'April 2024', [TITLES.section76]: 'June 2024', [TITLES.recycling]: '5 June 2024' },
    add: [{ title: NEW_TITLE, expected_date: 'June 2024' }],
  });

const byRecipient = (mails: ReadableMail[]) => new Map(mails.map((m) => [m.to.join(','), m]));

async function subscribers(world: Awaited<ReturnType<typeof alertWorld>>) {
  await subscribeAndConfirm(world, 'children@example.org', 'committee=children-and-education');
  await subscribeAndConfirm(world, 'adults@example.org', 'committee=adults-and-health');
  const both = new Visitor(world.app);
  await subscribeAndConfirm(world, 'both@example.org', 'committee=children-and-education', both);
  await subscribeAndConfirm(world, 'both@example.org', 'ward=central', both);
  await subscribeAndConfirm(world, 'urgent-only@example.org', 'part=urgent');
  // Asked, never confirmed.
  await new Visitor(world.app).subscribe('unconfirmed@example.org', 'committee=children-and-education');
  t_assertConfirmationOnly(await world.drain());
}

function t_assertConfirmationOnly(mails: ReadableMail[]) {
  if (mails.some((m) => !m.subject.startsWith('Confirm'))) throw new Error('only confirmations were expected');
}

test('a publication sends each confirmed subscriber one digest of the events in scope, and nothing twice', async (t) => {
  const world = await alertWorld(t);
  const { app, drain } = world;
  await subscribers(world);

  const summary = await importPlan(app.deps.db, secondPlan(), '2024-03-08', { alerts: app.deps.alerts });
  t.is(summary.status, 'imported');
  const mails = await drain();
  const to = byRecipient(mails);
  t.deepEqual([...to.keys()].sort(), ['adults@example.org', 'both@example.org', 'children@example.org'], 'one each; nothing to the unconfirmed or to a scope with no events');
  t.is(mails.length, 3);

  const children = to.get('children@example.org')!;
  t.is(children.subject, 'Peterborough City Council: 2 updates in the Forward Plan published 8 March 2024');
  t.true(children.text.includes(`${TITLES.medgen}\n   Expected date moved from February 2024 to April 2024.`));
  t.true(children.text.includes(NEW_TITLE), 'text is plain: the title as it is');
  t.false(children.text.includes(TITLES.section76));
  t.false(children.text.includes(TITLES.recycling));
  t.true(children.html!.includes(NEW_TITLE_HTML), 'HTML escapes < and &');
  t.false(children.html!.includes(NEW_TITLE));
  t.regex(children.text, /You get these alerts for:\n- Scrutiny committee: Children and Education Scrutiny Committee\n/);
  t.regex(children.text, new RegExp(`${BASE_URL}/decisions/\\d+`));

  const adults = to.get('adults@example.org')!;
  t.is(adults.subject, 'Peterborough City Council: 1 update in the Forward Plan published 8 March 2024');
  t.true(adults.text.includes(TITLES.section76));
  t.false(adults.text.includes(TITLES.medgen));

  // Medgen is in both of this address's scopes (the committee, and Central ward): listed once.
  const both = to.get('both@example.org')!;
  t.is(both.subject, 'Peterborough City Council: 4 updates in the Forward Plan published 8 March 2024');
  t.is(both.text.split(TITLES.medgen).length - 1, 1);
  t.true(both.text.includes(TITLES.section76), 'Section 76 affects all wards, so Central too');
  t.true(both.text.includes(TITLES.recycling), 'and so does the recycling contract');
  t.regex(both.text, /- Scrutiny committee: Children and Education Scrutiny Committee\n- Ward: Central, and decisions affecting all wards\n/);

  for (const mail of mails) {
    const unsubscribe = linkIn(mail, '/alerts/unsubscribe/');
    t.is(mail.headers.get('list-unsubscribe'), `<${BASE_URL}${unsubscribe}>, <mailto:democratic.services@peterborough.gov.uk?subject=Unsubscribe%20from%20Forward%20Plan%20alerts>`);
    t.is(mail.headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    t.regex(mail.text, new RegExp(`Manage your email alerts: ${BASE_URL}/alerts/manage/[A-Za-z0-9_-]{43}`));
    t.regex(mail.html!, /<a href="https:\/\/forwardplan\.example\.gov\.uk\/alerts\/manage\/[A-Za-z0-9_-]{43}"/);
  }

  t.deepEqual(await drain(), [], 'a second drain sends nothing more');
  const plan = await app.deps.db.selectFrom('plans').select('id').where('published_on', '=', '2024-03-08').executeTakeFirstOrThrow();
  const again = await app.deps.db.transaction().execute((trx) =>
    app.deps.alerts.queueAlertsFor(trx, { kind: 'publication', planId: plan.id }),
  );
  t.deepEqual(again, { messages: 0, events: 4 }, 'queueing the same publication again lists nothing twice');
  t.deepEqual(await drain(), []);
});

test('outcomes: one message for the events of one change, and never again for the same events', async (t) => {
  const world = await alertWorld(t);
  const { app, drain } = world;
  await subscribeAndConfirm(world, 'follower@example.org', 'committee=children-and-education');
  const decisions = await app.deps.db
    .selectFrom('decisions')
    .select(['id', 'title'])
    .where('title', 'in', [TITLES.medgen, TITLES.section76, 'Post 16 Framework'])
    .execute();
  const idOf = (title: string) => decisions.find((d) => d.title === title)!.id;

  const record = (decisionId: number, kind: 'taken' | 'withdrawn') =>
    sql<{ id: number }>`INSERT INTO decision_events (decision_id, kind, occurred_at, details)
      VALUES (${decisionId}, ${kind}, ${app.clock.now()}, ${JSON.stringify({ reasons: 'EXEMPT PARAGRAPH 3 DETAIL' })}) RETURNING id`;
  const eventIds = await app.deps.db.transaction().execute(async (trx) => {
    const ids = [
      Number((await record(idOf(TITLES.medgen), 'taken').execute(trx)).rows[0]!.id),
      Number((await record(idOf('Post 16 Framework'), 'withdrawn').execute(trx)).rows[0]!.id),
      Number((await record(idOf(TITLES.section76), 'taken').execute(trx)).rows[0]!.id),
    ];
    t.deepEqual(await app.deps.alerts.queueAlertsFor(trx, { kind: 'outcome', eventIds: ids }), { messages: 1, events: 3 });
    return ids;
  });

  const [mail, ...more] = await drain();
  t.deepEqual(more, []);
  t.is(mail!.subject, 'Peterborough City Council: 2 updates to decisions in the Forward Plan');
  t.regex(mail!.text, new RegExp(`${TITLES.medgen}\\n   Decision taken\\.`));
  t.regex(mail!.text, /Post 16 Framework\n {3}Withdrawn: this decision will no longer be taken\./);
  t.false(mail!.text.includes(TITLES.section76), 'out of scope');
  t.false(mail!.raw.includes('EXEMPT'), 'event details other than printed dates and parts never reach an email');

  const overlapping = await app.deps.db.transaction().execute((trx) =>
    app.deps.alerts.queueAlertsFor(trx, { kind: 'outcome', eventIds: [eventIds[1]!, eventIds[0]!] }),
  );
  t.is(overlapping.messages, 0);
  t.deepEqual(await drain(), []);
});

test('before confirming, a publication sends nothing to that address', async (t) => {
  const world = await alertWorld(t);
  const { app, drain } = world;
  const visitor = new Visitor(app);
  await visitor.subscribe('waiting@example.org', 'committee=children-and-education');
  const [confirmation] = await drain();
  await importPlan(app.deps.db, secondPlan(), '2024-03-08', { alerts: app.deps.alerts });
  t.deepEqual(await drain(), []);

  // Confirming later does not replay the past: the next publication is the first alert.
  await visitor.request(linkIn(confirmation!, '/alerts/confirm/'));
  t.deepEqual(await drain(), []);
  await importPlan(app.deps.db, laterPlan({ expectedDates: { [TITLES.medgen]: 'May 2024' } }), '2024-03-22', { alerts: app.deps.alerts });
  const mails = await drain();
  t.deepEqual(mails.map((m) => m.to), [['waiting@example.org']]);
  t.regex(mails[0]!.text, /Expected date moved from April 2024 to May 2024/);
});

test('one-click unsubscribe (RFC 8058): a POST without cookies or token erases the address and stops the mail', async (t) => {
  const world = await alertWorld(t);
  const { app, drain } = world;
  await subscribeAndConfirm(world, 'leaving@example.org', 'committee=children-and-education');
  await subscribeAndConfirm(world, 'leaving@example.org', 'committee=adults-and-health');
  await subscribeAndConfirm(world, 'staying@example.org', 'committee=children-and-education');
  await importPlan(app.deps.db, secondPlan(), '2024-03-08', { alerts: app.deps.alerts });
  const first = byRecipient(await drain());
  t.is(first.size, 2);
  const unsubscribe = linkIn(first.get('leaving@example.org')!, '/alerts/unsubscribe/');

  const looked = await app.fetch(unsubscribe);
  t.is(looked.status, 200, 'a GET only shows the button');
  t.regex(await looked.text(), new RegExp(`<form method="post" action="${unsubscribe}">`));
  t.is((await app.deps.db.selectFrom('alert_subscriptions').select('id').where('email', '=', 'leaving@example.org').execute()).length, 2);

  const clicked = await app.fetch(unsubscribe, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
  t.is(clicked.status, 200);
  t.regex(await clicked.text(), /You have unsubscribed/);

  const db = app.deps.db;
  const hash = (await db.selectFrom('alert_subscriptions').select('address_hash').where('email', '=', 'staying@example.org').executeTakeFirstOrThrow()).address_hash;
  t.deepEqual(await db.selectFrom('alert_subscriptions').select('email').execute(), [{ email: 'staying@example.org' }]);
  t.deepEqual([...new Set((await db.selectFrom('alert_manage_tokens').select('address_hash').execute()).map((r) => r.address_hash))], [hash]);
  t.deepEqual([...new Set((await db.selectFrom('alert_notified_events').select('address_hash').execute()).map((r) => r.address_hash))], [hash]);
  t.deepEqual(await db.selectFrom('outbox_messages').select('id').where('to_address', '=', 'leaving@example.org').execute(), [], 'its mail is forgotten');
  t.is((await app.fetch(unsubscribe)).status, 404, 'the link is dead once used');

  await importPlan(app.deps.db, laterPlan({ expectedDates: { [TITLES.medgen]: 'May 2024', [TITLES.section76]: 'July 2024' } }), '2024-03-22', { alerts: app.deps.alerts });
  t.deepEqual((await drain()).map((m) => m.to), [['staying@example.org']]);
});

test('the manage page lists an address’s alerts without showing the address; each can be removed', async (t) => {
  const world = await alertWorld(t);
  const { app, drain } = world;
  await subscribeAndConfirm(world, 'manager@example.org', 'committee=children-and-education');
  await subscribeAndConfirm(world, 'manager@example.org', 'ward=central&part=key');
  await importPlan(app.deps.db, secondPlan(), '2024-03-08', { alerts: app.deps.alerts });
  const [digest] = await drain();
  const manage = linkIn(digest!, '/alerts/manage/');

  const visitor = new Visitor(app);
  const page = await visitor.request(manage);
  t.is(page.status, 200);
  t.is(page.headers.get('cache-control'), 'no-store');
  const html = await page.text();
  t.false(html.includes('manager@example.org'));
  t.regex(html, /Alert 1[\s\S]*Children and Education Scrutiny Committee[\s\S]*Alert 2[\s\S]*Central, and decisions affecting all wards[\s\S]*Key decision/);
  t.regex(html, /Stop all email alerts/);
  t.regex(html, /href="\/decisions\?committee=children-and-education">See the decisions for alert 1/);
  t.is(page.headers.get('referrer-policy'), 'no-referrer', 'links out of the page do not carry its token');

  const ids = (await app.deps.db.selectFrom('alert_subscriptions').select('id').orderBy('id').execute()).map((r) => String(r.id));
  const noToken = await visitor.request(`${manage}/remove`, { form: { subscription: ids[0]! } });
  t.is(noToken.status, 403, 'removing one alert is an ordinary form: it needs its token');

  const removed = await visitor.submit(manage, `${manage}/remove`, { subscription: ids[0]! });
  t.is(removed.status, 303);
  t.is(removed.headers.get('location'), `${manage}?removed=1`);
  const after = await (await visitor.request(`${manage}?removed=1`)).text();
  t.regex(after, /Alert removed/);
  t.regex(after, /You get 1 alert /);

  const last = await visitor.submit(manage, `${manage}/remove`, { subscription: ids[1]! });
  t.is(last.headers.get('location'), '/alerts/unsubscribed', 'removing the last alert unsubscribes');
  t.deepEqual(await app.deps.db.selectFrom('alert_manage_tokens').select('token_hash').execute(), []);
  t.deepEqual(await app.deps.db.selectFrom('outbox_messages').select('id').where('to_address', '=', 'manager@example.org').execute(), []);
  t.is((await visitor.request(manage)).status, 404);
});

test('changes recorded between plans (staff edits, deferrals) are listed in the next publication’s digest', async (t) => {
  const world = await alertWorld(t);
  const { app, drain } = world;
  await subscribeAndConfirm(world, 'between@example.org', 'committee=children-and-education');
  const post16 = await app.deps.db.selectFrom('decisions').select('id').where('title', '=', 'Post 16 Framework').executeTakeFirstOrThrow();
  const moved = (at: string, to: string) => ({
    decision_id: post16.id,
    kind: 'date_changed' as const,
    occurred_at: new Date(at),
    details: JSON.stringify({ from: { date: '2024-03-11', precision: 'day' }, to: { date: to, precision: 'day' } }),
  });
  // Before the previous plan (23 February): old news, already in that plan.
  await app.deps.db.insertInto('decision_events').values(moved('2024-02-20T12:00:00Z', '2024-03-04')).execute();
  await app.deps.db.insertInto('decision_events').values(moved('2024-03-01T12:00:00Z', '2024-04-15')).execute();

  await importPlan(app.deps.db, secondPlan(), '2024-03-08', { alerts: app.deps.alerts });
  const [mail, ...more] = await drain();
  t.deepEqual(more, []);
  t.is(mail!.subject, 'Peterborough City Council: 3 updates in the Forward Plan published 8 March 2024');
  t.true(mail!.text.includes('Post 16 Framework\n   Expected date moved from 11 March 2024 to 15 April 2024.'));
  t.false(mail!.text.includes('4 March 2024'));
});
