import test from 'ava';
import { sql } from 'kysely';
import { updateDecision } from '../../src/decisions/decision.write.repository.ts';
import { addDecision, printedEntries, publicationWorld, takeUnderUrgency, type PublicationWorld } from './helpers.ts';

async function publish(world: PublicationWorld, date: string, userId: number | null = null) {
  world.on(date);
  return world.deps.publication.publish({ publishedOn: date, userId });
}

const statusOf = async (world: PublicationWorld, id: number) =>
  (await world.db.selectFrom('decisions').select(['status', 'reference']).where('id', '=', id).executeTakeFirstOrThrow());

test.serial('references in sequence, new and previously advertised across two plans, and numbers never reused', async (t) => {
  const world = await publicationWorld(t);
  const publisher = await world.deps.auth.users.create({ email: 'pat@example.gov.uk', name: 'Pat', role: 'publisher', password: 'correct horse battery staple' });
  if (!publisher.ok) throw new Error('no publisher');
  const later = await addDecision(world, { title: 'Later key decision', expected_date: '2024-05-20' });
  const sooner = await addDecision(world, { title: 'Sooner key decision', expected_date: '2024-05-13' });
  const nonKey = await addDecision(world, { title: 'A non-key decision', part: 'non_key', is_key: false });
  const keyPrivate = await addDecision(world, { title: 'A key decision in private', part: 'private', is_key: true, exempt_paragraph: 3, exemption_reason: 'Bids.', expected_date: '2024-05-27' });

  const first = await publish(world, '2024-03-08', publisher.user.id);
  t.like(first, { status: 'published', publishedOn: '2024-03-08' });
  t.deepEqual(
    (await printedEntries(world.db, '2024-03-08')).map((e) => [e.part, e.advertised, e.position, e.reference, e.title]),
    [
      ['key', 'new', 1, 'KEY/08APR24/01', 'Sooner key decision'],
      ['key', 'new', 2, 'KEY/08APR24/02', 'Later key decision'],
      ['non_key', 'new', 1, '', 'A non-key decision'],
      ['private', 'new', 1, 'KEY/08APR24/03', 'A key decision in private'],
    ],
  );
  const plan = await world.db.selectFrom('plans').selectAll().executeTakeFirstOrThrow();
  t.like(plan, { published_on: '2024-03-08', key_decisions_from: '2024-04-08', source: 'publication', published_by: publisher.user.id });
  t.like(await statusOf(world, sooner), { status: 'planned', reference: 'KEY/08APR24/01' });
  t.like(await statusOf(world, nonKey), { status: 'planned', reference: null });
  const advertised = await world.db.selectFrom('decision_events').select(['decision_id', 'kind', 'plan_id', 'details']).orderBy('id').execute();
  t.deepEqual(advertised.map((e) => e.decision_id).sort(), [later, sooner, nonKey, keyPrivate].sort());
  t.true(advertised.every((e) => e.kind === 'advertised' && e.plan_id === plan.id));
  t.like(advertised.find((e) => e.decision_id === sooner)?.details, { part: 'key', advertised: 'new', reference: 'KEY/08APR24/01' });
  const audit = await world.db.selectFrom('decision_changes').selectAll().where('decision_id', '=', sooner).executeTakeFirstOrThrow();
  t.like(audit, { source: 'publication', action: 'published', user_id: publisher.user.id });
  t.deepEqual(audit.fields, { reference: { from: null, to: 'KEY/08APR24/01' }, status: { from: 'draft', to: 'planned' } });

  // The next plan's series is KEY/22APR24; a withdrawn decision once printed its first number loosely.
  await addDecision(world, { title: 'Old withdrawn one', status: 'withdrawn', reference: 'KEY/22APRIL24/1', reference_key: 'KEY/22APR24/01' });
  const added = await addDecision(world, { title: 'A new key decision', expected_date: '2024-06-10' });
  t.like(await publish(world, '2024-03-22'), { status: 'published' });
  t.deepEqual(
    (await printedEntries(world.db, '2024-03-22')).map((e) => [e.part, e.advertised, e.reference, e.title]),
    [
      ['key', 'new', 'KEY/22APR24/02', 'A new key decision'],
      ['key', 'previous', 'KEY/08APR24/01', 'Sooner key decision'],
      ['key', 'previous', 'KEY/08APR24/02', 'Later key decision'],
      ['non_key', 'previous', '', 'A non-key decision'],
      ['private', 'previous', 'KEY/08APR24/03', 'A key decision in private'],
    ],
  );
  const second = await world.db.selectFrom('plans').select('id').where('published_on', '=', '2024-03-22').executeTakeFirstOrThrow();
  const events = await world.db.selectFrom('decision_events').select('decision_id').where('plan_id', '=', second.id).execute();
  t.deepEqual(events.map((e) => e.decision_id), [added], 'only the new entry is advertised again');
  const references = await world.db.selectFrom('decisions').select('reference_key').where('reference_key', 'is not', null).execute();
  t.is(new Set(references.map((r) => r.reference_key)).size, references.length, 'no reference is shared');
  t.is((await world.deps.plans.latest())!.publishedOn, '2024-03-22', 'the newest plan supersedes the previous one');
});

