import test from 'ava';
import { Browser, TEAM, commentForm, decisionId, decode, memberId, startCommentsApp, submit } from './helpers.ts';
import type { TestApp } from '../helpers/app.ts';
import type { SmtpSink } from './helpers.ts';

let app: TestApp;
let sink: SmtpSink;
let close: () => Promise<void>;
test.before(async () => {
  ({ app, sink, close } = await startCommentsApp());
});
test.after.always(() => close?.());

test.serial('a full submission stores exactly what was typed, answers 303 to its confirmation and emails the person and the team', async (t) => {
  const decision = await decisionId(app, 'KEY/25MAR24/01');
  const elsey = await memberId(app, 'gavin-elsey');
  const browser = new Browser(app);
  const typed = {
    decision: String(decision),
    comment: 'Line one about the signals.\n\nLine three: will the junction at Bourges Boulevard change?',
    name: 'Alex Resident',
    email: 'Alex.Resident@Example.org',
    telephone: '01733 452 460',
    address: '1 Bridge Street\nPeterborough\nPE1 1HG',
    responder: String(elsey),
  };
  const response = await submit(browser, commentForm(typed), `/comments/new?decision=${decision}`);
  t.is(response.status, 303);
  const location = response.headers.get('location')!;
  t.regex(location, /^\/comments\/FPC-2024-\d{6}\/thanks\?key=[\w-]{32}$/);
  const reference = /FPC-2024-\d{6}/.exec(location)![0];

  const stored = await app.deps.db.selectFrom('comments').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
  t.like(stored, {
    decision_id: decision,
    body: typed.comment,
    name: typed.name,
    email: typed.email,
    telephone: typed.telephone,
    address: typed.address,
    requested_responder_id: elsey,
    status: 'received',
    referred_to_id: null,
    erased_at: null,
  });
  t.is(new Date(stored.received_at).toISOString(), '2024-02-26T10:00:00.000Z');
  const history = await app.deps.db.selectFrom('comment_history').selectAll().where('comment_id', '=', stored.id).execute();
  t.like(history, [{ action: 'received', from_status: null, to_status: 'received', actor: 'public', user_id: null }]);

  const thanks = await browser.get(location);
  t.is(thanks.status, 200);
  const page = decode(await thanks.text());
  t.true(page.includes(reference), 'the reference is shown');
  t.true(page.includes('Award of Contract for Traffic Signals 2024 - 2032'), 'with the decision it is about');
  for (const personal of [typed.name, typed.email, typed.telephone, 'Bridge Street', 'Bourges']) t.false(page.includes(personal), `no ${personal}`);

  t.deepEqual(await app.deps.mail.drain(), { sent: 2, failed: 0, retried: 0 });
  // Mail servers lower-case the domain of an address.
  const ack = sink.received.find((m) => m.recipients.some((r) => r.toLowerCase() === typed.email.toLowerCase()));
  const team = sink.received.find((m) => m.recipients.includes(TEAM));
  t.truthy(ack, 'the acknowledgement arrived');
  t.truthy(team, 'the team notification arrived');
  t.true(ack!.headers.get('subject')!.includes(reference));
  t.true(team!.headers.get('subject')!.includes(reference));
  t.true(team!.headers.get('subject')!.includes('Award of Contract for Traffic Signals'));
  const outbox = await app.deps.db.selectFrom('outbox_messages').select(['kind', 'to_address', 'text_body']).orderBy('id').execute();
  const ackText = outbox.find((m) => m.kind === 'comment-ack')!.text_body;
  t.true(ackText.includes(typed.comment), 'the acknowledgement repeats the comment');
  t.true(ackText.includes('Gavin Elsey'), 'and who was asked to respond');
  t.true(ackText.includes('11 March 2024'), '10 working days after Monday 26 February 2024');
  const teamText = outbox.find((m) => m.kind === 'comment-received')!.text_body;
  t.true(teamText.includes(`https://forwardplan.example.gov.uk/admin/comments/${stored.id}`));
  t.false(teamText.includes(typed.email), 'contact details stay in the inbox, not in the team email');
});

test.serial('without an email address nothing is sent to the person; the team still hears', async (t) => {
  sink.received.length = 0;
  const browser = new Browser(app);
  const response = await submit(browser, commentForm({ email: '', telephone: '07700 900982', comment: 'A general question about the plan.' }));
  t.is(response.status, 303);
  await app.deps.mail.drain();
  t.deepEqual(sink.received.map((m) => m.recipients), [[TEAM]]);
  const stored = await app.deps.db.selectFrom('comments').selectAll().where('body', '=', 'A general question about the plan.').executeTakeFirstOrThrow();
  t.is(stored.decision_id, null);
  t.is(stored.email, null);
});

test.serial('a comment on a decision that was taken or withdrawn is accepted and the confirmation says so', async (t) => {
  for (const [status, words] of [['taken', 'already been taken'], ['withdrawn', 'has been withdrawn']] as const) {
    const decision = await decisionId(app, status === 'taken' ? 'KEY/15JAN24/02' : 'KEY/15JAN24/03');
    await app.deps.db.updateTable('decisions').set({ status }).where('id', '=', decision).execute();
    const browser = new Browser(app);
    const form = await browser.get(`/comments/new?decision=${decision}`);
    t.true(decode(await form.text()).includes(words), `the form says the decision is ${status}`);
    const response = await browser.post('/comments', commentForm({ decision: String(decision) }));
    t.is(response.status, 303, status);
    const thanks = decode(await (await browser.get(response.headers.get('location')!)).text());
    t.true(thanks.includes(words), `the confirmation says it is ${status}`);
  }
});

test.serial('an unknown or draft decision is a 404, on the form and when posting', async (t) => {
  const draft = await decisionId(app, 'KEY/15JAN24/04');
  await app.deps.db.updateTable('decisions').set({ status: 'draft' }).where('id', '=', draft).execute();
  const browser = new Browser(app);
  for (const id of [String(draft), '999999', 'abc', '-1']) {
    t.is((await browser.get(`/comments/new?decision=${id}`)).status, 404, `form for ${id}`);
    const before = await app.deps.db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    t.is((await browser.post('/comments', commentForm({ decision: id }))).status, 404, `post for ${id}`);
    const after = await app.deps.db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    t.is(Number(after.n), Number(before.n));
  }
});

test.serial('the confirmation page opens only with the key it was redirected with', async (t) => {
  const browser = new Browser(app);
  const response = await submit(browser, commentForm());
  const location = response.headers.get('location')!;
  const reference = /FPC-\d{4}-\d{6}/.exec(location)![0];
  t.is((await browser.get(`/comments/${reference}/thanks`)).status, 404);
  t.is((await browser.get(`/comments/${reference}/thanks?key=${'A'.repeat(32)}`)).status, 404);
  const next = reference.replace(/\d{6}$/, (n) => String(Number(n) + 1).padStart(6, '0'));
  t.is((await browser.get(location.replace(reference, next))).status, 404, "another reference with this key");
  t.is((await browser.get('/comments/not-a-reference/thanks?key=x')).status, 404);
});

test.serial('every decision page and the plan link to the form', async (t) => {
  const decision = await decisionId(app, 'KEY/25MAR24/01');
  t.true((await (await app.fetch(`/decisions/${decision}`)).text()).includes(`href="/comments/new?decision=${decision}"`));
  t.true((await (await app.fetch('/')).text()).includes('href="/comments/new"'));
});
