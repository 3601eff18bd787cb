import test from 'ava';
import { errorSummary } from '../auth/helpers.ts';
import { visibleText } from '../helpers/html.ts';
import { formValuesOf } from '../../src/decisions/staff/staff-decision.view.ts';
import { decisionIdByTitle, postForm, sharedStaffDecisionsWorld, text, validDecisionForm } from './helpers.ts';

/*
 * The key-decision test on the decision form: the estimated spend or saving against the
 * council's threshold, and the wards affected; a Part 3 decision that meets it needs a reason.
 */
const holder = sharedStaffDecisionsWorld(test);
const LNRS = 'Approval of draft LNRS before public consultation';

function idFrom(response: Response): number {
  return Number(/^\/admin\/decisions\/(\d+)\?done=/.exec(response.headers.get('location') ?? '')?.[1]);
}

async function wardId(name: string): Promise<string> {
  const { wards } = await holder.world.app.deps.staffDecisions.choices();
  return String(wards.find((w) => w.name === name)!.id);
}

test.serial('the form asks the estimate; after saving, the staff page says whether the decision meets the test', async (t) => {
  const { app, as } = holder.world;
  const form = await validDecisionForm(app, { title: 'Highways resurfacing programme', estimatedValue: '£750,000', wards: [await wardId('Central')] });
  const created = await postForm(app, as.editor, '/admin/decisions', form);
  t.is(created.status, 303);
  const id = idFrom(created);
  t.is((await app.deps.db.selectFrom('decisions').select('estimated_value_pounds').where('id', '=', id).executeTakeFirstOrThrow()).estimated_value_pounds, 750_000);

  const page = visibleText(await text(await as.editor.get(`/admin/decisions/${id}?done=created`)));
  const verdict = 'Meets the key-decision test: the estimated spend or saving of £750,000 is £500,000 or more.';
  t.true(page.split(verdict).length === 3, 'said in the banner after saving and in the key-decision test section');
  t.true(page.includes('Estimated spend or saving (staff only) £750,000'));

  const edit = await text(await as.editor.get(`/admin/decisions/${id}/edit`));
  t.regex(edit, /id="estimatedValue" name="estimatedValue" type="text" spellcheck="false" value="750,000"/, 'the edit form shows the estimate');
  t.true(edit.includes('spend or save £500,000 or more'), 'the hint states the council’s threshold');

  // A higher threshold in the settings, and the same decision no longer meets the test.
  await app.deps.db.updateTable('council_settings').set({ key_decision_threshold_pounds: 1_000_000 }).execute();
  app.deps.settings.forget();
  t.teardown(async () => {
    await app.deps.db.updateTable('council_settings').set({ key_decision_threshold_pounds: 500_000 }).execute();
    app.deps.settings.forget();
  });
  t.true(visibleText(await text(await as.editor.get(`/admin/decisions/${id}`))).includes(
    'Does not meet the key-decision test: the estimated spend or saving of £750,000 is under the £1,000,000 threshold, and it affects one ward.',
  ));
});

test.serial('an estimate that is not whole pounds is refused, in the order of the form', async (t) => {
  const { app, as } = holder.world;
  const response = await postForm(app, as.editor, '/admin/decisions', await validDecisionForm(app, { title: '', estimatedValue: '12,500.50' }));
  t.is(response.status, 400);
  t.deepEqual(errorSummary(await text(response)), [
    '#title Enter the title of the decision',
    '#estimatedValue Estimated spend or saving must be a whole number of pounds, like 750,000',
  ]);
});

const needsReason: Array<[name: string, overrides: () => Promise<Record<string, string | string[]>>]> = [
  ['its estimate is at the threshold', async () => ({ estimatedValue: '500000', wardScope: 'none', wards: [] })],
  ['it affects two wards', async () => ({ estimatedValue: '', wardScope: 'listed', wards: [await wardId('Central'), await wardId('East')] })],
  ['it affects all wards', async () => ({ estimatedValue: '', wardScope: 'all', wards: [] })],
];

