import test from 'ava';
import { decisionIdByReference, postForm, sharedStaffDecisionsWorld, text } from './helpers.ts';
import { formValuesOf } from '../../src/decisions/staff/staff-decision.view.ts';

const holder = sharedStaffDecisionsWorld(test);
const SECRET = 'Staff only: the supplier is in administration – do not discuss';

test('internal notes are shown to staff and never on the public page, the API, the lists or the feeds', async (t) => {
  const { app, as, anonymous } = holder.world;
  const id = await decisionIdByReference(app, 'KEY/18DEC23/02');
  const found = (await app.deps.staffDecisions.forEdit(id))!;
  const form = { ...formValuesOf(found.row, found.committeeIds, found.wardIds), internalNotes: SECRET, revision: String(found.row.revision) };
  t.is((await postForm(app, as.editor, `/admin/decisions/${id}`, form)).status, 303);
  t.is((await app.deps.db.selectFrom('decisions').select('internal_notes').where('id', '=', id).executeTakeFirstOrThrow()).internal_notes, SECRET);

  t.true((await text(await as.editor.get(`/admin/decisions/${id}`))).includes(SECRET), 'staff see it');
  t.true((await text(await as.editor.get(`/admin/audit?decision=${id}`))).includes(SECRET), 'the audit log records it');

  const publicUrls = [
    `/decisions/${id}`,
    `/api/v1/decisions/${id}`,
    '/api/v1/decisions?limit=100',
    '/decisions?limit=100',
    '/',
    '/plans/2024-02-23',
    '/feeds/decisions.rss',
    '/feeds/decisions.json',
    '/feeds/decisions.ics',
  ];
  for (const url of publicUrls) {
    const response = await anonymous.get(url);
    if (url.startsWith('/feeds/') && response.status === 404) continue;
    t.is(response.status, 200, url);
    const body = await text(response);
    t.false(body.includes('supplier is in administration'), `${url} does not show the note`);
  }
  // Signed-in staff looking at the public page see the public page, nothing more.
  t.false((await text(await as.editor.get(`/decisions/${id}`))).includes('supplier is in administration'));
});
