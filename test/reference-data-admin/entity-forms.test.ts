import test from 'ava';
import { errorSummary } from '../auth/helpers.ts';
import { adminWorld, entityId, idFromLocation, visibleText } from './helpers.ts';

test('adding a committee with problems keeps what was typed and names each problem', async (t) => {
  const { browser } = await adminWorld(t);
  const response = await browser.post('/admin/reference/committees', { name: '', slug: 'Not A Slug!', description: 'Scrutinises parks.' });
  t.is(response.status, 400);
  const html = await response.text();
  t.deepEqual(errorSummary(html), [
    '#name Enter a name',
    '#slug The short name must be lower-case letters a to z and numbers, with a single hyphen between words, like children-and-education',
  ]);
  t.regex(html, /<title>Error: Add a scrutiny committee/);
  t.regex(html, /value="Not A Slug!"/);
  t.regex(html, />Scrutinises parks\.<\/textarea>/);
  t.regex(html, /id="name-error"/);
});

test('a new committee gets a slug from its name, its name as a spelling, a public page and an audit record', async (t) => {
  const { app, browser, userId } = await adminWorld(t);
  const response = await browser.post('/admin/reference/committees', {
    name: 'Health Scrutiny Committee',
    slug: '',
    description: 'Scrutinises health services.',
  });
  t.is(response.status, 303);
  const id = idFromLocation(response);
  const row = await app.deps.db.selectFrom('committees').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  t.like(row, { slug: 'health', name: 'Health Scrutiny Committee', description: 'Scrutinises health services.', needs_review: false });
  const spellings = await app.deps.db.selectFrom('aliases').select('spelling').where('committee_id', '=', id).execute();
  t.deepEqual(spellings.map((s) => s.spelling), ['Health Scrutiny Committee']);
  const audit = await app.deps.db.selectFrom('reference_changes').selectAll().where('kind', '=', 'committee').where('entity_id', '=', id).orderBy('id').execute();
  t.deepEqual(audit.map((a) => [a.action, a.user_id, a.source]), [['created', userId, 'staff'], ['alias_added', userId, 'staff']]);
  t.deepEqual(audit[0]!.fields.slug, { from: null, to: 'health' });

  const publicPage = await app.fetch('/committees/health');
  t.is(publicPage.status, 200);
  t.regex(visibleText(await publicPage.text()), /Scrutinises health services\./);
  const shown = visibleText(await (await browser.get(`/admin/reference/committees/${id}?done=created`)).text());
  t.regex(shown, /The scrutiny committee has been added\./);
  t.regex(shown, /Added by Ada admin/);
});

