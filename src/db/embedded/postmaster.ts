import { readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';

/** What a data directory's postmaster.pid says about the server using it. */
export interface PostmasterFile {
  pid: number;
  port: number;
}

/** The lock file PostgreSQL writes: line 1 the PID, line 4 the port (see miscadmin.h LOCK_FILE_LINE_*). */
export function readPostmasterFile(clusterDir: string): PostmasterFile | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return { pid: 0, port: 0 };
  return { pid, port: Number.isInteger(port) ? port : 0 };
}

/**
 * Whether the PID is a live PostgreSQL server. After `kill -9` or a crash the lock file stays, and
 * its PID may have gone, become a zombie nobody reaps (containers), or been reused by another
 * program; PostgreSQL then refuses to start, so the next start must see the file is stale.
 */
export function isLivePostgres(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (process.platform !== 'linux') return true;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return false;
  }
}

export function removeStalePostmasterFile(clusterDir: string): void {
  try {
    unlinkSync(path.join(clusterDir, 'postmaster.pid'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
