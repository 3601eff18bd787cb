import test from 'ava';
import { sql } from 'kysely';
import { errorSummary } from '../auth/helpers.ts';
import { DEFAULT_COUNCIL_SETTINGS, readCouncilSettings } from '../../src/reference-data/council-settings.ts';
import { decisionIdByReference, decisionIdByTitle, postForm, startKeepingWorld, text, type KeepingWorld } from '../staff-decisions/helpers.ts';
import { freshDb } from '../helpers/db.ts';
import { visibleText } from '../helpers/html.ts';

/*
 * /admin/settings: the rules the council's constitution sets. Each test has its own database,
 * since the settings are the whole council's.
 */

async function world(t: { teardown(fn: () => Promise<void>): void }): Promise<KeepingWorld> {
  const started = await startKeepingWorld();
  t.teardown(() => started.app.close());
  return started;
}

const DEFAULT_FORM = {
  keyDecisionThreshold: '500,000',
  callInWorkingDays: '3',
  callInMembersRequired: '3',
  callInAppliesTo: ['cabinet', 'member'],
  callInUrgentExempt: 'yes',
  clearDays: 'calendar',
};

/** The value of the text input with this id. */
function valueOf(html: string, id: string): string | undefined {
  return new RegExp(`<input [^>]*id="${id}"[^>]*value="([^"]*)"`).exec(html)?.[1];
}

function settingsChanges(w: KeepingWorld) {
  return w.app.deps.db.selectFrom('reference_changes').selectAll().where('kind', '=', 'council_settings').orderBy('id').execute();
}

test('the settings page shows the constitution’s defaults, and only administrators reach it from the staff home', async (t) => {
  const w = await world(t);
  const response = await w.as.admin.get('/admin/settings');
  t.is(response.status, 200);
  const html = await text(response);
  t.is(valueOf(html, 'keyDecisionThreshold'), '500,000');
  t.is(valueOf(html, 'callInWorkingDays'), '3');
  t.is(valueOf(html, 'callInMembersRequired'), '3');
  t.regex(html, /name="callInAppliesTo" type="checkbox" value="cabinet" checked/);
  t.regex(html, /name="callInAppliesTo" type="checkbox" value="member" checked/);
  t.regex(html, /name="callInUrgentExempt" type="radio" value="yes" checked/);
  t.regex(html, /name="clearDays" type="radio" value="calendar" checked/);
  t.true(html.includes('an older version of the same constitution said 2'), 'the hint gives the older number');
  t.true(visibleText(html).includes('No changes recorded here yet.'));

  t.true((await text(await w.as.admin.get('/admin'))).includes('href="/admin/settings"'), 'linked from the staff home');
  t.true((await text(await w.as.admin.get('/admin/reference'))).includes('href="/admin/settings"'), 'and from the reference data page');
  t.false((await text(await w.as.editor.get('/admin'))).includes('href="/admin/settings"'), 'not offered to an editor');
  t.is((await w.as.publisher.get('/admin/settings')).status, 403);
  t.is((await postForm(w.app, w.as.publisher, '/admin/settings', { ...DEFAULT_FORM, keyDecisionThreshold: '1' })).status, 403);
  t.deepEqual(await readCouncilSettings(w.app.deps.db), DEFAULT_COUNCIL_SETTINGS);
});

const refusals: Array<[name: string, form: Record<string, string | string[]>, expected: string[]]> = [
  [
    'every field wrong',
    { keyDecisionThreshold: '500k', callInWorkingDays: '0', callInMembersRequired: '', callInAppliesTo: [], callInUrgentExempt: '', clearDays: 'weekdays' },
    [
      '#keyDecisionThreshold The key-decision threshold must be a whole number of pounds, like 500,000',
      '#callInWorkingDays The working days for call-in must be between 1 and 30',
      '#callInMembersRequired Enter how many members are needed to call in a decision',
      '#callInAppliesTo Select the decision makers whose decisions can be called in',
      '#callInUrgentExempt Select whether urgent decisions can be called in',
      '#clearDays Select how clear days are counted',
    ],
  ],
  [
    'out of range and unknown',
    { ...DEFAULT_FORM, keyDecisionThreshold: '£2,000,000,000', callInWorkingDays: '2.5', callInMembersRequired: '51', callInAppliesTo: ['cabinet', 'mayor'] },
    [
      '#keyDecisionThreshold The key-decision threshold must be £1,000,000,000 or less',
      '#callInWorkingDays The working days for call-in must be a whole number, like 3',
      '#callInMembersRequired The members needed to call in a decision must be between 1 and 50',
      '#callInAppliesTo Select the decision makers whose decisions can be called in',
    ],
  ],
  [
    'a threshold of nothing',
    { ...DEFAULT_FORM, keyDecisionThreshold: '0', callInWorkingDays: '' },
    ['#keyDecisionThreshold The key-decision threshold must be £1 or more', '#callInWorkingDays Enter how many working days a decision can be called in for'],
  ],
];