for (const [name, overrides] of needsReason) {
  test.serial(`a Part 3 decision that meets the test needs the reason it is not key: ${name}`, async (t) => {
    const { app, as } = holder.world;
    const form = await validDecisionForm(app, { title: `Non-key because ${name}`, part: 'non_key', ...(await overrides()) });
    const refused = await postForm(app, as.editor, '/admin/decisions', form);
    t.is(refused.status, 400);
    const html = await text(refused);
    t.deepEqual(errorSummary(html), ['#nonKeyReason Enter why this is not a key decision: it meets the key-decision test']);
    t.regex(html, /value="non_key" checked/, 'what was chosen is kept');
    t.is((await app.deps.db.selectFrom('decisions').select('id').where('title', '=', `Non-key because ${name}`).execute()).length, 0, 'nothing saved');
  });
}

test.serial('the reason is kept, shown to staff, audited; a decision under the test needs none', async (t) => {
  const { app, as, users } = holder.world;
  const reason = 'The £600,000 is already in the approved capital programme (Cabinet, 5 February 2024).';
  const saved = await postForm(app, as.editor, '/admin/decisions', await validDecisionForm(app, {
    title: 'Depot roof replacement', part: 'non_key', estimatedValue: '600,000', wardScope: 'none', wards: [], nonKeyReason: reason,
  }));
  t.is(saved.status, 303);
  const id = idFrom(saved);
  t.like(await app.deps.db.selectFrom('decisions').select(['part', 'non_key_reason', 'estimated_value_pounds']).where('id', '=', id).executeTakeFirstOrThrow(), {
    part: 'non_key', non_key_reason: reason, estimated_value_pounds: 600_000,
  });
  const page = visibleText(await text(await as.editor.get(`/admin/decisions/${id}`)));
  t.true(page.includes(`Why it is not a key decision (staff only) ${reason}`));
  const [created] = await app.deps.db.selectFrom('decision_changes').selectAll().where('decision_id', '=', id).execute();
  t.like(created, { action: 'created', user_id: users.editor.id });
  t.like(created!.fields, { non_key_reason: { from: null, to: reason }, estimated_value_pounds: { from: null, to: 600_000 } });
  t.true(visibleText(await text(await as.editor.get(`/admin/audit?decision=${id}`))).includes('Why it is not a key decision'), 'the audit log names the field');

  const small = await postForm(app, as.editor, '/admin/decisions', await validDecisionForm(app, {
    title: 'Replacement of a bus shelter', part: 'non_key', estimatedValue: '8,000', wards: [await wardId('Central')],
  }));
  t.is(small.status, 303, 'no reason needed under the test');
  t.true(visibleText(await text(await as.editor.get(`/admin/decisions/${idFrom(small)}`))).includes('Does not meet the key-decision test'));
});

test.serial('a published Part 3 decision that meets the test: flagged until a reason is given; the reason and estimate never public', async (t) => {
  const { app, as, anonymous } = holder.world;
  const id = await decisionIdByTitle(app, LNRS);
  const before = visibleText(await text(await as.editor.get(`/admin/decisions/${id}`)));
  t.true(before.includes('Meets the key-decision test: it affects all wards.'));
  t.true(before.includes('no reason is recorded'), 'the imported decision is flagged');

  const found = (await app.deps.staffDecisions.forEdit(id))!;
  const form = { ...formValuesOf(found.row, found.committeeIds, found.wardIds), revision: String(found.row.revision) };
  t.is((await postForm(app, as.editor, `/admin/decisions/${id}`, { ...form, estimatedValue: '4,321,987' })).status, 400, 'an edit needs the reason too');
  const reason = 'Consultation only: the strategy itself goes to full Council, which takes the key decision.';
  t.is((await postForm(app, as.editor, `/admin/decisions/${id}`, { ...form, estimatedValue: '4,321,987', nonKeyReason: reason })).status, 303);
  const after = visibleText(await text(await as.editor.get(`/admin/decisions/${id}`)));
  t.false(after.includes('no reason is recorded'));
  t.true(after.includes(reason));
  const [change] = await app.deps.db.selectFrom('decision_changes').selectAll().where('decision_id', '=', id).where('action', '=', 'updated').execute();
  t.deepEqual(change!.fields.non_key_reason, { from: '', to: reason });

  for (const url of [`/decisions/${id}`, `/api/v1/decisions/${id}`, '/api/v1/decisions?limit=100', '/decisions?limit=100', '/', '/feeds/decisions.json', '/feeds/decisions.ics']) {
    const response = await anonymous.get(url);
    t.is(response.status, 200, url);
    const body = await text(response);
    t.false(body.includes('the strategy itself goes to full Council'), `${url} does not show the reason`);
    t.false(/4,321,987|4321987/.test(body), `${url} does not show the estimate`);
  }
});
