import test from 'ava';
import { decisionIdByReference, postAndConfirm, postForm, sharedStaffDecisionsWorld, signInAgain, text } from './helpers.ts';

const holder = sharedStaffDecisionsWorld(test);

const titles = async () => (await holder.world.app.deps.staffDecisions.followUp()).map((d) => d.title);

test.serial('live decisions past their expected day, or whose month has ended, with no outcome', async (t) => {
  const { app, as } = holder.world;
  // 26 February 2024: 12 February and 23 February have passed; "February 2024" has not ended.
  t.deepEqual(await titles(), [
    'To procure a contract for Electric Vehicle Charging Infrastructure',
    "Direct award of Public Health Primary Care Contracts (GP's and Pharmacies)",
  ]);
  const page = await text(await as.editor.get('/admin/decisions/follow-up'));
  t.true(page.includes('To procure a contract for Electric Vehicle Charging Infrastructure'));
  t.true(page.includes('12 February 2024'));
  t.regex(await text(await as.editor.get('/admin/dashboard')), /To follow up \(2\)/);

  // 1 March: every "February 2024" decision is now overdue as well; 27 February too.
  app.clock.set('2024-03-01T09:00:00Z');
  try {
    const march = await titles();
    t.is(march.length, 11, '8 in "February 2024", 12, 23 and 27 February');
    t.true(march.includes('Approval of the Peterborough Sufficiency Strategy'), 'a month-only date once the month ends');
    t.true(march.includes('Award of Bikeability Contract for 2024/25'), '27 February 2024 For Consideration');
    t.false(march.includes('Peterborough Station Quarter LUF2 Funding'), '11 March is still to come');
  } finally {
    app.clock.set('2024-02-26T10:00:00Z');
    await signInAgain(holder.world);
  }
});

test.serial('an outcome takes a decision off the list; a deferral to a later date too; drafts are never on it', async (t) => {
  const { app, as } = holder.world;
  const ev = await decisionIdByReference(app, 'KEY/15JAN24/03');
  t.is((await postForm(app, as.publisher, `/admin/decisions/${ev}/deferred`, { expectedDate: 'April 2024', reason: '' })).status, 303);
  t.false((await titles()).includes('To procure a contract for Electric Vehicle Charging Infrastructure'));

  const gp = (await app.deps.db.selectFrom('decisions').select('id').where('title', 'like', 'Direct award of Public Health%').executeTakeFirstOrThrow()).id;
  t.is((await postAndConfirm(app, as.publisher, `/admin/decisions/${gp}/withdrawn`, { reason: 'Contracts extended nationally.' })).status, 303);
  t.deepEqual(await titles(), []);

  await app.deps.db.updateTable('decisions').set({ status: 'draft' }).where('id', '=', ev).execute();
  await app.deps.db.updateTable('decisions').set({ expected_date: '2024-01-10', expected_precision: 'day' }).where('id', '=', ev).execute();
  t.deepEqual(await titles(), [], 'a draft is not followed up');
  t.true((await text(await as.editor.get('/admin/decisions/follow-up'))).includes('No live decision is past its expected date.'));
});
