import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { postgresBinaries, type PostgresBinaries } from './binaries.ts';
import { isLivePostgres, readPostmasterFile, removeStalePostmasterFile } from './postmaster.ts';
import { assertUsableBy, giveTo, runAs, serverUser, type ServerUser } from './server-user.ts';

export interface EmbeddedServerOptions {
  /** DATA_DIR: the server's files go in DATA_DIR/postgres, its password beside them. */
  dataDir: string;
  /** The database the service uses, made when missing. */
  database?: string;
  /** Extra server settings (`-c name=value`), e.g. fsync=off for throwaway test servers. */
  settings?: Record<string, string>;
  /** Tests' throwaway clusters skip initdb's fsync. */
  fastInit?: boolean;
  log?: (message: string) => void;
}

export interface EmbeddedServer {
  /** Connection string for the service's database. */
  url: string;
  /** Connection string for another database on the same server (tests make their own). */
  urlFor(database: string): string;
  port: number;
  clusterDir: string;
  /** False when a server already running on this directory (the service's, or one left by a crash) was reused. */
  startedHere: boolean;
  /** Stops the server (fast shutdown: open sessions end, committed work is kept). */
  stop(): Promise<void>;
}

const SERVER_USER = 'postgres';
const LOG_ROTATE_BYTES = 10 * 1024 * 1024;
const NAME = /^[a-z_][a-z0-9_]*$/;

function run(file: string, args: string[], user: ServerUser | undefined, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { ...runAs(user), cwd, env: { ...process.env, LC_MESSAGES: 'C' }, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${path.basename(file)} failed: ${(stderr || stdout || error.message).trim()}`));
      else resolve(stdout);
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
  return password;
}

/** A UTF-8 cluster whose text functions know about accents wherever the OS has the C.UTF-8 locale. */
function localeFlags(): string[] {
  return process.platform === 'linux' && existsSync('/usr/lib/locale/C.utf8')
    ? ['--encoding=UTF8', '--locale=C.UTF-8']
    : ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'];
}

async function initialise(bins: PostgresBinaries, clusterDir: string, password: string, user: ServerUser | undefined, fast: boolean) {
  const passwordFile = path.join(path.dirname(clusterDir), `.initdb-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  giveTo(user, passwordFile);
  try {
    await run(
      bins.initdb,
      [`--pgdata=${clusterDir}`, '--auth=scram-sha-256', `--username=${SERVER_USER}`, `--pwfile=${passwordFile}`, ...localeFlags(), ...(fast ? ['--no-sync'] : [])],
      user,
      clusterDir,
    );
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/**
 * Starts the private PostgreSQL server for DATA_DIR, or reuses the one already running there:
 * initialised on first use, listening on 127.0.0.1 only (a free port, chosen at each start and
 * read back from postmaster.pid by anyone who needs it), password-protected. The server runs
 * detached from this process, so a crash or `kill -9` of the service leaves it running for the
 * next start to reuse, and a stale lock file left by a dead server is cleared.
 */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const log = options.log ?? (() => {});
  const database = options.database ?? 'forward_plan';
  if (!NAME.test(database)) throw new Error(`Not a plain database name: ${database}`);
  const bins = await postgresBinaries();
  const user = serverUser();
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, 'postgres');
  mkdirSync(dataDir, { recursive: true });
  const password = readOrCreatePassword(path.join(dataDir, 'postgres-password'));
  const urlFor = (port: number, db: string) => `postgres://${SERVER_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    if (existsSync(clusterDir) && readdirSync(clusterDir).length > 0) {
      throw new Error(`${clusterDir} is not empty but holds no PostgreSQL database; move it away or set DATA_DIR`);
    }
    mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
    giveTo(user, clusterDir);
    assertUsableBy(user, clusterDir);
    log(`Creating the embedded PostgreSQL database in ${clusterDir}`);
    await initialise(bins, clusterDir, password, user, options.fastInit ?? false);
  } else {
    assertUsableBy(user, clusterDir);
  }

  let port = await reusableServer(clusterDir, (p) => urlFor(p, 'postgres'));
  const startedHere = port === undefined;
  if (port === undefined) port = await startServer(bins, clusterDir, user, options.settings ?? {}, (p) => urlFor(p, 'postgres'));
  await ensureDatabase(urlFor(port, 'postgres'), database);
  const finalPort = port;
  return {
    url: urlFor(finalPort, database),
    urlFor: (db) => urlFor(finalPort, db),
    port: finalPort,
    clusterDir,
    startedHere,
    stop: async () => {
      await run(bins.pg_ctl, ['stop', '-D', clusterDir, '-m', 'fast', '-w', '-t', '60'], user, clusterDir).catch((error: Error) => {
        if (!/not running|No such file/i.test(error.message)) throw error;
      });
    },
  };
}

/** The port of a server already serving this directory, waiting out one that is starting; clears a stale lock. */
async function reusableServer(clusterDir: string, url: (port: number) => string): Promise<number | undefined> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const found = readPostmasterFile(clusterDir);
    if (!found) return undefined;
    if (!isLivePostgres(found.pid)) {
      removeStalePostmasterFile(clusterDir);
      return undefined;
    }
    if (found.port > 0 && (await answers(url(found.port)))) return found.port;
    await sleep(250);
  }
  throw new Error(`A PostgreSQL server (see ${path.join(clusterDir, 'postmaster.pid')}) holds ${clusterDir} but does not answer; stop it and start again`);
}

async function startServer(
  bins: PostgresBinaries,
  clusterDir: string,
  user: ServerUser | undefined,
  settings: Record<string, string>,
  url: (port: number) => string,
): Promise<number> {
  const logFile = path.join(clusterDir, 'server.log');
  if (existsSync(logFile) && statSync(logFile).size > LOG_ROTATE_BYTES) renameSync(logFile, `${logFile}.1`);
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const port = await freePort();
    const flags = Object.entries({ listen_addresses: '127.0.0.1', unix_socket_directories: '', ...settings })
      .map(([name, value]) => `-c ${name}=${shellQuote(value)}`)
      .join(' ');
    try {
      await run(bins.pg_ctl, ['start', '-D', clusterDir, '-w', '-t', '60', '-l', logFile, '-o', `-p ${port} ${flags}`], user, clusterDir);
      return port;
    } catch (error) {
      lastError = error as Error;
      // Another process may have started it meanwhile, or a dead server's children still hold it.
      const running = await reusableServer(clusterDir, url).catch(() => undefined);
      if (running !== undefined) return running;
      await sleep(500);
    }
  }
  const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-8).join('\n') : '';
  throw new Error(`The embedded PostgreSQL server would not start: ${lastError?.message ?? ''}\n${tail}`);
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE ${database}`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error;
      });
    }
  } finally {
    await client.end();
  }
}
