import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app.ts';
import { testConfig, type Config } from '../../src/config.ts';
import type { DbHandle } from '../../src/db/create-db.ts';
import { createDeps, type Deps } from '../../src/deps.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { freshDb } from './db.ts';

export interface TestApp {
  deps: Deps;
  clock: ManualClock;
  handle: DbHandle;
  url: string;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** The real app on a fresh database, served on a free port; optionally with the sample plan. */
export async function startTestApp(options: { sample?: boolean; config?: Partial<Config>; now?: string } = {}): Promise<TestApp> {
  const handle = await freshDb({ sample: options.sample ?? false });
  const clock = new ManualClock(options.now ?? '2024-02-26T10:00:00Z');
  const deps = createDeps(testConfig(options.config), handle.db, clock);
  const server: Server = createServer(createApp(deps).callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    deps,
    clock,
    handle,
    url,
    fetch: (path, init) => fetch(`${url}${path}`, { redirect: 'manual', ...init }),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handle.close();
    },
  };
}
