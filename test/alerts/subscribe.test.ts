import test from 'ava';
import { tokenHash } from '../../src/alerts/alert-tokens.ts';
import { errorSummary } from '../auth/helpers.ts';
import { alertWorld, linkIn, Visitor } from './helpers.ts';
import { decodeEntities as decode } from '../helpers/html.ts';

const DAY_MS = 86_400_000;

test('the page accepts the filters of /decisions and says what the alerts will cover', async (t) => {
  const { app } = await alertWorld(t);
  const visitor = new Visitor(app);
  const page = await visitor.request('/alerts/new?committee=children-and-education&part=private&q=school');
  t.is(page.status, 200);
  const html = decode(await page.text());
  t.regex(html, /Scrutiny committee<\/dt>\s*<dd[^>]*>Children and Education Scrutiny Committee<\/dd>/);
  t.regex(html, /Type<\/dt>\s*<dd[^>]*>To be taken in private<\/dd>/);
  t.regex(html, /Words<\/dt>\s*<dd[^>]*>‘school’<\/dd>/);
  t.regex(html, /1 decision in the plan matches this/);
  t.regex(html, /<form method="post" action="\/alerts\/new\?committee=children-and-education&part=private&q=school"/);
  t.regex(html, /name="_csrf" value="[^"]+"/);

  const everything = decode(await (await visitor.request('/alerts/new')).text());
  t.regex(everything, /All decisions in the Forward Plan/);
  t.regex(everything, /39 decisions in the plan match this/);
});

test('a filter /decisions would refuse is refused here too, with the same message', async (t) => {
  const { app } = await alertWorld(t);
  const visitor = new Visitor(app);
  for (const [query, message] of [
    ['part=secret', /'part' must be one of key, private, non_key, urgent/],
    ['ward=atlantis', /There is no ward called 'atlantis'/],
    ['from=2024-02-30', /'from' must be a real date/],
  ] as const) {
    const response = await visitor.request(`/alerts/new?${query}`);
    t.is(response.status, 400, query);
    t.regex(decode(await response.text()), message);
  }
});

test('a missing or malformed address is shown with the error summary and inline, keeping what was typed', async (t) => {
  const { app, drain } = await alertWorld(t);
  const visitor = new Visitor(app);
  const empty = await visitor.subscribe('   ', 'ward=central');
  t.is(empty.status, 400);
  const emptyHtml = decode(await empty.text());
  t.deepEqual(errorSummary(emptyHtml), ['#email Enter your email address']);
  t.regex(emptyHtml, /<title>Error: Get email alerts/);

  const typed = 'someone at example.org';
  const bad = await visitor.subscribe(typed, 'ward=central');
  t.is(bad.status, 400);
  const html = decode(await bad.text());
  t.deepEqual(errorSummary(html), ['#email Enter an email address in the correct format, like name@example.com']);
  t.regex(html, /id="email-error"/);
  t.regex(html, new RegExp(`<input[^>]*id="email"[^>]*value="${typed}"`));
  t.regex(html, /Ward<\/dt>\s*<dd[^>]*>Central, and decisions affecting all wards/, 'the scope is still shown');
  t.deepEqual(await drain(), [], 'nothing is sent');
  t.deepEqual(await app.deps.db.selectFrom('alert_subscriptions').select('id').execute(), []);
});

test('the form needs its anti-forgery token', async (t) => {
  const { app } = await alertWorld(t);
  const response = await new Visitor(app).request('/alerts/new', { form: { email: 'resident@example.org' } });
  t.is(response.status, 403);
  t.deepEqual(await app.deps.db.selectFrom('alert_subscriptions').select('id').execute(), []);
});

test('subscribing sends only the confirmation, stores the address lower-cased and the token only as a hash', async (t) => {
  const { app, drain } = await alertWorld(t);
  const visitor = new Visitor(app);
  const response = await visitor.subscribe('Resident@Example.ORG', 'committee=adults-and-health&committee=children-and-education');
  t.is(response.status, 303);
  t.is(response.headers.get('location'), '/alerts/check-email', 'the address is not in the URL');
  const page = decode(await (await visitor.request('/alerts/check-email')).text());
  t.regex(page, /Check your email/);
  t.false(/resident@example\.org/i.test(page));

  const sent = await drain();
  t.is(sent.length, 1);
  const [mail] = sent;
  t.deepEqual(mail!.to, ['resident@example.org']);
  t.is(mail!.subject, 'Confirm your email alerts from Peterborough City Council');
  t.is(mail!.headers.get('list-unsubscribe'), undefined, 'nothing to unsubscribe from yet');
  t.regex(mail!.text, /Scrutiny committee: Adults and Health Scrutiny Committee or Children and Education Scrutiny Committee/);
  t.regex(mail!.html ?? '', /Confirm my email alerts/);

  const token = linkIn(mail!, '/alerts/confirm/').split('/').pop()!;
  const [row] = await app.deps.db.selectFrom('alert_subscriptions').selectAll().execute();
  t.like(row, { email: 'resident@example.org', confirmed_at: null, confirm_token_hash: tokenHash(token) });
  t.deepEqual(row!.filters, { committee: ['adults-and-health', 'children-and-education'] });
  t.false(JSON.stringify(row).includes(token), 'the token itself is not stored');
  t.deepEqual(row!.expires_at, new Date(app.clock.now().getTime() + 7 * DAY_MS));
});

