import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test, { type ExecutionContext } from 'ava';
import { SAMPLE_PLAN } from '../../src/sample/load-sample.ts';
import { freshDb } from '../helpers/db.ts';
import { databaseContents } from '../helpers/snapshot.ts';

/*
 * `npm run fp -- import-plan` as an operator runs it: a process of its own on the database in
 * DATABASE_URL, its exit code and what it writes being all there is to go on.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function fp(databaseUrl: string, args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/fp.ts', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

function tempFile(t: ExecutionContext, name: string, text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'forward-plan-import-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const samplePlan = fileURLToPath(SAMPLE_PLAN);
const HEADER = 'part,advertised,reference,title,description,decision_maker,expected_date,scrutiny_committee,wards,consultation,contacts,directorate,documents';

test('a file with several problems exits 1, lists every one of them, and changes nothing', async (t) => {
  t.timeout(120_000);
  const handle = await freshDb({ sample: true });
  t.teardown(handle.close);
  const file = tempFile(t, 'bad.csv', [
    HEADER,
    'keyy,new,,A title,d,Cabinet,May 2024,c,All,c,c,Adults,d',
    'key,new,KEY/1MAR24/01,Another,d,Cabinet,Maybe later,c,All,c,c,Adults,d',
    'key,sometime,KEY/01MAR24/01,,d,Cabinet,June 2024,c,All,c,c,Adults,d',
    '',
  ].join('\n'));
  const before = await databaseContents(handle.db);

  const run = await fp(handle.url, ['import-plan', file, '--published', '2024-03-08']);
  t.is(run.code, 1, run.stderr);
  t.is(run.stdout, '');
  const problems = [
    "Row 1 (line 2), column 'part': 'keyy' is not one of key, private, non_key, urgent",
    "Row 2 (line 3), column 'expected_date': 'Maybe later' is not a date",
    "Row 3 (line 4), column 'title': is empty",
    "Row 3 (line 4), column 'advertised': 'sometime' is not 'new' or 'previous'",
    "Row 3 (line 4), column 'reference': 'KEY/01MAR24/01' is the same reference as row 2",
  ];
  t.regex(run.stderr, /The plan was not imported; nothing was changed\.\n5 problems:\n/);
  for (const problem of problems) t.true(run.stderr.includes(`- ${problem}`), `${problem}\nin\n${run.stderr}`);
  t.is(run.stderr.match(/^- /gm)?.length, problems.length, 'no other problem');
  t.deepEqual(await databaseContents(handle.db), before);
});

test('a good file exits 0 and says what it recorded; the same file again exits 0 and changes nothing', async (t) => {
  t.timeout(120_000);
  const handle = await freshDb();
  t.teardown(handle.close);

  const first = await fp(handle.url, ['import-plan', samplePlan, '--published', '2024-02-23']);
  t.is(first.code, 0, first.stderr);
  t.regex(first.stdout, /^Imported the plan published 2024-02-23 \(key decisions from 2024-03-25\)\.\n39 entries: 28 key, 6 private, 5 non-key, 0 urgent; 4 new, 35 previously advertised\./);
  const after = await databaseContents(handle.db);

  const again = await fp(handle.url, ['import-plan', samplePlan, '--published', '2024-02-23']);
  t.is(again.code, 0, again.stderr);
  t.regex(again.stdout, /already recorded exactly as in this file; nothing changed/);
  t.deepEqual(await databaseContents(handle.db), after);
});

test('without --published, or with a file that is not there, it exits with the usage (2) or the reason (1)', async (t) => {
  t.timeout(120_000);
  const handle = await freshDb();
  t.teardown(handle.close);
  const usage = await fp(handle.url, ['import-plan', samplePlan]);
  t.is(usage.code, 2);
  t.regex(usage.stderr, /Usage: npm run fp -- import-plan FILE\.csv --published YYYY-MM-DD/);
  const missing = await fp(handle.url, ['import-plan', path.join(tmpdir(), 'no-such-plan.csv'), '--published', '2024-02-23']);
  t.is(missing.code, 1);
  t.regex(missing.stderr, /Cannot read .*no-such-plan\.csv: ENOENT/);
});
