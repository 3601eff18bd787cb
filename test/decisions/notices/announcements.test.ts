import test, { type ExecutionContext } from 'ava';
import { readMail } from '../../alerts/mime.ts';
import { BASE_URL, subscribeAndConfirm } from '../../alerts/helpers.ts';
import { parseJsonFeed, parseXmlFeed } from '../../feeds/helpers.ts';
import { startSmtpSink } from '../../mail/smtp-sink.ts';
import { decisionIdByReference, decisionIdByTitle, postForm, startKeepingWorld, validDecisionForm } from '../../staff-decisions/helpers.ts';
import { generalExceptionForm, privateNoticeForm } from './helpers.ts';

/*
 * A notice published is an event of its decision: an item in the decision's feeds and an email
 * to everyone whose alerts cover the decision. Saved with today's date, it is announced in the
 * transaction that saves it; a date still to come is announced by the daily job on its day; a
 * draft's notices go out with the plan that makes the draft public. Never twice.
 */

async function noticeWorld(t: ExecutionContext) {
  const sink = await startSmtpSink();
  t.teardown(sink.close);
  const world = await startKeepingWorld({ smtpUrl: sink.url, baseUrl: BASE_URL });
  t.teardown(world.app.close);
  const drain = async () => {
    const before = sink.received.length;
    await world.app.deps.mail.drain();
    return sink.received.slice(before).map(readMail);
  };
  const committee = 'growth-resources-and-communities';
  await world.app.deps.db.selectFrom('committees').select('id').where('slug', '=', committee).executeTakeFirstOrThrow();
  await subscribeAndConfirm({ app: world.app, sink, drain }, 'follower@example.org', `committee=${committee}`);
  return { ...world, drain };
}

const noticeEvents = (world: Awaited<ReturnType<typeof noticeWorld>>, decisionId: number) =>
  world.app.deps.db.selectFrom('decision_events').select(['kind', 'details', 'plan_id']).where('decision_id', '=', decisionId).where('kind', '=', 'notice_published').orderBy('id').execute();

test('saving a notice published today puts it in the decision’s feeds and alerts its followers, once per stage', async (t) => {
  const world = await noticeWorld(t);
  const { app, as, drain } = world;
  const id = await decisionIdByReference(app, 'KEY/25MAR24/01');
  await app.deps.db.updateTable('decisions').set({ internal_notes: 'INTERNAL NOTE: exempt detail' }).where('id', '=', id).execute();
  const url = `${BASE_URL}/notices/general-exception/${id}`;

  t.is((await postForm(app, as.publisher, `/admin/decisions/${id}/general-exception`, generalExceptionForm({ chairNotifiedOn: '2024-02-23', noticePublishedOn: '2024-02-26' }))).status, 303);
  t.deepEqual(await noticeEvents(world, id), [
    { kind: 'notice_published', details: { notice: 'general-exception', stage: 'notice', publishedOn: '2024-02-26', url: `/notices/general-exception/${id}` }, plan_id: null },
  ]);
  const [mail, ...more] = await drain();
  t.deepEqual(more, []);
  t.deepEqual(mail!.to, ['follower@example.org']);
  t.is(mail!.subject, 'Peterborough City Council: 1 update to decisions in the Forward Plan');
  t.regex(mail!.text, /KEY\/25MAR24\/01 – Award of Contract for Traffic Signals 2024 - 2032\n {3}A general exception notice \(regulation 10\) was published on 26 February 2024: 28 clear days’ notice of this key decision was impracticable\./);
  t.true(mail!.text.includes(url), 'the email links to the notice');
  for (const secret of ['INTERNAL NOTE', 'publisher@example.gov.uk', 'Pat Publisher', 'The grant offer']) t.false(mail!.raw.includes(secret), secret);

  const rss = await parseXmlFeed(await (await app.fetch(`/feeds/decisions.rss?id=${id}`)).text());
  t.is(rss.items[0]!.title, 'General exception notice published: KEY/25MAR24/01 – Award of Contract for Traffic Signals 2024 - 2032');
  t.is(rss.items[0]!.link, url);
  const json = parseJsonFeed(await (await app.fetch(`/feeds/decisions.json?id=${id}`)).text());
  t.is(json.items[0]!.url, url);
  t.true(json.items[0]!.content_html!.includes(`<a href="${url}">Read the notice</a>`));
  t.false(json.items[0]!.content_html!.includes('INTERNAL'));
  const atom = await (await app.fetch('/feeds/decisions.atom?committee=growth-resources-and-communities')).text();
  t.true(atom.includes('General exception notice published'), 'a filter that includes the decision carries it too');

  // Saved again, changed or not, the same stage is not announced again; its notice of reasons is.
  const withReasons = generalExceptionForm({ chairNotifiedOn: '2024-02-23', noticePublishedOn: '2024-02-26', reasons: 'Grant deadline.' });
  t.is((await postForm(app, as.publisher, `/admin/decisions/${id}/general-exception`, withReasons)).status, 303);
  t.is((await noticeEvents(world, id)).length, 1);
  t.deepEqual(await drain(), []);
  t.is((await postForm(app, as.publisher, `/admin/decisions/${id}/general-exception`, { ...withReasons, ...generalExceptionForm({ chairNotifiedOn: '2024-02-23', noticePublishedOn: '2024-02-26', reasonsNoticePublishedOn: '2024-02-26', reasons: 'Grant deadline.' }) })).status, 303);
  t.deepEqual((await noticeEvents(world, id)).map((e) => (e.details as { stage: string }).stage), ['notice', 'reasons']);
  const [reasonsMail] = await drain();
  t.regex(reasonsMail!.text, /The notice of the reasons why 28 clear days’ notice was impracticable \(regulation 10\) was published on 26 February 2024\./);
  const feed = parseJsonFeed(await (await app.fetch(`/feeds/decisions.json?id=${id}`)).text());
  t.deepEqual(feed.items.slice(0, 2).map((i) => i.title!.split(':')[0]), ['Reasons for the general exception published', 'General exception notice published']);
});

