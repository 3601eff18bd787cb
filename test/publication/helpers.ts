import type { ExecutionContext } from 'ava';
import type { Config } from '../../src/config/config.ts';
import type { Db } from '../../src/db/create-db.ts';
import type { NewDecision } from '../../src/decisions/decisions.tables.ts';
import { insertDecision } from '../../src/decisions/decision.write.repository.ts';
import type { Deps } from '../../src/deps.ts';
import { londonInstant, type ManualClock } from '../../src/lib/clock.ts';
import { seedReferenceData } from '../../src/reference-data/seed.ts';
import { sampleSeed } from '../../src/sample/load-sample.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

export interface PublicationWorld {
  db: Db;
  deps: Deps;
  clock: ManualClock;
  /** Moves the clock to 10:00 London time on `date`. */
  on(date: string): void;
  ids: { cabinet: number; member: number; directorate: number; committee: number };
  /** The world's deps served on a free port, for the tests that go through HTTP. */
  app: TestApp;
}

/**
 * A fresh database with the sample council's reference data (committees, people, directorates)
 * and no plan: each test publishes its own plans from decisions it creates.
 */
export async function publicationWorld(
  t: Pick<ExecutionContext, 'teardown'>,
  options: { config?: Partial<Config>; on?: string } = {},
): Promise<PublicationWorld> {
  const app = await startTestApp({
    config: options.config,
    now: londonInstant(options.on ?? '2024-03-08', '10:00'),
    // Most worlds never serve a public page: no LISTEN connection for each (their own writes still count).
    listen: false,
    prepare: (handle) => handle.db.transaction().execute((trx) => seedReferenceData(trx, sampleSeed())),
  });
  t.teardown(app.close);
  const { handle, clock } = app;
  const id = async (table: 'decision_makers' | 'directorates' | 'committees', slug: string) =>
    (await handle.db.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
  return {
    db: handle.db,
    deps: app.deps,
    clock,
    on: (date) => clock.set(londonInstant(date, '10:00')),
    ids: await resolveIds(id),
    app,
  };
}

async function resolveIds(id: (table: 'decision_makers' | 'directorates' | 'committees', slug: string) => Promise<number>) {
  return {
    cabinet: await id('decision_makers', 'cabinet'),
    member: await id('decision_makers', 'ray-bisby'),
    directorate: await id('directorates', 'place-and-economy'),
    committee: await id('committees', 'children-and-education'),
  };
}

/** A decision as staff would create it: a draft key decision for Cabinet unless told otherwise. */
export async function addDecision(world: PublicationWorld, values: Partial<NewDecision> & { title: string }): Promise<number> {
  const part = values.part ?? 'key';
  const id = await insertDecision(world.db, {
    description: `What ${values.title} decides.`,
    part,
    is_key: part === 'key' || part === 'urgent',
    status: 'draft',
    decision_maker_id: world.ids.cabinet,
    directorate_id: world.ids.directorate,
    expected_date: '2024-05-20',
    expected_precision: 'day',
    expected_date_text: '',
    expected_date_note: '',
    ward_scope: 'all',
    wards_text: 'All Wards',
    consultation: 'None',
    contacts: 'Jo Bloggs, jo.bloggs@example.gov.uk',
    documents: 'The report.',
    ...values,
  });
  await world.db.insertInto('decision_committees').values({ decision_id: id, committee_id: world.ids.committee }).execute();
  return id;
}

/** The snapshot rows of the plan published on `date`, in plan order, without database ids. */
export async function printedEntries(db: Db, date: string) {
  return db
    .selectFrom('plan_entries')
    .innerJoin('plans', 'plans.id', 'plan_entries.plan_id')
    .select([
      'plan_entries.part', 'plan_entries.advertised', 'plan_entries.position', 'plan_entries.reference', 'plan_entries.title',
      'plan_entries.description', 'plan_entries.decision_maker', 'plan_entries.expected_date_text', 'plan_entries.expected_date',
      'plan_entries.expected_precision', 'plan_entries.scrutiny_committee', 'plan_entries.wards', 'plan_entries.consultation',
      'plan_entries.contacts', 'plan_entries.directorate', 'plan_entries.documents',
    ])
    .where('plans.published_on', '=', date)
    .orderBy('plan_entries.part')
    .orderBy('plan_entries.advertised')
    .orderBy('plan_entries.position')
    .execute();
}

/** Records that a key decision was taken under special urgency (regulation 11) on `on`. */
export async function takeUnderUrgency(world: PublicationWorld, decisionId: number, on: string, decisionMaker = 'Cabinet') {
  await world.db.insertInto('notice_exceptions').values({
    decision_id: decisionId, regulation: 11, agreed_by: 'Cllr Chair', agreed_by_role: 'scrutiny_chair', agreed_on: on, reasons: 'It cannot wait.', recorded_at: new Date(),
  }).execute();
  await world.db.insertInto('decision_outcomes').values({
    decision_id: decisionId, kind: 'taken', occurred_on: on, decision_maker: decisionMaker, summary: 'Agreed.', reasons: 'Urgent.', recorded_at: new Date(),
  }).execute();
  await world.db.updateTable('decisions').set({ status: 'taken' }).where('id', '=', decisionId).execute();
}
