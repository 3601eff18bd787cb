import test from 'ava';
import { errorSummary } from '../auth/helpers.ts';
import type { TestApp } from '../helpers/app.ts';
import { Browser, commentForm, decisionId, decode, fieldValue, memberId, startCommentsApp, submit } from './helpers.ts';

let app: TestApp;
let close: () => Promise<void>;
test.before(async () => {
  ({ app, close } = await startCommentsApp({ commentRateLimitPerHour: 1000 }));
});
test.after.always(() => close?.());

const count = async () => Number((await app.deps.db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

const GOOD = {
  comment: 'Will the consultation include <b>evening</b> sessions?\nThanks.',
  name: "Pat O'Neill",
  email: 'pat@example.org',
  telephone: '01632 960 001',
  address: '2 High Street\nPeterborough PE1 1AA',
};

const CASES: { field: string; value: string; message: string }[] = [
  { field: 'comment', value: '', message: 'Enter your comment or question' },
  { field: 'comment', value: '   \n  ', message: 'Enter your comment or question' },
  { field: 'comment', value: 'x'.repeat(5001), message: 'Your comment or question must be 5,000 characters or fewer' },
  { field: 'name', value: '', message: 'Enter your name' },
  { field: 'name', value: 'n'.repeat(201), message: 'Your name must be 200 characters or fewer' },
  { field: 'email', value: 'pat@example', message: 'Enter an email address in the correct format, like name@example.com' },
  { field: 'email', value: 'pat example.org', message: 'Enter an email address in the correct format, like name@example.com' },
  { field: 'email', value: 'pat@@example.org', message: 'Enter an email address in the correct format, like name@example.com' },
  { field: 'telephone', value: 'call me', message: 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192' },
  { field: 'telephone', value: '123', message: 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192' },
  { field: 'address', value: 'a'.repeat(501), message: 'Your address must be 500 characters or fewer' },
  { field: 'responder', value: '999999', message: 'Choose a Cabinet Member from the list, or leave it to us to refer your comment' },
];

for (const { field, value, message } of CASES) {
  test.serial(`${field} = ${JSON.stringify(value.length > 20 ? `${value.slice(0, 10)}… (${value.length})` : value)} gives "${message}" and keeps every other value`, async (t) => {
    const browser = new Browser(app);
    const before = await count();
    const decision = await decisionId(app, 'KEY/25MAR24/01');
    const hiller = String(await memberId(app, 'peter-hiller'));
    const form = commentForm({ ...GOOD, decision: String(decision), responder: hiller, [field]: value });
    const response = await submit(browser, form, `/comments/new?decision=${decision}`);
    t.is(response.status, 400);
    const html = await response.text();
    t.deepEqual(errorSummary(html).map(decode), [`#${field} ${message}`]);
    t.true(decode(html).includes(`<p id="${field}-error" class="govuk-error-message">`), 'the message is beside the field');
    t.regex(html, /<title>Error: /);
    for (const other of ['comment', 'name', 'email', 'telephone', 'address']) {
      if (other === field) continue;
      t.is(fieldValue(html, other), form[other], `${other} comes back as typed`);
    }
    if (field !== 'comment') t.is(fieldValue(html, 'comment'), GOOD.comment);
    if (field !== 'responder') t.regex(html, new RegExp(`value="${hiller}" checked`), 'the chosen Cabinet Member stays chosen');
    t.is(fieldValue(html, 'website'), '', 'the honeypot is never filled back in');
    t.true(html.includes(`name="decision" value="${decision}"`));
    t.is(await count(), before, 'nothing stored');
  });
}

test.serial('no way to reply is one error on the contact details, keeping the rest', async (t) => {
  const browser = new Browser(app);
  const response = await submit(browser, commentForm({ comment: 'Hello', name: 'Sam', email: '', telephone: '', address: '' }));
  t.is(response.status, 400);
  const html = await response.text();
  t.deepEqual(errorSummary(html).map(decode), ['#email Enter an email address, a telephone number or a postal address, so that we can reply to you']);
  t.is(fieldValue(html, 'comment'), 'Hello');
  t.is(fieldValue(html, 'name'), 'Sam');
});

test.serial('several problems are listed in the order of the fields', async (t) => {
  const browser = new Browser(app);
  const response = await submit(browser, commentForm({ comment: '', name: '', email: 'nope', responder: 'x' }));
  t.deepEqual(
    errorSummary(await response.text()).map((line) => line.split(' ')[0]),
    ['#comment', '#name', '#email', '#responder'],
  );
});

test.serial('any one of email, telephone or postal address is enough', async (t) => {
  for (const contact of [{ email: 'a@example.org' }, { email: '', telephone: '+44 808 157 0192' }, { email: '', address: '3 Low Road' }] as Record<string, string>[]) {
    const response = await submit(new Browser(app), commentForm(contact));
    t.is(response.status, 303, JSON.stringify(contact));
  }
});

// A NUL byte is refused outright (400, test/http/bad-input.test.ts): PostgreSQL cannot store it.
test.serial('control characters and direction overrides are stripped before anything is stored', async (t) => {
  const response = await submit(new Browser(app), commentForm({ comment: 'Safe\u0001 text\u202E reversed\r\nnext line', name: 'Bell\u0007 Ringer\u2066', email: 'bell@example.org' }));
  t.is(response.status, 303);
  const row = await app.deps.db.selectFrom('comments').select(['body', 'name']).where('email', '=', 'bell@example.org').executeTakeFirstOrThrow();
  t.is(row.body, 'Safe text reversed\nnext line');
  t.is(row.name, 'Bell Ringer');
});
