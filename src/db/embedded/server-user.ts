import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync } from 'node:fs';
import path from 'node:path';

/** The OS account the database server runs as, when it is not the account running the service. */
export interface ServerUser {
  name: string;
  uid: number;
  gid: number;
}

const SERVER_ACCOUNT = 'postgres';

function idOf(flag: '-u' | '-g', name: string): number | undefined {
  try {
    return Number.parseInt(execFileSync('id', [flag, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }), 10);
  } catch {
    return undefined;
  }
}

/**
 * PostgreSQL refuses to run as root. A service started as root (a container, CI) runs the server
 * as the `postgres` account, making it where none exists; otherwise the server runs as we do.
 */
export function serverUser(): ServerUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  let uid = idOf('-u', SERVER_ACCOUNT);
  if (uid === undefined) {
    try {
      execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SERVER_ACCOUNT], { stdio: 'ignore' });
    } catch {
      throw new Error(
        `The service runs as root and PostgreSQL will not: it needs an OS account named ${SERVER_ACCOUNT}, and creating one failed. ` +
          'Create it (useradd --system postgres), run the service as another user, or set DATABASE_URL.',
      );
    }
    uid = idOf('-u', SERVER_ACCOUNT);
  }
  const gid = idOf('-g', SERVER_ACCOUNT);
  if (uid === undefined || gid === undefined) throw new Error(`Could not find the ids of the OS account ${SERVER_ACCOUNT}`);
  return { name: SERVER_ACCOUNT, uid, gid };
}

/** Options for child_process functions that run a program as the server's account. */
export function runAs(user: ServerUser | undefined): { uid?: number; gid?: number } {
  return user ? { uid: user.uid, gid: user.gid } : {};
}

export function giveTo(user: ServerUser | undefined, file: string): void {
  if (user) chownSync(file, user.uid, user.gid);
}

/**
 * Fails with a message naming the folder that stops the server's account from using `dir`
 * (a checkout inside a 0700 home folder, say), instead of initdb's "Permission denied".
 */
export function assertUsableBy(user: ServerUser | undefined, dir: string): void {
  if (!user || process.platform === 'win32') return;
  const can = (test: string, target: string) =>
    spawnSync('/bin/sh', ['-c', `test ${test} "$1"`, 'sh', target], { ...runAs(user), stdio: 'ignore' }).status === 0;
  if (can('-w', dir) && can('-x', dir)) return;
  let blocking = dir;
  for (let folder = path.dirname(dir); folder !== path.dirname(folder); folder = path.dirname(folder)) {
    if (!can('-x', folder)) blocking = folder;
  }
  throw new Error(
    `The database server runs as the OS account ${user.name} (PostgreSQL refuses root), and it cannot use ${dir}` +
      (blocking !== dir ? ` because it may not enter ${blocking}` : '') +
      '. Set DATA_DIR to a folder it can reach (for example /var/lib/forward-plan), run the service as another user, or set DATABASE_URL.',
  );
}