for (const [name, form, expected] of refusals) {
  test(`invalid settings are refused with GOV.UK messages and nothing changes: ${name}`, async (t) => {
    const w = await world(t);
    const response = await postForm(w.app, w.as.admin, '/admin/settings', form);
    t.is(response.status, 400);
    const html = await text(response);
    t.deepEqual(errorSummary(html), expected);
    t.regex(html, /<title>Error: Council settings/);
    t.is(valueOf(html, 'keyDecisionThreshold'), String(form.keyDecisionThreshold), 'what was typed is kept');
    t.deepEqual(await readCouncilSettings(w.app.deps.db), DEFAULT_COUNCIL_SETTINGS, 'nothing stored');
    t.deepEqual(await w.app.deps.settings.get(), DEFAULT_COUNCIL_SETTINGS, 'nothing applied');
    t.deepEqual(await settingsChanges(w), [], 'nothing recorded');
  });
}

test('a change is stored, applied at once, recorded in the change log and the page’s history; the plan’s explanations say it', async (t) => {
  const w = await world(t);
  const before = visibleText(await text(await w.anonymous.get('/')));
  t.true(before.includes('spending or saving £500,000 or more'), 'the default threshold, read from the settings');
  t.true(before.includes('at least 28 clear days (the day of publication and the day of the decision do not count)'));

  const saved = await postForm(w.app, w.as.admin, '/admin/settings', {
    keyDecisionThreshold: '£750,000', callInWorkingDays: '5', callInMembersRequired: '2',
    callInAppliesTo: ['cabinet'], callInUrgentExempt: 'no', clearDays: 'working',
  });
  t.is(saved.status, 303);
  t.is(saved.headers.get('location'), '/admin/settings?done=settings');
  const expected = {
    keyDecisionThreshold: 750_000,
    callIn: { workingDays: 5, membersRequired: 2, appliesTo: ['cabinet'], urgentExempt: false },
    clearDays: 'working',
  };
  t.deepEqual(await readCouncilSettings(w.app.deps.db), expected);
  t.deepEqual(await w.app.deps.settings.get(), expected, 'deps.settings forgot its cache');

  const [change, ...more] = await settingsChanges(w);
  t.is(more.length, 0);
  t.like(change, { kind: 'council_settings', entity_id: 1, entity_name: 'Council settings', action: 'updated', source: 'staff', user_id: w.users.admin.id });
  t.deepEqual(change!.fields, {
    keyDecisionThreshold: { from: 500_000, to: 750_000 },
    callInWorkingDays: { from: 3, to: 5 },
    callInMembersRequired: { from: 3, to: 2 },
    callInAppliesTo: { from: ['cabinet', 'member'], to: ['cabinet'] },
    callInUrgentExempt: { from: true, to: false },
    clearDays: { from: 'calendar', to: 'working' },
  });

  const page = visibleText(await text(await w.as.admin.get('/admin/settings?done=settings')));
  t.true(page.includes('The council’s settings have been saved.'));
  for (const line of [
    'Changed by Pat Admin',
    'Key-decision threshold: ‘£500,000’ → ‘£750,000’',
    'Working days for call-in: ‘3’ → ‘5’',
    'Members needed to call in: ‘3’ → ‘2’',
    'Decisions that can be called in: ‘The Cabinet, A Cabinet Member’ → ‘The Cabinet’',
    'Urgent decisions exempt from call-in: ‘Yes, not called in’ → ‘No, can be called in’',
    'Clear days count: ‘Calendar days’ → ‘Working days only (not weekends or bank holidays)’',
  ]) {
    t.true(page.includes(line), line);
  }

  for (const path of ['/', '/plans/2024-02-23']) {
    const plan = visibleText(await text(await w.anonymous.get(path)));
    t.true(plan.includes('spending or saving £750,000 or more'), `${path} shows the new threshold at once`);
    t.false(plan.includes('£500,000 or more'), path);
    t.true(plan.includes('at least 28 clear working days (the day of publication, the day of the decision, weekends and bank holidays do not count)'), path);
  }
  t.true(visibleText(await text(await w.as.editor.get('/admin/publication'))).includes('spending or saving £750,000 or more'), 'the preview too');
  t.true((await text(await w.as.editor.get('/admin/decisions/new'))).includes('spend or save £750,000 or more'), 'the decision form’s hint too');

  t.is((await postForm(w.app, w.as.admin, '/admin/settings', {
    keyDecisionThreshold: '750000', callInWorkingDays: '5', callInMembersRequired: '2',
    callInAppliesTo: ['cabinet'], callInUrgentExempt: 'no', clearDays: 'working',
  })).status, 303);
  t.is((await settingsChanges(w)).length, 1, 'saving the same values records nothing');
});

