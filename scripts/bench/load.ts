import autocannon from 'autocannon';
import { execFile, execFileSync } from 'node:child_process';
import { get } from 'node:http';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  /** Responses other than the one expected. */
  unexpected: number;
  bytesPerResponse: number;
}

export type LoadOptions = { connections: number; seconds: number; headers?: Record<string, string>; expect?: number };

function hasWrk(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // wrk prints its version and exits 1; only a missing binary throws ENOENT.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/** wrk where installed (`apt-get install wrk`), which keeps up with large bodies; autocannon otherwise. */
export const LOADER: 'wrk' | 'autocannon' = process.env.BENCH_LOADER === 'autocannon' || !hasWrk() ? 'autocannon' : 'wrk';

/** Keep-alive load: `connections` clients, each sending one request after another. */
export function load(url: string, options: LoadOptions): Promise<LoadResult> {
  return LOADER === 'wrk' ? loadWithWrk(url, options) : loadWithAutocannon(url, options);
}

const WRK_UNITS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };
const wrkMs = (text: string | undefined) => {
  const match = /([\d.]+)(us|ms|s|m)/.exec(text ?? '');
  return match ? Number(match[1]) * WRK_UNITS[match[2]!]! : 0;
};
const SIZE_UNITS: Record<string, number> = { B: 1, KB: 1024, MB: 2 ** 20, GB: 2 ** 30 };

function loadWithWrk(url: string, options: LoadOptions): Promise<LoadResult> {
  const headers = Object.entries(options.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  const args = ['-t', '2', '-c', String(options.connections), '-d', `${options.seconds}s`, '--timeout', '10s', '--latency', ...headers, url];
  return new Promise((resolve, reject) => {
    execFile('wrk', args, (error, stdout) => {
      if (error) return reject(new Error(`wrk failed: ${error.message}`));
      const number = (pattern: RegExp) => Number(pattern.exec(stdout)?.[1] ?? 0);
      const socket = /connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
      const requests = number(/(\d+) requests in/);
      const read = /requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB) read/.exec(stdout);
      resolve({
        requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
        p50: wrkMs(/ 50%\s+(\S+)/.exec(stdout)?.[1]),
        p99: wrkMs(/ 99%\s+(\S+)/.exec(stdout)?.[1]),
        errors: socket ? Number(socket[1]) + Number(socket[2]) + Number(socket[3]) : 0,
        timeouts: socket ? Number(socket[4]) : 0,
        unexpected: number(/Non-2xx or 3xx responses: (\d+)/),
        bytesPerResponse: read && requests > 0 ? Math.round((Number(read[1]) * SIZE_UNITS[read[2]!]!) / requests) : 0,
      });
    });
  });
}

async function loadWithAutocannon(url: string, options: LoadOptions): Promise<LoadResult> {
  const expect = options.expect ?? 200;
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers ?? {},
    timeout: 10,
  });
  const counts = result.statusCodeStats as unknown as Record<string, { count: number }> | undefined;
  const all = Object.values(counts ?? {}).reduce((n, s) => n + s.count, 0);
  const expected = counts?.[String(expect)]?.count ?? 0;
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    unexpected: all - expected,
    bytesPerResponse: result.requests.total > 0 ? Math.round(result.throughput.total / result.requests.total) : 0,
  };
}

/** One request on a connection of its own (no keep-alive), as a new visitor or a load balancer's check makes it. */
export function freshGet(url: string, headers: Record<string, string> = {}, timeoutMs = 30_000): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = get(url, { agent: false, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timed out')));
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
  });
}

/** Asks for /healthz on a fresh connection every `everyMs` until stopped: how long a newcomer waits. */
export function probeHealth(baseUrl: string, everyMs = 50) {
  const samples: number[] = [];
  let failures = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { status, ms } = await freshGet(`${baseUrl}/healthz`);
      if (status === 200) samples.push(ms);
      else failures += 1;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const sorted = [...samples].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      return { samples: samples.length, failures, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 };
    },
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