test('asking again for an address that already has the alert answers exactly the same', async (t) => {
  const { app, drain } = await alertWorld(t);
  const first = await new Visitor(app).subscribe('known@example.org', 'ward=central');
  await app.fetch(linkIn((await drain())[0]!, '/alerts/confirm/'));
  const again = await new Visitor(app).subscribe('known@example.org', 'ward=central');
  const stranger = await new Visitor(app).subscribe('unknown@example.org', 'ward=central');
  for (const response of [first, again, stranger]) {
    t.is(response.status, 303);
    t.is(response.headers.get('location'), '/alerts/check-email');
  }
  t.is((await drain()).length, 2, 'each gets a confirmation email');
  const rows = await app.deps.db.selectFrom('alert_subscriptions').select(['email', 'confirmed_at']).orderBy('email').execute();
  t.is(rows.length, 2, 'one subscription per address and scope');
  t.not(rows.find((r) => r.email === 'known@example.org')?.confirmed_at, null, 'still confirmed');
});

test('confirming: the link works (twice, for mail scanners), a wrong or expired one is a 404', async (t) => {
  const { app, drain } = await alertWorld(t);
  const visitor = new Visitor(app);
  await visitor.subscribe('late@example.org', 'ward=central');
  await visitor.subscribe('prompt@example.org', 'ward=central');
  const [late, prompt] = await drain();

  const link = linkIn(prompt!, '/alerts/confirm/');
  const confirmed = await visitor.request(link);
  t.is(confirmed.status, 200);
  t.regex(decode(await confirmed.text()), /Email alerts confirmed[\s\S]*Central, and decisions affecting all wards/);
  t.is(confirmed.headers.get('cache-control'), 'no-store');
  t.is(confirmed.headers.get('referrer-policy'), 'no-referrer');
  t.is((await visitor.request(link)).status, 200);

  for (const wrong of ['/alerts/confirm/' + 'A'.repeat(43), '/alerts/confirm/short', '/alerts/confirm/' + link.split('/').pop()!.slice(0, 42) + '%3C']) {
    const response = await visitor.request(wrong);
    t.is(response.status, 404, wrong);
  }
  app.clock.advance(7 * DAY_MS + 1000);
  const expired = await visitor.request(linkIn(late!, '/alerts/confirm/'));
  t.is(expired.status, 404);
  t.regex(decode(await expired.text()), /may have expired/);
});

test('manage and unsubscribe links with a wrong token are a 404, and change nothing', async (t) => {
  const { app } = await alertWorld(t);
  const visitor = new Visitor(app);
  const wrong = 'B'.repeat(43);
  t.is((await visitor.request(`/alerts/manage/${wrong}`)).status, 404);
  t.is((await visitor.request(`/alerts/manage/not-a-token`)).status, 404);
  t.is((await visitor.request(`/alerts/unsubscribe/${wrong}`)).status, 404);
  t.is((await app.fetch(`/alerts/unsubscribe/${wrong}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' })).status, 404);
  t.is((await visitor.submit('/alerts/new', `/alerts/manage/${wrong}/remove`, { subscription: '1' })).status, 404);
});

test('an unconfirmed subscription expires: the daily job deletes it and the mail to it', async (t) => {
  const { app, drain } = await alertWorld(t);
  const visitor = new Visitor(app);
  await visitor.subscribe('never@example.org', 'ward=central');
  await visitor.subscribe('keeper@example.org', 'ward=central');
  const [, keeper] = await drain();
  await visitor.request(linkIn(keeper!, '/alerts/confirm/'));

  app.clock.advance(7 * DAY_MS - 1000);
  await app.deps.alerts.housekeeping();
  t.is((await app.deps.db.selectFrom('alert_subscriptions').select('id').execute()).length, 2, 'not before its 7 days');
  app.clock.advance(2000);
  const summary = await app.deps.alerts.housekeeping();
  t.regex(summary, /^1 unconfirmed address\(es\) expired \(1 erased\)/);
  const left = await app.deps.db.selectFrom('alert_subscriptions').select('email').execute();
  t.deepEqual(left, [{ email: 'keeper@example.org' }]);
  const outbox = await app.deps.db.selectFrom('outbox_messages').select('to_address').execute();
  t.deepEqual(outbox, [{ to_address: 'keeper@example.org' }], 'the sent confirmation to the expired address is gone too');
});

test('three confirmation emails per address a day, then a friendly 429, from any client', async (t) => {
  const { app, drain } = await alertWorld(t);
  for (const query of ['ward=central', 'ward=north', 'ward=central']) {
    t.is((await new Visitor(app).subscribe('target@example.org', query)).status, 303);
  }
  const refused = await new Visitor(app).subscribe('TARGET@example.org', 'ward=east');
  t.is(refused.status, 429);
  t.truthy(Number(refused.headers.get('retry-after')) > 0);
  const html = decode(await refused.text());
  t.regex(html, /Sorry, you cannot ask for more alerts just now/);
  t.regex(html, /already sent 3 confirmation emails to this address today/);
  t.regex(html, /try again in 24 hours/);
  t.is((await drain()).length, 3);

  app.clock.advance(24 * 60 * 60_000 + 1000);
  t.is((await new Visitor(app).subscribe('target@example.org', 'ward=east')).status, 303, 'a day later');
});

test('twenty requests per client an hour, then a 429', async (t) => {
  const { app, drain } = await alertWorld(t);
  const visitor = new Visitor(app);
  for (let n = 1; n <= 20; n++) t.is((await visitor.subscribe(`person${n}@example.org`, 'ward=central')).status, 303);
  const refused = await visitor.subscribe('person21@example.org', 'ward=central');
  t.is(refused.status, 429);
  t.regex(decode(await refused.text()), /too many requests for email alerts from your network/);
  t.is((await new Visitor(app).subscribe('person21@example.org', 'ward=central')).status, 303, 'another client is not affected');
  t.is((await drain()).length, 21);
});