test.serial('Part 4 lists a key decision taken under special urgency in the next plan only', async (t) => {
  const world = await publicationWorld(t);
  const urgent = await addDecision(world, { title: 'Emergency repairs contract' });
  await addDecision(world, { title: 'Something else', expected_date: '2024-06-03' });
  await publish(world, '2024-03-08');

  // Taken on 12 March with the scrutiny chair's agreement (regulation 11).
  await takeUnderUrgency(world, urgent, '2024-03-12');

  const prepared = await world.deps.publication.prepare('2024-03-22');
  t.deepEqual(prepared.changes.byDecision[urgent]?.map((c) => c.kind), ['part_changed']);
  await publish(world, '2024-03-22');
  const second = await printedEntries(world.db, '2024-03-22');
  t.deepEqual(
    second.filter((e) => e.part === 'urgent').map((e) => [e.title, e.advertised, e.expected_date_text, e.expected_date]),
    [['Emergency repairs contract', 'new', '12 March 2024', '2024-03-12']],
  );
  t.false(second.some((e) => e.part === 'key' && e.title === 'Emergency repairs contract'));

  const third = await world.deps.publication.prepare('2024-04-05');
  t.false(third.draft.entries.some((e) => e.decisionId === urgent), 'Part 4 covers only the time since the previous plan');
  t.regex(third.changes.removed.find((r) => r.decisionId === urgent)?.reason ?? '', /Part 4 of the previous plan/);
});

test.serial('the snapshot stays as published after the decision changes, and the database refuses to change it', async (t) => {
  const world = await publicationWorld(t);
  const id = await addDecision(world, { title: 'Library opening hours', expected_date: '2024-05-20' });
  await publish(world, '2024-03-08');
  const before = await world.deps.plans.byDate('2024-03-08');

  await updateDecision(world.db, id, { title: 'Library opening hours (revised)', expected_date: '2024-07-01', description: 'Changed.' });
  t.deepEqual(await world.deps.plans.byDate('2024-03-08'), before);
  t.is(before!.parts[0]!.newEntries[0]!.title, 'Library opening hours');

  for (const statement of [
    sql`UPDATE plan_entries SET title = 'Rewritten'`,
    sql`DELETE FROM plan_entries`,
    sql`UPDATE plans SET key_decisions_from = '2024-04-09'`,
    sql`DELETE FROM plans`,
  ]) {
    const error = await t.throwsAsync(statement.execute(world.db));
    t.regex(error!.message, /published plans cannot be changed/);
  }
  // Row triggers do not fire on TRUNCATE: each table has its own statement trigger for it.
  for (const table of ['plan_entries', 'plans']) {
    const error = await t.throwsAsync(sql`TRUNCATE ${sql.table(table)} CASCADE`.execute(world.db));
    t.is(error!.message, `published plans cannot be changed (TRUNCATE on ${table})`);
  }
  t.deepEqual(await world.deps.plans.byDate('2024-03-08'), before);
});

