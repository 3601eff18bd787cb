import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory of one process, in bytes (Linux /proc; 0 elsewhere). */
export function residentBytes(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

/** A process and every descendant's resident memory added up (shared pages counted in each, so an upper bound). */
export function treeResidentBytes(root: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    total += residentBytes(pid).rss;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface Started {
  child: ChildProcess;
  /** The pid the process reported (the service prints its own, under npm and tsx). */
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

/** Starts a command and waits until its output matches `ready` (whose first group is the pid, if any). */
export async function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, timeoutMs = 180_000): Promise<Started> {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const until = Date.now() + timeoutMs;
  let match: RegExpExecArray | null = null;
  while (!(match = ready.exec(output))) {
    if (child.exitCode !== null || Date.now() > until) throw new Error(`${command} ${args.join(' ')} did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const pid = match[1] ? Number(match[1]) : child.pid!;
  return {
    child,
    pid,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      process.kill(pid, 'SIGTERM');
      await exited;
    },
  };
}
