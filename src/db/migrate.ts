import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileMigrationProvider, Migrator, type Kysely } from 'kysely';

export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

/** `schema`: where kysely keeps its own bookkeeping tables (tests give each file a schema). */
export function createMigrator(db: Kysely<any>, schema?: string): Migrator {
  return new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder: migrationsFolder }),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/** Shared by start-up, the CLI and the tests, so all three run exactly the same schema. */
export async function migrateToLatestOrThrow(db: Kysely<any>, schema?: string): Promise<string[]> {
  const { error, results } = await createMigrator(db, schema).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}
