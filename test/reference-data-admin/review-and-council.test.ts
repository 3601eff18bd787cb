import test from 'ava';
import { importPlan } from '../../src/plans/plan-import.service.ts';
import { errorSummary } from '../auth/helpers.ts';
import { adminWorld, planCsv, visibleText } from './helpers.ts';
import { sendComment } from '../comments/helpers.ts';

test('an entry marked reviewed from the queue leaves it; one renamed leaves it too', async (t) => {
  const { app, browser, userId } = await adminWorld(t);
  await importPlan(
    app.deps.db,
    planCsv([{ title: 'Bus Shelter Renewal', directorate: 'Resources and Transformation', scrutiny_committee: 'Audit Committee' }]),
    '2024-03-08',
  );
  const queued = await app.deps.referenceData.needingReview();
  t.deepEqual(queued.map((q) => `${q.kind}:${q.name}`).sort(), ['committee:Audit Committee', 'directorate:Resources and Transformation']);
  const directorate = queued.find((q) => q.kind === 'directorate')!;
  const committee = queued.find((q) => q.kind === 'committee')!;

  const reviewed = await browser.post(`/admin/reference/directorates/${directorate.id}/reviewed`, { back: 'queue' });
  t.is(reviewed.status, 303);
  t.is(reviewed.headers.get('location'), '/admin/reference?done=reviewed#review');
  const audit = await app.deps.db.selectFrom('reference_changes').selectAll().where('action', '=', 'reviewed').executeTakeFirstOrThrow();
  t.like(audit, { kind: 'directorate', entity_id: directorate.id, user_id: userId, entity_name: 'Resources and Transformation' });

  const renamed = await browser.post(`/admin/reference/committees/${committee.id}`, { name: 'Audit and Governance Committee', slug: committee.slug, description: '' });
  t.is(renamed.status, 303);
  t.deepEqual(await app.deps.referenceData.needingReview(), []);
  const index = visibleText(await (await browser.get('/admin/reference?done=reviewed')).text());
  t.regex(index, /Marked as reviewed: it is off the review queue\./);
  t.regex(index, /Nothing to review/);
});

test('the council’s details: validated, recorded, and the public pages show the change at once', async (t) => {
  const { app, browser } = await adminWorld(t);
  t.regex(await (await app.fetch('/')).text(), /Peterborough City Council/, 'cached before the change');

  const bad = await browser.post('/admin/reference/council', {
    name: '',
    governanceEmail: 'democratic services',
    governanceAddress: 'Town Hall\nBridge Street',
    governanceTelephone: '01733 452460',
    website: 'www.example.gov.uk',
  });
  t.is(bad.status, 400);
  const html = await bad.text();
  t.deepEqual(errorSummary(html), [
    '#name Enter the name of the council',
    '#governanceEmail Enter an email address in the correct format, like democratic.services@example.gov.uk',
    '#website Enter a web address starting with https:// or http://, like https://www.example.gov.uk/decisions',
  ]);
  t.regex(html, />Town Hall\nBridge Street<\/textarea>/);

  const good = await browser.post('/admin/reference/council', {
    name: 'Greater Peterborough Council',
    governanceEmail: 'governance@example.gov.uk',
    governanceAddress: 'Town Hall\nBridge Street',
    governanceTelephone: '01733 452460',
    website: 'https://www.example.gov.uk/decisions',
  });
  t.is(good.status, 303);
  const home = await (await app.fetch('/')).text();
  t.regex(home, /Greater Peterborough Council/);
  t.regex(home, /governance@example\.gov\.uk/);
  const [change] = await app.deps.db.selectFrom('reference_changes').selectAll().where('kind', '=', 'council').execute();
  t.deepEqual(Object.keys(change!.fields).sort(), ['governanceAddress', 'governanceEmail', 'name', 'website']);
  t.regex(visibleText(await (await browser.get('/admin/reference/council?done=council')).text()), /Name: ‘Peterborough City Council’ → ‘Greater Peterborough Council’/);
});

test('a comment sent straight after the council’s details change is acknowledged with the new details', async (t) => {
  const { app, browser } = await adminWorld(t);
  await sendComment(app);
  const changed = await browser.post('/admin/reference/council', {
    name: 'Greater Peterborough Council',
    governanceEmail: 'governance@example.gov.uk',
    governanceAddress: 'Town Hall\nBridge Street',
    governanceTelephone: '01733 000000',
    website: 'https://www.example.gov.uk/decisions',
  });
  t.is(changed.status, 303);
  await sendComment(app, { email: 'second.resident@example.com' });
  const acknowledgements = await app.deps.db
    .selectFrom('outbox_messages')
    .select('text_body')
    .where('kind', '=', 'comment-ack')
    .orderBy('id')
    .execute();
  t.is(acknowledgements.length, 2);
  t.regex(acknowledgements[0]!.text_body, /Thank you for your comment to Peterborough City Council\./);
  t.regex(acknowledgements[1]!.text_body, /Thank you for your comment to Greater Peterborough Council\./);
  t.regex(acknowledgements[1]!.text_body, /01733 000000/);
});
