import test from 'ava';
import type { Deps } from '../../src/deps.ts';
import { followUpJob, fortnightlyPublicationJob } from '../../src/publication/publication-jobs.ts';
import { createScheduler } from '../../src/scheduler/scheduler.ts';
import { collectingLog, runRows } from '../scheduler/helpers.ts';
import { addDecision, publicationWorld, type PublicationWorld } from './helpers.ts';

const TEAM = 'democratic.services@example.gov.uk';

async function worldWithPublishers(t: Parameters<typeof publicationWorld>[0], autoPublish = false) {
  const world = await publicationWorld(t, { config: { autoPublish, publishersEmail: TEAM, publicationAnchor: '2024-02-23', publicationTime: '09:00' } });
  for (const [email, role] of [['pat@example.gov.uk', 'publisher'], ['ada@example.gov.uk', 'admin'], ['ed@example.gov.uk', 'editor']] as const) {
    const created = await world.deps.auth.users.create({ email, name: email, role, password: 'correct horse battery staple' });
    if (!created.ok) throw new Error('user');
  }
  return world;
}

/** One service instance: its own scheduler, on the world's database and clock. */
function instance(world: PublicationWorld, deps: Deps = world.deps) {
  const scheduler = createScheduler({ db: world.db, clock: world.clock, log: collectingLog() });
  scheduler.register(fortnightlyPublicationJob(deps));
  return scheduler;
}

const outbox = (world: PublicationWorld, kind: string) =>
  world.db.selectFrom('outbox_messages').select(['to_address', 'subject', 'text_body', 'dedupe_key']).where('kind', '=', kind).orderBy('id').execute();

test.serial('the fortnightly job prepares the draft and emails the publishers once, even with two instances', async (t) => {
  const world = await worldWithPublishers(t);
  await addDecision(world, { title: 'Library opening hours' });
  await addDecision(world, { title: 'Rushed decision', expected_date: '2024-03-20' });
  world.clock.set('2024-03-08T09:00:30Z');

  const [a, b] = [instance(world), instance(world)];
  await Promise.all([a.runDue(), b.runDue()]);
  await Promise.all([a.runDue(), b.runDue()]);
  const runs = await runRows(world.db);
  t.deepEqual(runs.map((r) => [r.job, r.scheduledFor, r.outcome]), [['plan-publication', '2024-03-08T09:00:00.000Z', 'succeeded']]);
  t.regex(runs[0]!.message ?? '', /prepared the plan dated 2024-03-08: 2 entries \(2 new\), 1 breach\(es\); not published; summary queued for 3 address\(es\)/);

  const mail = await outbox(world, 'publication-summary');
  t.deepEqual(mail.map((m) => m.to_address).sort(), ['ada@example.gov.uk', TEAM, 'pat@example.gov.uk']);
  t.is(mail[0]!.subject, 'Forward Plan for 8 March 2024: 1 notice rule breach to resolve');
  t.regex(mail[0]!.text_body, /Rushed decision \(KEY\/08APR24\/01\) breaks Regulation 9/);
  t.regex(mail[0]!.text_body, /http:\/\/localhost:3000\/admin\/publication/);
  t.deepEqual(await world.db.selectFrom('plans').select('id').execute(), [], 'AUTO_PUBLISH is off');
});

test.serial('a fortnightly run missed while the service was down is caught up at start', async (t) => {
  const world = await worldWithPublishers(t);
  await addDecision(world, { title: 'Library opening hours' });
  world.clock.set('2024-03-08T09:01:00Z');
  await instance(world).runDue();

  // Down from before 22 March 09:00 until the Monday after.
  world.clock.set('2024-03-25T08:15:00Z');
  const restarted = instance(world);
  const reports = await restarted.runDue();
  t.deepEqual(reports.map((r) => [r.scheduledFor.toISOString(), r.outcome]), [['2024-03-22T09:00:00.000Z', 'succeeded']]);
  const mail = await outbox(world, 'publication-summary');
  t.is(mail.length, 6, 'three addresses, two slots');
  t.true(mail.slice(3).every((m) => /Plan dated 25 March 2024/.test(m.text_body)), 'dated the day it is actually prepared');
  t.deepEqual(await restarted.runDue(), []);
});

test.serial('with AUTO_PUBLISH the job publishes a plan that breaks no rule, and only then', async (t) => {
  const world = await worldWithPublishers(t, true);
  const rushed = await addDecision(world, { title: 'Rushed decision', expected_date: '2024-03-20' });
  world.clock.set('2024-03-08T09:00:00Z');
  await instance(world).runDue();
  t.deepEqual(await world.db.selectFrom('plans').select('id').execute(), [], 'a breach stops it');

  await world.db.updateTable('decisions').set({ expected_date: '2024-05-20' }).where('id', '=', rushed).execute();
  world.clock.set('2024-03-22T09:00:00Z');
  await instance(world).runDue();
  const plans = await world.db.selectFrom('plans').select(['published_on', 'source', 'published_by']).execute();
  t.deepEqual(plans, [{ published_on: '2024-03-22', source: 'publication', published_by: null }]);
  const mail = await outbox(world, 'publication-summary');
  t.is(mail.at(-1)!.subject, 'Forward Plan published: 22 March 2024');
  t.regex(mail.at(-1)!.text_body, /published automatically: http:\/\/localhost:3000\/plans\/2024-03-22/);
});

test.serial('the daily follow-up emails the decisions past their expected date with no outcome', async (t) => {
  const world = await worldWithPublishers(t);
  const overdue = await addDecision(world, { title: 'Overdue decision', status: 'planned', expected_date: '2024-03-01' });
  await addDecision(world, { title: 'Future decision', status: 'planned', expected_date: '2024-05-01' });
  world.clock.set('2024-03-08T09:05:00Z');
  const scheduler = createScheduler({ db: world.db, clock: world.clock, log: collectingLog() });
  scheduler.register(followUpJob(world.deps));
  await scheduler.runDue();
  const mail = await outbox(world, 'decision-follow-up');
  t.is(mail.length, 3);
  t.is(mail[0]!.subject, 'Forward Plan: 1 decision past the expected date with no outcome');
  t.regex(mail[0]!.text_body, new RegExp(`Overdue decision, expected 1 March 2024: http://localhost:3000/admin/decisions/${overdue}`));
  t.notRegex(mail[0]!.text_body, /Future decision/);
});
