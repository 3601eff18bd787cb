import { readFileSync } from 'node:fs';
import type { Deps } from '../deps.ts';
import { importPlan, type ImportSummary } from '../plans/plan-import.service.ts';
import { seedReferenceData, type ReferenceSeed } from '../reference-data/seed.ts';

export const SAMPLE_PLAN = new URL('./forward-plan-2024-02-23.csv', import.meta.url);
export const SAMPLE_PUBLISHED_ON = '2024-02-23';
export const SAMPLE_REFERENCE_DATA = new URL('./peterborough.json', import.meta.url);

export function sampleSeed(): ReferenceSeed {
  return JSON.parse(readFileSync(SAMPLE_REFERENCE_DATA, 'utf8')) as ReferenceSeed;
}

/** The sample council's reference data and its plan of 23 February 2024. */
export async function loadSample({ db, council }: Pick<Deps, 'db' | 'council'>): Promise<ImportSummary> {
  await db.transaction().execute((trx) => seedReferenceData(trx, sampleSeed()));
  council.forget();
  return importPlan(db, readFileSync(SAMPLE_PLAN), SAMPLE_PUBLISHED_ON);
}

/** On a database with no plan yet, loads the sample, so the first screen shows a real plan. */
export async function loadSampleIfEmpty(deps: Pick<Deps, 'db' | 'council'>): Promise<string | undefined> {
  const anyPlan = await deps.db.selectFrom('plans').select('id').limit(1).executeTakeFirst();
  if (anyPlan) return undefined;
  const summary = await loadSample(deps);
  return `${summary.entries} decisions from the plan published ${summary.publishedOn}`;
}
