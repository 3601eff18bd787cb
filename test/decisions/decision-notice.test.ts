import test from 'ava';
import type { StaffUser } from '../../src/auth/roles.ts';
import { decisionIdByReference } from '../helpers/lookups.ts';
import { visibleText } from '../helpers/html.ts';
import { postForm, signInAgain, startKeepingWorld, type KeepingWorld } from '../staff-decisions/helpers.ts';

/*
 * The decision notice of regulations 12 and 13, published by the service the day a decision is
 * recorded as taken, with the call-in statement and its dates from the council's settings. The
 * issue's example: a notice published on Thursday 28 March 2024 skips Good Friday and Easter
 * Monday, so call-in runs to Thursday 4 April and the decision can be implemented from Friday 5 April.
 */

/** The page's words, with the space an inline tag leaves before a full stop or comma taken out. */
const words = (html: string) => visibleText(html).replace(/\s+([.,])/g, '$1');

let world: KeepingWorld;
let publisher: StaffUser;
let keyId: number;

const taken = (takenOn: string, extra: Record<string, unknown> = {}) => ({
  takenOn,
  decisionMaker: 'Councillor Jane Smith, Cabinet Member for Housing',
  summary: 'Approved the housing scheme.',
  reasons: 'It meets the council’s housing need.',
  alternatives: 'Doing nothing, rejected.',
  noticeUrl: '',
  withoutNotice: null,
  ...extra,
});

test.before(async () => {
  world = await startKeepingWorld();
  world.app.clock.set('2024-03-28T10:00:00Z');
  await signInAgain(world);
  const user = await world.app.deps.db.selectFrom('users').selectAll().where('role', '=', 'publisher').executeTakeFirstOrThrow();
  publisher = { id: user.id, email: user.email, name: user.name, role: 'publisher' };
  keyId = await decisionIdByReference(world.app.deps.db, 'KEY/25MAR24/01');
  const result = await world.app.deps.staffDecisions.outcomes.taken(
    keyId,
    taken('2024-03-27', { conflictsOfInterest: 'Cllr A. Member declared a personal interest as a tenant of the council.', dispensations: 'None sought.' }),
    publisher,
  );
  if (result.status !== 'recorded') throw new Error(JSON.stringify(result));
});
test.after.always(() => world?.app.close());

test.serial('the decision notice is public with the record, the declarations, its publication date and the call-in dates', async (t) => {
  const response = await world.anonymous.get(`/decisions/${keyId}/notice`);
  t.is(response.status, 200);
  const text = words(await response.text());
  t.regex(text, /Decision notice: /);
  t.regex(text, /Published on 28 March 2024, as regulations 12 and 13/);
  t.regex(text, /Decision Approved the housing scheme\./);
  t.regex(text, /Date of the decision 27 March 2024/);
  t.regex(text, /Decision maker Councillor Jane Smith, Cabinet Member for Housing/);
  t.regex(text, /Reasons for the decision It meets the council’s housing need\./);
  t.regex(text, /Alternative options considered and rejected Doing nothing, rejected\./);
  t.regex(text, /Conflicts of interest declared Cllr A\. Member declared a personal interest as a tenant of the council\./);
  t.regex(text, /Dispensations granted None sought\./);
  t.regex(text, /implemented on the expiry of 3 working days after the publication of this notice \(not including the day of publication\), unless a request for call-in is received from any 3 members of a scrutiny committee/);
  t.regex(text, /A call-in request can be received until 4 April 2024\. Unless it is called in, the decision can be implemented from 5 April 2024\./);
});

test.serial('the decision’s page and its JSON carry the call-in statement and link to the notice', async (t) => {
  const page = words(await (await world.anonymous.get(`/decisions/${keyId}`)).text());
  t.regex(page, /Call-in .*A call-in request can be received until 4 April 2024/);
  t.regex(page, /The decision notice, published 28 March 2024/);
  const json = (await (await world.anonymous.get(`/api/v1/decisions/${keyId}`)).json()) as { decisionNotice: unknown };
  t.deepEqual(json.decisionNotice, {
    url: `/decisions/${keyId}/notice`,
    publishedOn: '2024-03-28',
    conflictsOfInterest: 'Cllr A. Member declared a personal interest as a tenant of the council.',
    dispensations: 'None sought.',
    callIn: { subject: true, workingDays: 3, membersRequired: 3, lastDayForCallIn: '2024-04-04', implementableFrom: '2024-04-05' },
  });
});

test.serial('the settings change the statement: two working days and two members, as an older constitution had it', async (t) => {
  await world.app.deps.db.updateTable('council_settings').set({ call_in_working_days: 2, call_in_members_required: 2 }).execute();
  world.app.deps.settings.forget();
  const text = words(await (await world.anonymous.get(`/decisions/${keyId}/notice`)).text());
  t.regex(text, /on the expiry of 2 working days .* from any 2 members/);
  t.regex(text, /A call-in request can be received until 3 April 2024\. Unless it is called in, the decision can be implemented from 4 April 2024\./);
  await world.app.deps.db.updateTable('council_settings').set({ call_in_working_days: 3, call_in_members_required: 3 }).execute();
  world.app.deps.settings.forget();
});

test.serial('a decision taken under special urgency is not subject to call-in, and says why', async (t) => {
  const id = await decisionIdByReference(world.app.deps.db, 'KEY/25MAR24/02');
  await world.app.deps.staffDecisions.records.specialUrgency(id, { agreedBy: 'Cllr Chair', agreedByRole: 'scrutiny_chair', agreedOn: '2024-03-20', reasons: 'The offer expires.', reasonsNoticePublishedOn: '2024-03-20' }, publisher);
  const result = await world.app.deps.staffDecisions.outcomes.taken(id, taken('2024-03-21'), publisher);
  t.is(result.status, 'recorded');
  const text = words(await (await world.anonymous.get(`/decisions/${id}/notice`)).text());
  t.regex(text, /Not subject to call-in: the decision was agreed as urgent \(special urgency, regulation 11\)/);
  t.regex(text, /Conflicts of interest declared None declared/);
});

test.serial('a decision not taken has no decision notice', async (t) => {
  const id = await decisionIdByReference(world.app.deps.db, 'KEY/12FEB24/01');
  t.is((await world.anonymous.get(`/decisions/${id}/notice`)).status, 404);
  t.is((await world.anonymous.get('/decisions/999999/notice')).status, 404);
});

test.serial('staff record the declarations on the taken form, and check them before recording', async (t) => {
  const id = await decisionIdByReference(world.app.deps.db, 'KEY/15JAN24/02');
  const response = await postForm(world.app, world.as.publisher, `/admin/decisions/${id}/taken`, {
    'takenOn-day': '28', 'takenOn-month': '3', 'takenOn-year': '2024',
    decisionMaker: 'Cabinet', summary: 'S', reasons: 'R', alternatives: 'A', noticeUrl: '',
    conflictsOfInterest: 'Cllr B. declared a prejudicial interest and left the room.', dispensations: '',
  });
  const text = words(await response.text());
  t.regex(text, /Conflicts of interest declared Cllr B\. declared a prejudicial interest and left the room\./);
  t.regex(text, /Dispensations granted None granted/);
});
