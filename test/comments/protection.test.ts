import test from 'ava';
import type { TestApp } from '../helpers/app.ts';
import { Browser, commentForm, decode, fieldValue, startCommentsApp, submit } from './helpers.ts';

let app: TestApp;
let close: () => Promise<void>;
test.before(async () => {
  ({ app, close } = await startCommentsApp({ commentRateLimitPerHour: 2 }));
});
test.after.always(() => close?.());

const stored = async (body: string) => app.deps.db.selectFrom('comments').select('id').where('body', '=', body).execute();
const queued = async () => Number((await app.deps.db.selectFrom('outbox_messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

test.serial('a form without the anti-forgery token, or with a wrong one, is refused and nothing is stored', async (t) => {
  const browser = new Browser(app);
  await (await browser.get('/comments/new')).arrayBuffer();
  for (const token of [undefined, '', 'x'.repeat(43)]) {
    const form = commentForm({ comment: `forged ${token}` });
    const response = await browser.request('/comments', { form: token === undefined ? form : { ...form, _csrf: token } });
    t.is(response.status, 403);
    t.regex(await response.text(), /Your form has expired/);
    t.deepEqual(await stored(`forged ${token}`), []);
  }
});

test.serial('a filled honeypot gets a thank-you page with no reference; nothing is stored or sent', async (t) => {
  const browser = new Browser(app);
  const mail = await queued();
  const response = await submit(browser, commentForm({ comment: 'Buy cheap watches', website: 'https://spam.example' }));
  t.is(response.status, 200);
  const html = await response.text();
  t.true(html.includes('Thank you for your comment'));
  t.notRegex(html, /FPC-\d{4}/);
  t.deepEqual(await stored('Buy cheap watches'), []);
  t.is(await queued(), mail);
  const attempts = await app.deps.db.selectFrom('comment_submission_attempts').select('outcome').where('outcome', '=', 'spam').execute();
  t.is(attempts.length, 1, 'it counts towards the rate limit');
});

test.serial('the honeypot is hidden from sight and from assistive technology, and out of the tab order', async (t) => {
  const html = await (await app.fetch('/comments/new')).text();
  t.regex(html, /<div class="govuk-visually-hidden" aria-hidden="true">\s*<label for="website">[^<]+<\/label>\s*<input type="text" id="website" name="website" value="" tabindex="-1" autocomplete="off">/);
});

test.serial('a client that has sent the hourly limit gets a friendly 429 that keeps the comment; others and later are fine', async (t) => {
  const browser = new Browser(app);
  for (const n of [1, 2]) t.is((await submit(browser, commentForm({ comment: `within limit ${n}` }))).status, 303);
  const refused = await submit(browser, commentForm({ comment: 'one too many', name: 'Kept Name' }));
  t.is(refused.status, 429);
  t.truthy(Number(refused.headers.get('retry-after')) > 0);
  const html = await refused.text();
  t.true(decode(html).includes('Your comment has not been sent yet'));
  t.is(fieldValue(html, 'comment'), 'one too many');
  t.is(fieldValue(html, 'name'), 'Kept Name');
  t.deepEqual(await stored('one too many'), []);

  t.is((await submit(new Browser(app), commentForm({ comment: 'another place' }))).status, 303, 'another client is not limited');

  app.clock.advance(61 * 60_000);
  t.is((await submit(browser, commentForm({ comment: 'an hour later' }))).status, 303);
});

test.serial('a body over the 64 kB limit gets the 413 page and nothing is stored', async (t) => {
  const browser = new Browser(app);
  const response = await submit(browser, commentForm({ comment: `huge ${'x'.repeat(70_000)}` }));
  t.is(response.status, 413);
  t.regex(await response.text(), /too large/);
  const rows = await app.deps.db.selectFrom('comments').select('id').where('body', 'like', 'huge %').execute();
  t.deepEqual(rows, []);
});
