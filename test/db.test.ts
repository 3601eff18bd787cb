import test from 'ava';
import { sql } from 'kysely';
import { freshDb } from './helpers/db.ts';

test('migrations build the schema and dates come back as plain strings', async (t) => {
  const { db, close } = await freshDb();
  t.teardown(close);
  const row = await sql<{ d: string; n: number }>`SELECT date '2024-02-23' AS d, count(*) AS n FROM decisions`.execute(db);
  t.deepEqual(row.rows[0], { d: '2024-02-23', n: 0 });
});

test('an embedded database folder is opened by one process at a time, with a clear message', async (t) => {
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { lockDataDir, DataDirInUseError } = await import('../src/db/data-dir-lock.ts');
  const dir = mkdtempSync(path.join(tmpdir(), 'fp-lock-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  // Another live process (our parent) holds it.
  writeFileSync(path.join(dir, 'forward-plan.lock'), String(process.ppid));
  const error = t.throws(() => lockDataDir(dir), { instanceOf: DataDirInUseError });
  t.regex(error!.message, new RegExp(`in use by process ${process.ppid}.*Stop that process first`));
  // A lock left by a process that no longer exists is taken over, and released again.
  writeFileSync(path.join(dir, 'forward-plan.lock'), '2147483646');
  const unlock = lockDataDir(dir);
  t.throws(() => lockDataDir(dir), { message: /in use by process/ }, 'a second open in the same process is refused too');
  unlock();
  t.notThrows(() => lockDataDir(dir)());
});