test('counting working days moves the earliest lawful dates staff see, the breaches and the next plan’s “key decisions from”', async (t) => {
  const w = await world(t);
  const traffic = await decisionIdByReference(w.app, 'KEY/25MAR24/01');
  const blueSky = await decisionIdByTitle(w.app, 'Blue Sky Peterborough');
  const calendar = visibleText(await text(await w.as.editor.get(`/admin/decisions/${traffic}`)));
  t.true(calendar.includes('Earliest lawful date: 23 March 2024'), 'calendar days: 28 days after the plan of Friday 23 February');
  t.true(visibleText(await text(await w.as.editor.get(`/admin/decisions/${blueSky}`))).includes('Earliest lawful date: 23 March 2024'));
  t.is((await w.app.deps.publication.prepare('2024-02-26')).draft.keyDecisionsFrom, '2024-03-26');

  t.is((await postForm(w.app, w.as.admin, '/admin/settings', { ...DEFAULT_FORM, clearDays: 'working' })).status, 303);

  const working = visibleText(await text(await w.as.editor.get(`/admin/decisions/${traffic}`)));
  t.true(working.includes('Earliest lawful date: 6 April 2024'), 'working days: past Good Friday and Easter Monday');
  t.true(working.includes('28 clear working days after the plan published on 23 February 2024'));
  const breaches = visibleText(await text(await w.as.editor.get('/admin/dashboard')));
  t.regex(breaches, /Blue Sky Peterborough[\s\S]*6 April 2024/, 'the dashboard names the new earliest date');
  t.is((await w.app.deps.publication.prepare('2024-02-26')).draft.keyDecisionsFrom, '2024-04-09', 'the next plan’s key decisions date');
  t.true((await text(await w.as.editor.get('/admin/decisions/new'))).includes('28 clear working days’ notice'), 'the form’s hint counts the same way');
});

test('the database keeps one row of settings and refuses values the rules cannot use', async (t) => {
  const handle = await freshDb({ sample: true });
  t.teardown(handle.close);
  const db = handle.db;
  t.deepEqual(await readCouncilSettings(db), DEFAULT_COUNCIL_SETTINGS, 'made by the migration with the constitution’s values');
  const refused: Array<[string, Record<string, unknown>]> = [
    ['an unknown kind of decision maker', { call_in_applies_to: ['cabinet', 'mayor'] }],
    ['a missing kind', { call_in_applies_to: sql`ARRAY[NULL]::text[]` }],
    ['another way of counting', { clear_days: 'weekdays' }],
    ['no threshold', { key_decision_threshold_pounds: 0 }],
    ['no members', { call_in_members_required: 0 }],
    ['no call-in period', { call_in_working_days: 0 }],
  ];
  for (const [name, values] of refused) {
    await t.throwsAsync(db.updateTable('council_settings').set(values as never).execute(), { message: /violates check constraint/ }, name);
  }
  await t.throwsAsync(sql`INSERT INTO council_settings (id) VALUES (2)`.execute(db), { message: /council_settings_one_row/ });
  await t.throwsAsync(db.updateTable('decisions').set({ estimated_value_pounds: -1 }).execute(), { message: /decisions_estimated_value_range/ });
  t.deepEqual(await readCouncilSettings(db), DEFAULT_COUNCIL_SETTINGS);
});