test('a notice dated in the future is announced by the daily job on its day, and only then', async (t) => {
  const world = await noticeWorld(t);
  const { app, drain } = world;
  const blueSky = await decisionIdByTitle(app, 'Blue Sky Peterborough');
  // The forms refuse a future date; a record made otherwise (by hand, a later import) waits for its day.
  await app.deps.db.insertInto('private_meeting_notices').values({ decision_id: blueSky, intention_published_on: '2024-02-28', further_notice_published_on: null, updated_at: new Date() }).execute();
  t.deepEqual(await app.deps.staffDecisions.records.announceDue(), { events: 0 });
  t.deepEqual(await drain(), []);

  app.clock.set('2024-02-28T00:05:00Z');
  t.deepEqual(await app.deps.staffDecisions.records.announceDue(), { events: 1 });
  const [mail] = await drain();
  t.regex(mail!.text, /Blue Sky Peterborough\n {3}A notice of the intention to take this decision in private \(regulation 5\) was published on 28 February 2024\./);
  t.true(mail!.text.includes(`${BASE_URL}/notices/private/${blueSky}`));
  t.deepEqual(await app.deps.staffDecisions.records.announceDue(), { events: 0 }, 'never twice');
  t.deepEqual(await drain(), []);
});

test('a draft’s notice goes out with the plan that makes the draft public', async (t) => {
  const world = await noticeWorld(t);
  const { app, as, drain, users } = world;
  t.is((await postForm(app, as.editor, '/admin/decisions', await validDecisionForm(app, { title: 'Emergency flood barrier', expectedDate: '1 June 2024' }))).status, 303);
  const draft = await decisionIdByTitle(app, 'Emergency flood barrier');
  t.is((await postForm(app, as.publisher, `/admin/decisions/${draft}/general-exception`, generalExceptionForm({ chairNotifiedOn: '2024-02-26', noticePublishedOn: '2024-02-26' }))).status, 303);
  t.deepEqual(await noticeEvents(world, draft), [], 'not while it is a draft');
  t.deepEqual(await app.deps.staffDecisions.records.announceDue(), { events: 0 }, 'nor by the daily job');
  // The sample's one breach (Blue Sky, regulation 5) is cleared by its notice of intention, announced as it is saved.
  const blueSky = await decisionIdByTitle(app, 'Blue Sky Peterborough');
  t.is((await postForm(app, as.publisher, `/admin/decisions/${blueSky}/private-notice`, privateNoticeForm({ intentionPublishedOn: '2024-02-20' }))).status, 303);
  t.is((await drain()).length, 1);

  const published = await app.deps.publication.publish({ publishedOn: '2024-02-26', userId: users.publisher.id });
  t.is(published.status, 'published');
  const [event] = await noticeEvents(world, draft);
  t.like(event, { details: { notice: 'general-exception', stage: 'notice' }, plan_id: (published as { planId: number }).planId });
  const [mail, ...more] = await drain();
  t.deepEqual(more, []);
  t.regex(mail!.subject, /in the Forward Plan published 26 February 2024/);
  t.regex(mail!.text, /Emergency flood barrier\n {3}Added to the Forward Plan[^\n]*\n[\s\S]*Emergency flood barrier\n {3}A general exception notice \(regulation 10\) was published on 26 February 2024/);
  t.true(mail!.text.includes(`${BASE_URL}/notices/general-exception/${draft}`));
  t.is((await app.fetch(`/notices/general-exception/${draft}`)).status, 200);
});
