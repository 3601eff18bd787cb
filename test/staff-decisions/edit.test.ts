import test from 'ava';
import { Browser, errorSummary } from '../auth/helpers.ts';
import { decisionIdByReference, decode, postForm, sharedStaffDecisionsWorld, signInAgain, text } from './helpers.ts';
import { formValuesOf } from '../../src/decisions/staff/staff-decision.view.ts';

const holder = sharedStaffDecisionsWorld(test);

/** The edit form as the page fills it in, with the hidden revision. */
async function editForm(id: number, overrides: Record<string, string | string[]> = {}) {
  const { app } = holder.world;
  const found = (await app.deps.staffDecisions.forEdit(id))!;
  const values = formValuesOf(found.row, found.committeeIds, found.wardIds);
  return { ...values, revision: String(found.row.revision), ...overrides } as Record<string, string | string[]>;
}

test.serial('moving the date of a published decision: audit row with old and new, a public event, and the public page says so', async (t) => {
  const { app, as, anonymous, users } = holder.world;
  const id = await decisionIdByReference(app, 'KEY/25MAR24/01');
  const page = await text(await as.editor.get(`/admin/decisions/${id}/edit`));
  t.true(page.includes('value="May 2024"'), 'the form shows the date as printed');
  t.true(page.includes('Read as: May 2024'));

  const response = await postForm(app, as.editor, `/admin/decisions/${id}`, await editForm(id, { expectedDate: '10 June 2024' }));
  t.is(response.status, 303);
  t.is(response.headers.get('location'), `/admin/decisions/${id}?done=saved`);

  const audit = await app.deps.db.selectFrom('decision_changes').selectAll().where('decision_id', '=', id).execute();
  t.is(audit.length, 1);
  t.like(audit[0], { action: 'updated', user_id: users.editor.id, source: 'staff' });
  t.deepEqual(audit[0]!.fields, {
    expected_date_text: { from: 'May 2024', to: '10 June 2024' },
    expected_date: { from: '2024-05-01', to: '2024-06-10' },
    expected_precision: { from: 'month', to: 'day' },
  });

  const events = await app.deps.db.selectFrom('decision_events').selectAll().where('decision_id', '=', id).where('kind', '=', 'date_changed').execute();
  t.is(events.length, 1);
  t.deepEqual(events[0]!.details, {
    from: { date: '2024-05-01', precision: 'month', text: 'May 2024' },
    to: { date: '2024-06-10', precision: 'day', text: '10 June 2024' },
  });

  const publicPage = await text(await anonymous.get(`/decisions/${id}`));
  t.true(publicPage.includes('Expected date moved from May 2024 to 10 June 2024.'));
  t.true(publicPage.includes('26 February 2024'), 'dated by when it moved');
  const api = (await (await anonymous.get(`/api/v1/decisions/${id}`)).json()) as { expectedDate: { date: string }; history: { events: { kind: string }[] } };
  t.is(api.expectedDate.date, '2024-06-10');
  t.true(api.history.events.some((e) => e.kind === 'date_changed'));

  const staffPage = await text(await as.editor.get(`/admin/decisions/${id}`));
  t.true(staffPage.includes('Expected date moved from May 2024 to 10 June 2024.'), 'staff see the public history');
  t.regex(staffPage, /Pat Editor[\s\S]*Edited[\s\S]*Expected date as typed[\s\S]*May 2024[\s\S]*10 June 2024/, 'and the change history');
});

test.serial('a part change is a public event; saving the same values records nothing', async (t) => {
  const { app, as } = holder.world;
  const id = await decisionIdByReference(app, 'KEY/18DEC23/01');
  const same = await postForm(app, as.editor, `/admin/decisions/${id}`, await editForm(id));
  t.is(same.headers.get('location'), `/admin/decisions/${id}?done=unchanged`);
  t.is((await app.deps.db.selectFrom('decision_changes').select('id').where('decision_id', '=', id).execute()).length, 0);

  const moved = await postForm(app, as.editor, `/admin/decisions/${id}`, await editForm(id, { part: 'private', isKey: 'yes', exemptParagraph: '3' }));
  t.is(moved.status, 303);
  const event = await app.deps.db.selectFrom('decision_events').selectAll().where('decision_id', '=', id).where('kind', '=', 'part_changed').executeTakeFirstOrThrow();
  t.deepEqual(event.details, { from: 'key', to: 'private' });
  const [change] = await app.deps.db.selectFrom('decision_changes').selectAll().where('decision_id', '=', id).execute();
  t.deepEqual(Object.keys(change!.fields).sort(), ['exempt_paragraph', 'part']);
  t.true((await text(await holder.world.anonymous.get(`/decisions/${id}`))).includes('Moved from Part 1 – Key decisions to Part 2 – Notice of intention to take decisions in private.'));
});

