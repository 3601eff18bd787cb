import autocannon from 'autocannon';
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

/** Keep-alive load with autocannon: `connections` clients sending one request after another. */
export async function load(url: string, options: { connections: number; seconds: number; headers?: Record<string, string>; expect?: number }): Promise<LoadResult> {
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
export function freshGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = get(url, { agent: false, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.setTimeout(30_000, () => req.destroy(new Error('timed out')));
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
