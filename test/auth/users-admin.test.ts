import test from 'ava';
import { addUser, Browser, errorSummary, PASSWORD, sharedApp } from './helpers.ts';

const world = sharedApp(test);

async function signedInAdmin(email: string) {
  await addUser(world.app, email, 'admin', 'Ada Admin');
  const browser = new Browser(world.app);
  if ((await browser.signIn(email)).status !== 303) throw new Error('admin could not sign in');
  return browser;
}

test.serial('an admin adds an account with a role; the new person can sign in with that role', async (t) => {
  const admin = await signedInAdmin('ada@example.gov.uk');
  const form = await admin.get('/admin/users/new');
  t.is(form.status, 200);
  t.is(form.headers.get('cache-control'), 'no-store');
  const response = await admin.post('/admin/users', { email: 'Pat@Example.gov.uk', name: 'Pat Publisher', role: 'publisher', password: PASSWORD });
  t.is(response.status, 303);
  t.regex(response.headers.get('location')!, /^\/admin\/users\/\d+\?done=created$/);
  const page = await (await admin.get(response.headers.get('location')!)).text();
  t.regex(page, /Account created/);
  t.regex(page, /pat@example\.gov\.uk/);
  t.regex(page, /Publisher/);

  const list = await (await admin.get('/admin/users')).text();
  t.regex(list, /pat@example\.gov\.uk[\s\S]*Pat Publisher[\s\S]*Publisher/);
  const pat = new Browser(world.app);
  t.is((await pat.signIn('pat@example.gov.uk')).status, 303);
  t.is((await pat.get('/admin')).status, 200);
  t.is((await pat.get('/admin/users')).status, 403);
});

test.serial('a refused account form lists every problem, linked to its field, and keeps what was typed except the password', async (t) => {
  const admin = await signedInAdmin('ada2@example.gov.uk');
  const response = await admin.post('/admin/users', { email: 'not-an-email', name: 'Kim "<b>" Keeper', role: 'owner', password: 'short' });
  t.is(response.status, 400);
  const html = await response.text();
  t.deepEqual(errorSummary(html), [
    '#email Enter an email address in the correct format, like name@example.gov.uk',
    '#role Select a role',
    '#password The password must be 12 characters or more',
  ]);
  t.regex(html, /id="email" name="email" type="email" spellcheck="false" value="not-an-email"/);
  t.regex(html, /value="Kim &quot;&lt;b&gt;&quot; Keeper"/);
  t.notRegex(html, /value="short"/);
  t.regex(html, /<title>Error: Add a staff account/);

  const duplicate = await admin.post('/admin/users', { email: 'ADA2@example.gov.uk', role: 'editor', password: PASSWORD });
  t.deepEqual(errorSummary(await duplicate.text()), ['#email There is already an account with this email address']);
  const common = await admin.post('/admin/users', { email: 'new2@example.gov.uk', role: 'editor', password: 'password1234' });
  t.deepEqual(errorSummary(await common.text()), ['#password This password is too common: choose one that is harder to guess, such as three random words']);
});

test.serial('an admin changes a role, disables an account (ending its sessions) and enables it again', async (t) => {
  const admin = await signedInAdmin('ada3@example.gov.uk');
  const ed = await addUser(world.app, 'ed@example.gov.uk', 'editor');
  const edBrowser = new Browser(world.app);
  t.is((await edBrowser.signIn('ed@example.gov.uk')).status, 303);

  const role = await admin.post(`/admin/users/${ed.id}/role`, { role: 'publisher' });
  t.is(role.headers.get('location'), `/admin/users/${ed.id}?done=role`);
  t.is((await world.app.deps.auth.users.get(ed.id))?.role, 'publisher');

  const disabled = await admin.post(`/admin/users/${ed.id}/disable`);
  t.is(disabled.status, 303);
  t.regex(await (await admin.get(disabled.headers.get('location')!)).text(), /signed out everywhere/);
  t.is((await edBrowser.get('/admin')).status, 303, 'their open session has ended');
  t.is((await new Browser(world.app).signIn('ed@example.gov.uk')).status, 400);
  t.regex(await (await admin.get('/admin/users')).text(), /ed@example\.gov\.uk[\s\S]*?Disabled/);

  t.is((await admin.post(`/admin/users/${ed.id}/enable`)).status, 303);
  t.is((await new Browser(world.app).signIn('ed@example.gov.uk')).status, 303);
});

test.serial('an admin cannot demote or disable themselves, and the last active admin cannot be removed', async (t) => {
  const users = world.app.deps.auth.users;
  const admin = await signedInAdmin('solo@example.gov.uk');
  const self = (await users.byEmail('solo@example.gov.uk'))!;
  const page = await (await admin.get(`/admin/users/${self.id}`)).text();
  t.regex(page, /This is your own account/);
  t.notRegex(page, /Disable account/);

  const refused = await admin.post(`/admin/users/${self.id}/disable`);
  t.is(refused.status, 400);
  t.deepEqual(errorSummary(await refused.text()), ['#status You cannot disable your own account: ask another administrator']);
  const demote = await admin.post(`/admin/users/${self.id}/role`, { role: 'editor' });
  t.deepEqual(errorSummary(await demote.text()), ['#role You cannot change your own role: ask another administrator']);

  // Without an actor (as from the command line), only the last-admin rule applies.
  for (const other of await users.list()) {
    if (other.role === 'admin' && other.id !== self.id) await users.setRole(other.id, 'editor');
  }
  t.deepEqual(await users.disable(self.id), { ok: false, problems: { status: 'This is the only active administrator: make someone else an administrator first' } });
  t.deepEqual(await users.setRole(self.id, 'editor'), { ok: false, problems: { role: 'This is the only active administrator: make someone else an administrator first' } });
});

test.serial('made-up and malformed account numbers are 404, not errors', async (t) => {
  const admin = await signedInAdmin('ada4@example.gov.uk');
  for (const path of ['/admin/users/999999', '/admin/users/abc', '/admin/users/-1']) {
    t.is((await admin.get(path)).status, 404, path);
  }
  t.is((await admin.post('/admin/users/999999/disable')).status, 404);
});
