import test from 'ava';
import { sql } from 'kysely';
import { createDb } from '../../src/db/create-db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { freshDb } from '../helpers/db.ts';
import { Browser, TEAM, commentForm, decisionId, decode, fieldValue, startCommentsApp, submit } from './helpers.ts';
import { startTcpProxy } from './tcp-proxy.ts';

const counts = async (db: TestApp['deps']['db']) => {
  const n = async (table: 'comments' | 'comment_history' | 'outbox_messages' | 'comment_submission_attempts') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { comments: await n('comments'), history: await n('comment_history'), outbox: await n('outbox_messages'), attempts: await n('comment_submission_attempts') };
};

function assertTryAgainPage(t: import('ava').ExecutionContext, status: number, html: string, typed: string) {
  t.is(status, 503);
  t.true(decode(html).includes('Your comment has not been sent'), 'a clear error');
  t.true(decode(html).includes('try sending it again'), 'says to try again');
  t.is(fieldValue(html, 'comment'), typed, 'the form keeps their text');
  t.notRegex(html, /FPC-\d{4}-\d{6}/, 'no reference: nothing was acknowledged');
  t.false(html.includes('Comment sent'));
}

test('the database failing mid-transaction stores nothing, queues no email, and the person is asked to try again with their text kept', async (t) => {
  const { app, sink, close } = await startCommentsApp();
  t.teardown(close);
  // The server going away while the comment's emails are being queued: after the comment row was written.
  await sql`
    CREATE FUNCTION simulate_shutdown() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'terminating connection due to administrator command' USING ERRCODE = 'admin_shutdown'; END $$`.execute(app.deps.db);
  await sql`CREATE TRIGGER simulate_shutdown BEFORE INSERT ON outbox_messages FOR EACH ROW EXECUTE FUNCTION simulate_shutdown()`.execute(app.deps.db);

  const browser = new Browser(app);
  const decision = await decisionId(app, 'KEY/25MAR24/01');
  const typed = 'My carefully written comment,\nwhich must not be lost.';
  const form = commentForm({ decision: String(decision), comment: typed, email: 'keep@example.org' });
  const response = await submit(browser, form, `/comments/new?decision=${decision}`);
  t.is(response.headers.get('retry-after'), '60');
  assertTryAgainPage(t, response.status, await response.text(), typed);
  t.deepEqual(await counts(app.deps.db), { comments: 0, history: 0, outbox: 0, attempts: 0 }, 'the whole transaction rolled back');

  await sql`DROP TRIGGER simulate_shutdown ON outbox_messages`.execute(app.deps.db);
  const again = await browser.post('/comments', form);
  t.is(again.status, 303, 'sending again once the database is back works');
  t.like(await counts(app.deps.db), { comments: 1, history: 1, outbox: 2, attempts: 1 });
  await app.deps.mail.drain();
  t.is(sink.received.length, 2);
  t.true(sink.received.some((m) => m.recipients.includes(TEAM)));
});

test('with the database stopped, a submission gets a clear error, keeps the text, and nothing is acknowledged', async (t) => {
  const typed = 'Written while the database was down.';
  // The app reaches its database through a relay that the test stops and restarts.
  const direct = await freshDb({ sample: true });
  t.teardown(direct.close);
  const server = new URL(direct.url);
  const proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
  const proxiedUrl = new URL(direct.url);
  proxiedUrl.hostname = '127.0.0.1';
  proxiedUrl.port = String(proxy.port);
  const proxied = createDb({ url: proxiedUrl.href, poolSize: 2 });
  // No LISTEN: this is about a submission losing its database; the change watcher's outage is test/http/cache/outage.test.ts's.
  const app = await startTestApp({ handle: proxied, listen: false, config: { trustProxy: true, governanceEmail: TEAM } });
  t.teardown(async () => {
    await proxy.start();
    await app.close();
    await proxied.close();
    await proxy.stop();
  });
  const browser = new Browser(app);

  await (await browser.get('/comments/new')).arrayBuffer();
  await proxy.stop();
  app.deps.council.forget();
  const response = await browser.post('/comments', commentForm({ comment: typed }));
  assertTryAgainPage(t, response.status, await response.text(), typed);
  t.deepEqual(await counts(direct.db), { comments: 0, history: 0, outbox: 0, attempts: 0 });

  await proxy.start();
  const again = await browser.post('/comments', commentForm({ comment: typed }));
  t.is(again.status, 303, 'sending again once the database is back works');
  t.like(await counts(direct.db), { comments: 1, outbox: 2 });
});
