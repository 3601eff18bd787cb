import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { queryCounter } from './query-counter.ts';
import { createApp, createRequestListener, responseCacheFor } from '../../src/app.ts';
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
  /** The response cache the app fills; with `cache: false` nothing serves from it. */
  cache: ResponseCache;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Queries the application has sent to the database so far. */
  queries(): number;
  /** Stops the server and the service's workers; drops the database only if this app created it. */
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** A fresh database with the sample plan (published 23 February 2024). Not with `handle`. */
  sample?: boolean;
  config?: Partial<Config>;
  now?: string | Date;
  /** Instances that stand for one service (a restart, a second process) share the time of day. */
  clock?: ManualClock;
  /** False: no LISTEN connection, as when the service cannot listen (its own writes still count). */
  listen?: boolean;
  /**
   * An existing database, which the test keeps and closes: a second instance on the same data,
   * or a connection the test can cut (through a relay) to see the service lose its database.
   */
  handle?: DbHandle;
  /**
   * False: Koa alone, without the response cache in front, for tests that must see every request
   * reach the app (counting its queries, its PDF renders).
   */
  cache?: boolean;
  /** Data already in the database when the service starts (it is built after this resolves). */
  prepare?: (handle: DbHandle) => Promise<unknown>;
  /** Replaces services in the composed deps, as a test double or a differently configured one. */
  deps?: (deps: Deps) => Deps;
}

/**
 * The real app, served on a free port as main.ts serves it (the shared response cache in front,
 * LISTEN on its database), on a fresh database unless given one; with a count of its queries.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const handle = options.handle ?? (await freshDb({ sample: options.sample ?? false }));
  await options.prepare?.(handle);
  const clock = options.clock ?? new ManualClock(options.now ?? '2024-02-26T10:00:00Z');
  const changes = options.listen === false ? { onWrite: handle.onWrite } : handle;
  const counter = queryCounter();
  const built = createDeps(testConfig(options.config), handle.db.withPlugin(counter.plugin), clock, changes);
  const deps = options.deps ? options.deps(built) : built;
  const listener = options.cache === false ? koaAlone(deps) : createRequestListener(deps);
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
      await deps.planPdfs.close();
      if (!options.handle) await handle.close();
    },
  };
}

/** The Koa application without the cache in front; it still fills a cache of its own, as createApp's does. */
function koaAlone(deps: Deps) {
  const cache = responseCacheFor(deps);
  return Object.assign(createApp(deps, cache).callback(), { cache });
}