test.serial('no entry can be added to a plan once the transaction that published it has committed', async (t) => {
  const world = await publicationWorld(t);
  await addDecision(world, { title: 'Library opening hours', expected_date: '2024-05-20' });
  await publish(world, '2024-03-08');
  const before = await world.deps.plans.byDate('2024-03-08');
  const late = await addDecision(world, { title: 'A decision slipped in later', expected_date: '2024-05-27' });

  // A copy of the published entry for another decision, in a transaction of its own.
  const error = await t.throwsAsync(
    sql`
      INSERT INTO plan_entries (plan_id, decision_id, part, advertised, position, reference, title, description, decision_maker,
        expected_date_text, expected_date, expected_precision, scrutiny_committee, wards, consultation, contacts, directorate, documents)
      SELECT plan_id, ${late}, part, advertised, position + 1, '', 'A decision slipped in later', description, decision_maker,
        expected_date_text, expected_date, expected_precision, scrutiny_committee, wards, consultation, contacts, directorate, documents
      FROM plan_entries`.execute(world.db),
  );
  t.is(error!.message, 'entries can only be added while their plan is being published');
  t.deepEqual(await world.deps.plans.byDate('2024-03-08'), before);
});

test.serial('a plan that breaks a notice rule is refused with the rule named, and nothing is written', async (t) => {
  const world = await publicationWorld(t);
  const rushed = await addDecision(world, { title: 'Rushed key decision', expected_date: '2024-03-20' });
  const outcome = await publish(world, '2024-03-08');
  t.is(outcome.status, 'refused');
  if (outcome.status !== 'refused') return;
  t.is(outcome.breaches.length, 1);
  t.like(outcome.breaches[0], { decisionId: rushed, rule: 'regulation-9', earliestLawfulDate: '2024-04-06' });
  t.regex(outcome.reasons.join('\n'), /Rushed key decision .*breaks Regulation 9/);
  t.is((await world.db.selectFrom('plans').select('id').execute()).length, 0);
  t.like(await statusOf(world, rushed), { status: 'draft', reference: null });

  // The general exception: the scrutiny chair told and the notice published on 1 March allow 7 March on.
  await world.db.insertInto('notice_exceptions').values({
    decision_id: rushed, regulation: 10, chair_notified_on: '2024-03-01', notice_published_on: '2024-03-01', reasons: 'The grant deadline.', recorded_at: new Date(),
  }).execute();
  t.like(await publish(world, '2024-03-08'), { status: 'published' });
});

test.serial('publishing twice in a day, or two at once, publishes one plan', async (t) => {
  const world = await publicationWorld(t);
  await addDecision(world, { title: 'One decision' });
  const [a, b] = await Promise.all([publish(world, '2024-03-08'), publish(world, '2024-03-08')]);
  t.deepEqual([a.status, b.status].sort(), ['already_published', 'published']);
  t.like(await publish(world, '2024-03-08'), { status: 'already_published', publishedOn: '2024-03-08' });
  t.is((await world.db.selectFrom('plans').select('id').execute()).length, 1);
  t.is((await world.db.selectFrom('plan_entries').select('id').execute()).length, 1);
  t.is((await world.db.selectFrom('decision_events').select('id').execute()).length, 1);
});

test.serial('a plan cannot be dated before the latest plan or in the future, nor be empty', async (t) => {
  const world = await publicationWorld(t);
  const empty = await publish(world, '2024-03-08');
  t.like(empty, { status: 'refused', reasons: ['The draft lists no decisions: there is nothing to publish.'] });
  await addDecision(world, { title: 'One decision' });
  world.on('2024-03-08');
  const future = await world.deps.publication.publish({ publishedOn: '2024-03-09', userId: null });
  t.regex(future.status === 'refused' ? future.reasons[0]! : '', /date in the future/);
  await publish(world, '2024-03-08');
  world.on('2024-03-22');
  const earlier = await world.deps.publication.publish({ publishedOn: '2024-03-01', userId: null });
  t.regex(earlier.status === 'refused' ? earlier.reasons[0]! : '', /already published; a new plan must be dated after it/);
});
