import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { queryCounter } from './query-counter.ts';
import { createRequestListener } from '../../src/app.ts';
import type { ResponseCache } from '../../src/http/cache/response-cache.ts';
import { testConfig, type Config } from '../../src/config/config.ts';
import type { DbHandle } from '../../src/db/create-db.ts';
import { createDeps, type Deps } from '../../src/deps.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { freshDb } from './db.ts';

export interface TestApp {
  deps: Deps;
  clock: ManualClock;
  handle: DbHandle;
  url: string;
  /** The shared response cache in front of the app. */
  cache: ResponseCache;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Queries the application has sent to the database so far. */
  queries(): number;
  close(): Promise<void>;
}

export interface TestAppOptions {
  sample?: boolean;
  config?: Partial<Config>;
  now?: string;
  /** False: no LISTEN connection, as when the service cannot listen (its own writes still count). */
  listen?: boolean;
}

/**
 * The real app on a fresh database, served on a free port as main.ts serves it (the shared
 * response cache in front); optionally with the sample plan.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const handle = await freshDb({ sample: options.sample ?? false });
  const clock = new ManualClock(options.now ?? '2024-02-26T10:00:00Z');
  const changes = options.listen === false ? { onWrite: handle.onWrite } : handle;
  const counter = queryCounter();
  const deps = createDeps(testConfig(options.config), handle.db.withPlugin(counter.plugin), clock, changes);
  const listener = createRequestListener(deps);
  const server: Server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    deps,
    clock,
    handle,
    url,
    cache: listener.cache,
    fetch: (path, init) => fetch(`${url}${path}`, { redirect: 'manual', ...init }),
    queries: counter.count,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await deps.feeds.close();
      await handle.close();
    },
  };
}
