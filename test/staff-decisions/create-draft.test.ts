import test from 'ava';
import { errorSummary } from '../auth/helpers.ts';
import { decode, postForm, sharedStaffDecisionsWorld, text, validDecisionForm } from './helpers.ts';

const holder = sharedStaffDecisionsWorld(test);

test.serial('an editor creates a draft: staff see it, the public site, the API and the lists do not', async (t) => {
  const { app, as, anonymous } = holder.world;
  const form = await validDecisionForm(app, { internalNotes: 'Check with legal first' });
  const response = await postForm(app, as.editor, '/admin/decisions', form);
  t.is(response.status, 303);
  const location = response.headers.get('location') ?? '';
  const id = Number(/^\/admin\/decisions\/(\d+)\?done=created$/.exec(location)?.[1]);
  t.true(id > 0, location);

  const row = await app.deps.db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  t.like(row, { status: 'draft', part: 'key', is_key: true, expected_date: '2024-06-17', expected_precision: 'day', expected_date_text: '17 June', wards_text: 'Central and East', created_by: holder.world.users.editor.id });

  const staffPage = await text(await as.editor.get(location));
  t.true(staffPage.includes('Draft – not public'));
  t.true(staffPage.includes('The expected date ‘17 June’ was read as <strong>17 June 2024</strong>'), 'says how the date was read');
  t.true(staffPage.includes('Check with legal first'));

  t.is((await anonymous.get(`/decisions/${id}`)).status, 404, 'the public page of a draft is 404');
  t.is((await anonymous.get(`/api/v1/decisions/${id}`)).status, 404, 'the API knows no draft');
  const api = (await (await anonymous.get('/api/v1/decisions?q=Parks+Maintenance')).json()) as { total: number };
  t.is(api.total, 0, 'the public list leaves drafts out');
  t.false((await text(await anonymous.get('/decisions?limit=100'))).includes('Parks Maintenance Contract'));

  const staffList = await text(await as.editor.get('/admin/decisions?status=draft'));
  t.true(staffList.includes('Award of the Parks Maintenance Contract 2025'), 'the staff list shows drafts');
  t.regex(staffList, /1 decision match your filters/);

  const audit = await app.deps.db.selectFrom('decision_changes').selectAll().where('decision_id', '=', id).execute();
  t.is(audit.length, 1);
  t.like(audit[0], { action: 'created', source: 'staff', user_id: holder.world.users.editor.id });
  t.like(audit[0]!.fields, { title: { from: null, to: 'Award of the Parks Maintenance Contract 2025' }, wards: { from: null, to: ['Central', 'East'] } });
});

test.serial('the new-decision form shows every problem, linked to its field, and keeps what was typed (400)', async (t) => {
  const { app, as } = holder.world;
  const response = await postForm(app, as.editor, '/admin/decisions', {
    title: '',
    description: 'Kept <b>as typed</b>',
    part: 'private',
    exemptParagraph: '9',
    decisionMaker: '999999',
    expectedDate: 'Smarch 2024',
    committees: [],
    wardScope: 'listed',
    directorate: '',
    internalNotes: 'my private note',
  });
  t.is(response.status, 400);
  const html = await response.text();
  t.deepEqual(errorSummary(decode(html)), [
    '#title Enter the title of the decision',
    '#isKey Select whether this private decision is also a key decision',
    '#exemptParagraph Select the paragraph of Schedule 12A that makes the information exempt',
    '#decisionMaker Select the decision maker',
    "#expectedDate 'Smarch 2024' is not a date; give a date such as 11 March 2024 or May 2024",
    '#committees Select the relevant scrutiny committee',
    '#wards Select the wards the decision affects',
    '#directorate Select the directorate',
  ]);
  t.regex(html, /<title>Error: Add a decision/);
  t.true(html.includes('Kept &lt;b&gt;as typed&lt;/b&gt;'), 'the description is kept, escaped');
  t.true(html.includes('value="Smarch 2024"'), 'the bad date is kept');
  t.true(html.includes('my private note'));
  t.regex(html, /id="part-2"[^>]*value="private"[^>]*checked/, 'the chosen part stays chosen');
  t.regex(html, /class="govuk-error-message"[\s\S]*?Enter the title of the decision/, 'inline messages too');
  t.is(await app.deps.db.selectFrom('decisions').select('id').where('description', '=', 'Kept <b>as typed</b>').executeTakeFirst(), undefined, 'nothing saved');
});

test.serial('more than two committees, an unknown ward and an over-long title are refused', async (t) => {
  const { app, as } = holder.world;
  const choices = await app.deps.staffDecisions.choices();
  const form = await validDecisionForm(app, {
    title: 'x'.repeat(20_001),
    committees: choices.committees.slice(0, 3).map((c) => String(c.id)),
    wards: ['999999'],
  });
  const response = await postForm(app, as.editor, '/admin/decisions', form);
  t.is(response.status, 400);
  t.deepEqual(errorSummary(decode(await response.text())), [
    '#title Title must be 20,000 characters or fewer',
    '#committees Select no more than 2 scrutiny committees',
    '#wards Select the wards the decision affects',
  ]);
});

test.serial('a Part 2 decision needs its Schedule 12A paragraph and records whether it is key', async (t) => {
  const { app, as } = holder.world;
  const form = await validDecisionForm(app, { title: 'Sale of the Old Depot', part: 'private', isKey: 'no', exemptParagraph: '3', exemptionReason: 'Commercial terms', wardScope: 'all', wards: [] });
  const response = await postForm(app, as.editor, '/admin/decisions', form);
  t.is(response.status, 303);
  const row = await app.deps.db.selectFrom('decisions').selectAll().where('title', '=', 'Sale of the Old Depot').executeTakeFirstOrThrow();
  t.like(row, { part: 'private', is_key: false, exempt_paragraph: 3, exemption_reason: 'Commercial terms', ward_scope: 'all', wards_text: 'All Wards' });
});

test.serial('the form needs a CSRF token and an editor', async (t) => {
  const { app, as, anonymous } = holder.world;
  const form = await validDecisionForm(app, { title: 'Forged' });
  t.is((await postForm(app, as.editor, '/admin/decisions', { ...form, _csrf: 'forged' })).status, 403);
  const asAnonymous = await postForm(app, anonymous, '/admin/decisions', form);
  t.is(asAnonymous.status, 303);
  t.regex(asAnonymous.headers.get('location') ?? '', /^\/sign-in/);
  t.is(await app.deps.db.selectFrom('decisions').select('id').where('title', '=', 'Forged').executeTakeFirst(), undefined);
  t.is((await as.editor.get('/admin/decisions/new')).status, 200);
});
