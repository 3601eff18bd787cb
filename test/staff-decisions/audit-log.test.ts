import test from 'ava';
import { decisionIdByReference, postForm, sharedStaffDecisionsWorld, text, validDecisionForm } from './helpers.ts';
import { formValuesOf } from '../../src/decisions/staff/staff-decision.view.ts';

const holder = sharedStaffDecisionsWorld(test);

test.serial('the audit log lists every change, newest first, and filters by who and which decision', async (t) => {
  const { app, as, users } = holder.world;
  t.is((await postForm(app, as.editor, '/admin/decisions', await validDecisionForm(app, { title: 'Library opening hours' }))).status, 303);
  const id = await decisionIdByReference(app, 'KEY/15JAN24/05');
  const found = (await app.deps.staffDecisions.forEdit(id))!;
  const form = { ...formValuesOf(found.row, found.committeeIds, found.wardIds), revision: String(found.row.revision), contacts: 'New contact: roads@example.gov.uk' };
  t.is((await postForm(app, as.publisher, `/admin/decisions/${id}`, form)).status, 303);

  const page = await text(await as.editor.get('/admin/audit'));
  t.true(page.includes('2 changes'));
  t.regex(page, /Pat Publisher[\s\S]*Peterborough Highway Services annual capital programme[\s\S]*Edited[\s\S]*Contacts[\s\S]*New contact: roads@example.gov.uk[\s\S]*Pat Editor[\s\S]*Library opening hours[\s\S]*Created/, 'newest first, with who, what and the values');

  const byEditor = await text(await as.editor.get(`/admin/audit?user=${users.editor.id}`));
  t.true(byEditor.includes('1 change'));
  t.true(byEditor.includes('Library opening hours'));
  t.false(byEditor.includes('New contact: roads@example.gov.uk'));

  const byDecision = await text(await as.editor.get(`/admin/audit?decision=${id}`));
  t.true(byDecision.includes('1 change'));
  t.true(byDecision.includes('New contact: roads@example.gov.uk'));

  t.is((await as.editor.get('/admin/audit?user=abc')).status, 400, 'a bad filter is a clear 400');
  t.is((await holder.world.anonymous.get('/admin/audit')).status, 303, 'anonymous visitors sign in first');
});

test.serial('the audit log pages through long histories', async (t) => {
  const { app, users } = holder.world;
  const id = await decisionIdByReference(app, 'KEY/15JAN24/07');
  const at = new Date('2024-02-26T09:00:00Z');
  for (let n = 0; n < 55; n += 1) {
    await app.deps.db.insertInto('decision_changes').values({ decision_id: id, user_id: users.admin.id, source: 'staff', action: 'updated', changed_at: at, fields: JSON.stringify({ contacts: { from: `v${n}`, to: `v${n + 1}` } }) }).execute();
  }
  const first = await text(await holder.world.as.admin.get(`/admin/audit?decision=${id}`));
  t.true(first.includes('55 changes'));
  t.true(first.includes('v55'), 'newest first');
  t.true(first.includes(`href="?decision=${id}&page=2"`));
  const second = await text(await holder.world.as.admin.get(`/admin/audit?decision=${id}&page=2`));
  t.regex(second, /Now:<\/span> v1</, 'the oldest change is on the last page');
  t.false(second.includes('v55'));
});

test('the audit trail cannot be rewritten', async (t) => {
  const { app } = holder.world;
  await t.throwsAsync(app.deps.db.deleteFrom('decision_changes').execute(), { message: /audit log cannot be changed/ });
});
