import test from 'ava';
import { parse } from 'csv-parse/sync';
import type { TestApp } from '../helpers/app.ts';
import { TEAM, decisionId, sendComment, staff, startCommentsApp, type SmtpSink } from './helpers.ts';
import { htmlPart } from './mime.ts';

let app: TestApp;
let sink: SmtpSink;
let close: () => Promise<void>;
test.before(async () => {
  ({ app, sink, close } = await startCommentsApp({ commentRateLimitPerHour: 1000 }));
});
test.after.always(() => close?.());

const SCRIPT = '<script>alert("xss")</script> <b>bold</b> & more';
const IMG = '<img src=x onerror=alert(1)>';

test.serial('script and HTML a resident typed come out escaped in the inbox, on the comment page and in both emails', async (t) => {
  const decision = await decisionId(app, 'KEY/25MAR24/01');
  const { id, reference } = await sendComment(app, { decision: String(decision), comment: SCRIPT, name: IMG, email: 'xss@example.org', address: '<i>1 Road</i>' });
  const editor = await staff(app, 'editor');
  for (const path of ['/admin/comments', `/admin/comments/${id}`]) {
    const html = await (await editor.get(path)).text();
    t.false(html.includes('<script>alert'), `${path}: no live script`);
    t.false(html.includes('<img src=x'), `${path}: no live image`);
    t.true(html.includes('&lt;img src=x onerror=alert(1)&gt;'), `${path}: the name shown as text`);
    if (path !== '/admin/comments') {
      t.true(html.includes('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt; &amp; more'), 'the comment shown as text');
      t.true(html.includes('&lt;i&gt;1 Road&lt;/i&gt;'));
    }
  }

  const outbox = await app.deps.db.selectFrom('outbox_messages').select(['kind', 'html_body', 'subject']).where('dedupe_key', 'like', `%${reference}`).execute();
  t.is(outbox.length, 2);
  for (const message of outbox) {
    t.false(message.html_body!.includes('<script>alert'), message.kind);
    t.true(message.html_body!.includes('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;'), message.kind);
    t.false(message.subject.includes('<'), 'nothing a resident typed reaches a subject');
  }
  t.true(outbox.find((m) => m.kind === 'comment-ack')!.html_body!.includes('Dear &lt;img src=x onerror=alert(1)&gt;,'));

  await app.deps.mail.drain();
  for (const to of ['xss@example.org', TEAM]) {
    const received = sink.received.find((m) => m.recipients.includes(to));
    const html = htmlPart(received!.raw)!;
    t.truthy(html, `${to} got an HTML part`);
    t.false(html.includes('<script>alert'), `${to}: no live script arrived`);
    t.true(html.includes('&lt;script&gt;'), `${to}: the script arrived as text`);
  }
});

test.serial('the CSV export holds the filtered list with every formula-like cell neutralised', async (t) => {
  const decision = await decisionId(app, 'KEY/25MAR24/02');
  const { reference } = await sendComment(app, {
    decision: String(decision),
    comment: '=HYPERLINK("http://evil.example","Click me")',
    name: '@SUM(A1:A9)',
    email: 'formula@example.org',
    telephone: '+44 1632 960 001',
    address: '-2+3\nPeterborough',
  });
  await sendComment(app, { comment: 'Not about that decision' });
  const editor = await staff(app, 'editor');
  const response = await editor.get(`/admin/comments/export.csv?decision=${decision}`);
  t.is(response.status, 200);
  t.is(response.headers.get('content-type'), 'text/csv; charset=utf-8');
  t.regex(response.headers.get('content-disposition') ?? '', /^attachment; filename="comments-\d{4}-\d{2}-\d{2}\.csv"$/);
  t.is(response.headers.get('cache-control'), 'no-store');
  const rows = parse(await response.text(), { bom: true, columns: true }) as Record<string, string>[];
  t.is(rows.length, 1, 'only the filtered comment');
  const [row] = rows;
  t.is(row!.Reference, reference);
  t.is(row!.Comment, `'=HYPERLINK("http://evil.example","Click me")`);
  t.is(row!.Name, "'@SUM(A1:A9)");
  t.is(row!.Telephone, "'+44 1632 960 001");
  t.is(row!.Address, "'-2+3\nPeterborough");
  t.is(row!.Email, 'formula@example.org', 'ordinary cells are left alone');
  t.is(row!.Decision, 'Peterborough Housing Strategy 2024-2029');
});

test('the CSV export is for staff only', async (t) => {
  const response = await app.fetch('/admin/comments/export.csv');
  t.is(response.status, 303);
  t.regex(response.headers.get('location') ?? '', /^\/sign-in/);
});