test.serial('editing keeps what was typed on error, with each problem shown', async (t) => {
  const { app, as } = holder.world;
  const id = await decisionIdByReference(app, 'KEY/04DEC23/01');
  const response = await postForm(app, as.editor, `/admin/decisions/${id}`, await editForm(id, { title: '', expectedDate: '31 February 2024', committees: [], consultation: 'New consultation text' }));
  t.is(response.status, 400);
  const html = decode(await response.text());
  t.deepEqual(errorSummary(html), [
    '#title Enter the title of the decision',
    "#expectedDate '31 February 2024' is not a real date",
    '#committees Select the relevant scrutiny committee',
  ]);
  t.true(html.includes('value="31 February 2024"'));
  t.true(html.includes('New consultation text'));
  const row = await app.deps.db.selectFrom('decisions').select(['title', 'consultation']).where('id', '=', id).executeTakeFirstOrThrow();
  t.is(row.title, 'Peterborough Station Quarter LUF2 Funding', 'nothing saved');
});

test.serial('a date typed without a year keeps its meaning when the wording is not changed', async (t) => {
  const { app } = holder.world;
  const id = await decisionIdByReference(app, 'KEY/25MAR24/02');
  const before = await app.deps.db.selectFrom('decisions').select(['expected_date', 'expected_date_text']).where('id', '=', id).executeTakeFirstOrThrow();
  t.deepEqual(before, { expected_date: '2024-06-17', expected_date_text: '17 June' });
  // In July, '17 June' typed afresh would mean 17 June 2025; left as it was, it still means 2024.
  app.clock.set('2024-07-02T09:00:00Z');
  try {
    // Sessions idle out as the clock jumps, so sign in afresh in July.
    const july = new Browser(app);
    t.is((await july.signIn(holder.world.users.editor.email)).status, 303);
    const response = await postForm(app, july, `/admin/decisions/${id}`, await editForm(id, { consultation: 'Updated consultation' }));
    t.is(response.status, 303);
    const after = await app.deps.db.selectFrom('decisions').select(['expected_date', 'consultation']).where('id', '=', id).executeTakeFirstOrThrow();
    t.deepEqual(after, { expected_date: '2024-06-17', consultation: 'Updated consultation' });
    t.is((await app.deps.db.selectFrom('decision_events').select('id').where('decision_id', '=', id).where('kind', '=', 'date_changed').execute()).length, 0);
  } finally {
    app.clock.set('2024-02-26T10:00:00Z');
    await signInAgain(holder.world);
  }
});

test.serial('an edit made from an out-of-date form is refused (409) rather than undoing another change', async (t) => {
  const { app, as } = holder.world;
  const id = await decisionIdByReference(app, 'KEY/15JAN24/04');
  const stale = await editForm(id, { title: 'Second editor’s title' });
  t.is((await postForm(app, as.editor, `/admin/decisions/${id}`, await editForm(id, { title: 'First editor’s title' }))).status, 303);
  const response = await postForm(app, as.publisher, `/admin/decisions/${id}`, stale);
  t.is(response.status, 409);
  const html = decode(await response.text());
  t.regex(errorSummary(html)[0] ?? '', /^#page-heading Someone else changed this decision/);
  t.true(html.includes('value="Second editor’s title"'), 'their typing is kept');
  const row = await app.deps.db.selectFrom('decisions').select('title').where('id', '=', id).executeTakeFirstOrThrow();
  t.is(row.title, 'First editor’s title');
});

test.serial('a draft’s date change is audited but makes no public event', async (t) => {
  const { app, as } = holder.world;
  const created = await app.deps.staffDecisions.editor.create(
    {
      title: 'Draft to move', description: '', estimatedValuePounds: null, part: 'non_key', isKey: false, exemptParagraph: null, exemptionReason: '', nonKeyReason: '',
      decisionMakerId: (await app.deps.staffDecisions.choices()).makers[0]!.id,
      expected: { text: 'July 2024', date: '2024-07-01', precision: 'month', note: '' },
      committeeIds: [(await app.deps.staffDecisions.choices()).committees[0]!.id], wardScope: 'none', wardIds: [],
      directorateId: (await app.deps.staffDecisions.choices()).directorates[0]!.id, consultation: '', contacts: '', documents: '', internalNotes: '',
    },
    { id: holder.world.users.editor.id, email: '', name: '', role: 'editor' },
  );
  t.is((await postForm(app, as.editor, `/admin/decisions/${created}`, await editForm(created, { expectedDate: 'August 2024' }))).status, 303);
  t.is((await app.deps.db.selectFrom('decision_events').select('id').where('decision_id', '=', created).execute()).length, 0);
  const changes = await app.deps.db.selectFrom('decision_changes').select('action').where('decision_id', '=', created).orderBy('id').execute();
  t.deepEqual(changes.map((c) => c.action), ['created', 'updated']);
});

test.serial('an unknown decision is 404 to edit', async (t) => {
  const { as } = holder.world;
  t.is((await as.editor.get('/admin/decisions/999999/edit')).status, 404);
  t.is((await as.editor.get('/admin/decisions/abc')).status, 404);
});
