import test from 'ava';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isLivePostgres, readPostmasterFile } from '../../src/db/embedded/postmaster.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

interface Service {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start`'s process, on a data folder of its own, with no DATABASE_URL. */
async function startService(dataDir: string, port: number): Promise<Service> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), SCHEDULER_ENABLED: 'false' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const until = Date.now() + 90_000;
  while (!output.includes('Forward Plan service on')) {
    if (child.exitCode !== null || Date.now() > until) throw new Error(`the service did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, output: () => output, exited };
}

/** `npm run fp -- ARGS` on the same data folder. */
function runCli(dataDir: string, args: string[]): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/fp.ts', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

test.serial('the embedded server starts on an empty folder, survives a kill -9 of the service, and stops with it on SIGTERM; the CLI works beside it', async (t) => {
  t.timeout(240_000);
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'forward-plan-embedded-')), 'data');
  chmodSync(path.dirname(dataDir), 0o755);
  const clusterDir = path.join(dataDir, 'postgres');
  let service: Service | undefined;
  t.teardown(async () => {
    service?.child.kill('SIGKILL');
    const left = readPostmasterFile(clusterDir);
    if (left && isLivePostgres(left.pid)) process.kill(left.pid, 'SIGQUIT');
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });
  const port = await freePort();

  service = await startService(dataDir, port);
  t.regex(service.output(), /Database: embedded PostgreSQL in .*postgres \(127\.0\.0\.1:\d+\)/);
  t.regex(service.output(), /Loaded the sample plan/);
  t.is((await fetch(`http://127.0.0.1:${port}/readyz`)).status, 200);
  t.regex(await (await fetch(`http://127.0.0.1:${port}/`)).text(), /Forward Plan of Executive Decisions/);
  const server = readPostmasterFile(clusterDir)!;
  t.true(isLivePostgres(server.pid));

  const beside = await runCli(dataDir, ['review']);
  t.is(beside.code, 0, beside.output);
  t.is((await fetch(`http://127.0.0.1:${port}/readyz`)).status, 200, 'the command left the running server alone');
  t.is(readPostmasterFile(clusterDir)?.pid, server.pid);

  // A crash of the service leaves its database server running, and the next start reuses it.
  service.child.kill('SIGKILL');
  await service.exited;
  t.true(isLivePostgres(server.pid), 'the database server outlives the crash');
  service = await startService(dataDir, port);
  t.regex(service.output(), /already running/);
  t.notRegex(service.output(), /Loaded the sample plan/, 'the data is still there');
  t.is((await fetch(`http://127.0.0.1:${port}/readyz`)).status, 200);

  // Both killed: the lock file left behind is stale, and does not stop the next start.
  service.child.kill('SIGKILL');
  await service.exited;
  process.kill(server.pid, 'SIGKILL');
  const until = Date.now() + 10_000;
  while (isLivePostgres(server.pid) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
  t.true(existsSync(path.join(clusterDir, 'postmaster.pid')), 'a stale postmaster.pid is left');
  service = await startService(dataDir, port);
  t.is((await fetch(`http://127.0.0.1:${port}/api/v1/plans`)).status, 200);
  const restarted = readPostmasterFile(clusterDir)!;

  service.child.kill('SIGTERM');
  t.is(await service.exited, 0, 'a clean stop');
  t.regex(service.output(), /SIGTERM: stopping/);
  t.false(isLivePostgres(restarted.pid), 'SIGTERM stops the database server too');
  t.false(existsSync(path.join(clusterDir, 'postmaster.pid')));
  service = undefined;

  const alone = await runCli(dataDir, ['user', 'list']);
  t.is(alone.code, 0, alone.output);
  t.false(existsSync(path.join(clusterDir, 'postmaster.pid')), 'a command that started the server stops it again');
});