test('renaming a committee keeps its slug; changing the slug is refused when another committee has it', async (t) => {
  const { app, browser } = await adminWorld(t);
  const id = await entityId(app, 'committees', 'adults-and-health');
  const edit = await (await browser.get(`/admin/reference/committees/${id}/edit`)).text();
  t.regex(edit, /value="adults-and-health"/);
  t.regex(visibleText(edit), /Changing it changes public addresses: the page \/committees\/adults-and-health and every filter link, feed and email alert/);

  const renamed = await browser.post(`/admin/reference/committees/${id}`, {
    name: 'Adults, Health and Wellbeing Scrutiny Committee',
    slug: 'adults-and-health',
    description: 'Scrutinises adult social care and wellbeing.',
  });
  t.is(renamed.status, 303);
  const row = await app.deps.db.selectFrom('committees').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  t.like(row, { slug: 'adults-and-health', name: 'Adults, Health and Wellbeing Scrutiny Committee', description: 'Scrutinises adult social care and wellbeing.' });
  const spellings = (await app.deps.db.selectFrom('aliases').select('spelling').where('committee_id', '=', id).execute()).map((s) => s.spelling);
  t.true(spellings.includes('Adults and Health Scrutiny Committee'), 'the old name still imports here');
  t.true(spellings.includes('Adults, Health and Wellbeing Scrutiny Committee'), 'and so does the new one');
  const [change] = await app.deps.db.selectFrom('reference_changes').selectAll().where('entity_id', '=', id).where('action', '=', 'updated').execute();
  t.deepEqual(Object.keys(change!.fields).sort(), ['description', 'name']);

  const clash = await browser.post(`/admin/reference/committees/${id}`, { name: 'Adults and Health', slug: 'children-and-education', description: '' });
  t.is(clash.status, 400);
  const html = await clash.text();
  t.deepEqual(errorSummary(html), ['#slug Another scrutiny committee already uses the short name ‘children-and-education’']);
  t.regex(html, /value="children-and-education"/);
  t.is((await app.deps.db.selectFrom('committees').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug, 'adults-and-health');
});

test('changing a slug deliberately moves the public page', async (t) => {
  const { app, browser } = await adminWorld(t);
  const id = await entityId(app, 'committees', 'adults-and-health');
  const response = await browser.post(`/admin/reference/committees/${id}`, { name: 'Adults and Health Scrutiny Committee', slug: 'adults-health', description: 'Remit.' });
  t.is(response.status, 303);
  t.is((await app.fetch('/committees/adults-health')).status, 200);
  t.is((await app.fetch('/committees/adults-and-health')).status, 404);
});

test('a name that is already another entry’s spelling is refused, naming that entry', async (t) => {
  const { browser } = await adminWorld(t);
  const response = await browser.post('/admin/reference/directorates', { name: 'Place & Economy Department', slug: '', description: '' });
  t.is(response.status, 400);
  t.deepEqual(errorSummary(await response.text()), [
    '#name ‘Place &amp; Economy Department’ is already a spelling of ‘Place and Economy’: if they are the same directorate, merge them instead',
  ]);
});

test('wards and directorates are listed, added and edited', async (t) => {
  const { app, browser } = await adminWorld(t);
  const list = visibleText(await (await browser.get('/admin/reference/wards')).text());
  t.regex(list, /Fletton and Stanground \/wards\/fletton-and-stanground/);

  const ward = await browser.post('/admin/reference/wards', { name: 'Hampton Hargate Ward', slug: 'hampton-hargate', description: '' });
  t.is(ward.status, 303);
  const wardId = idFromLocation(ward);
  t.like(await app.deps.db.selectFrom('wards').selectAll().where('id', '=', wardId).executeTakeFirstOrThrow(), { slug: 'hampton-hargate', name: 'Hampton Hargate Ward' });

  const directorateId = await entityId(app, 'directorates', 'public-health');
  const edited = await browser.post(`/admin/reference/directorates/${directorateId}`, { name: 'Public Health', slug: 'public-health', description: 'Health protection and improvement.' });
  t.is(edited.status, 303);
  t.is((await app.deps.db.selectFrom('directorates').select('description').where('id', '=', directorateId).executeTakeFirstOrThrow()).description, 'Health protection and improvement.');

  const blank = await browser.post(`/admin/reference/directorates/${directorateId}`, { name: 'Public Health', slug: '', description: '' });
  t.is(blank.status, 400);
  t.deepEqual(errorSummary(await blank.text()), ['#slug Enter a short name for the address']);
});

test('decision makers: a Cabinet Member is added; a second Cabinet is refused', async (t) => {
  const { app, browser } = await adminWorld(t);
  const member = await browser.post('/admin/reference/decision-makers', { makerKind: 'member', name: 'Nick Thulbourn', slug: '' });
  t.is(member.status, 303);
  t.like(await app.deps.db.selectFrom('decision_makers').selectAll().where('id', '=', idFromLocation(member)).executeTakeFirstOrThrow(), {
    kind: 'member',
    slug: 'nick-thulbourn',
  });

  const cabinet = await browser.post('/admin/reference/decision-makers', { makerKind: 'cabinet', name: 'Executive Board', slug: '' });
  t.is(cabinet.status, 400);
  const html = await cabinet.text();
  t.deepEqual(errorSummary(html), ['#makerKind The Cabinet is already recorded as ‘Cabinet’: there is only one']);
  t.regex(html, /value="Executive Board"/);
  t.regex(html, /value="cabinet" checked/);
});

test('a form without its anti-forgery token changes nothing', async (t) => {
  const { app, browser } = await adminWorld(t);
  const response = await browser.request('/admin/reference/committees', { form: { name: 'Forged Scrutiny Committee' } });
  t.is(response.status, 403);
  t.is(await app.deps.db.selectFrom('committees').select('id').where('name', '=', 'Forged Scrutiny Committee').executeTakeFirst(), undefined);
});

test('an unknown entity number is a 404 page, not an error', async (t) => {
  const { browser } = await adminWorld(t);
  t.is((await browser.get('/admin/reference/wards/999999')).status, 404);
  t.is((await browser.get('/admin/reference/wards/abc')).status, 404);
  t.is((await browser.post('/admin/reference/wards/999999', { name: 'X', slug: 'x' })).status, 404);
});
