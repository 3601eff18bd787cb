import test from 'ava';
import { errorView, FormErrors, FormReader } from '../../src/http/forms.ts';
import { Browser, sharedApp } from './helpers.ts';

const world = sharedApp(test);

test('a form body over 64 kB gets the 413 page, not a 500', async (t) => {
  const browser = new Browser(world.app);
  const token = await browser.csrfToken();
  const response = await browser.request('/sign-in', { form: { _csrf: token, email: 'a@b.gov.uk', password: 'x'.repeat(70_000) } });
  t.is(response.status, 413);
  const html = await response.text();
  t.regex(html, /Too much information/);
  t.regex(html, /The information you sent is too large/);
});

test('a form body just under the limit is read', async (t) => {
  const browser = new Browser(world.app);
  const token = await browser.csrfToken();
  const response = await browser.request('/sign-in', { form: { _csrf: token, email: 'a@b.gov.uk', password: 'x'.repeat(60_000) } });
  t.is(response.status, 400, 'refused as a wrong password, so it was parsed');
});

test('error messages become a linked summary and per-field messages, in the order of the fields', (t) => {
  const errors = new FormErrors().add('email', 'Enter an email address').check('name', undefined).add('role', 'Select a role').add('email', 'A later message');
  t.true(errors.any);
  t.true(errors.has('role'));
  t.false(errors.has('name'));
  t.deepEqual(errors.view(), {
    errorList: [
      { text: 'Enter an email address', href: '#email' },
      { text: 'Select a role', href: '#role' },
    ],
    errors: { email: { text: 'Enter an email address' }, role: { text: 'Select a role' } },
  });
  t.deepEqual(errorView({}), { errorList: [], errors: {} });
});

test('form fields are read as text: trimmed, control and bidi-override characters removed, passwords untouched', (t) => {
  const form = new FormReader({
    name: '  Ann\u0000 \u202Eevil\u202C  Smith ',
    comment: 'line one\r\nline two\u0007\n\tindented',
    password: '  keep me exactly \u0001',
    twice: ['first', 'second'],
    nested: { a: '1' },
    ticks: ['a', '', ' b ', { x: 1 }],
  });
  t.is(form.text('name'), 'Ann evil Smith');
  t.is(form.multiline('comment'), 'line one\nline two\n\tindented');
  t.is(form.raw('password'), '  keep me exactly \u0001');
  t.is(form.text('twice'), 'first');
  t.is(form.text('nested'), '');
  t.is(form.text('missing'), '');
  t.deepEqual(form.list('ticks'), ['a', 'b']);
  t.true(form.has('nested'));
  t.false(form.has('missing'));
});
