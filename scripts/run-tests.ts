import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedServer, type EmbeddedServer } from '../src/db/embedded/embedded-server.ts';
import { prepareTestTemplates } from '../test/helpers/test-databases.ts';

/*
 * `npm test`'s last step (and `npm run ava -- FILES`): a PostgreSQL server for the tests — the
 * one in DATABASE_URL, or a throwaway embedded PostgreSQL 18 in a temporary folder — and the
 * run's template databases, then ava with the arguments given, then everything cleaned up.
 */

// Throwaway data: durability costs time and buys nothing here.
const THROWAWAY_SETTINGS = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' };

async function embeddedServer(): Promise<{ server: EmbeddedServer; dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'forward-plan-tests-'));
  // The server may run as another OS account (when we are root): it must be able to enter the folder.
  chmodSync(dir, 0o755);
  const server = await startEmbeddedServer({ dataDir: dir, database: 'postgres', settings: THROWAWAY_SETTINGS, fastInit: true });
  return { server, dir };
}

function runAva(args: string[], env: Record<string, string>): Promise<number> {
  // ava's package exports no path to its command, so find it from the package's main entry.
  const ava = path.join(path.dirname(createRequire(import.meta.url).resolve('ava')), 'cli.mjs');
  const child = spawn(process.execPath, [ava, ...args], { stdio: 'inherit', env: { ...process.env, ...env } });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function main(): Promise<number> {
  const runId = randomBytes(4).toString('hex');
  const embedded = process.env.DATABASE_URL ? undefined : await embeddedServer();
  const serverUrl = process.env.DATABASE_URL ?? embedded!.server.urlFor('postgres');
  try {
    const templates = await prepareTestTemplates(serverUrl, runId);
    try {
      const where = embedded ? `embedded PostgreSQL (127.0.0.1:${embedded.server.port})` : 'the PostgreSQL server in DATABASE_URL';
      console.log(`Tests on ${where}`);
      return await runAva(process.argv.slice(2), templates.env);
    } finally {
      await templates.drop();
    }
  } finally {
    if (embedded) {
      await embedded.server.stop();
      rmSync(embedded.dir, { recursive: true, force: true });
    }
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
