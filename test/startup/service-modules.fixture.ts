import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequestListener } from '../../src/app.ts';
import { testConfig } from '../../src/config/config.ts';
import { createDeps } from '../../src/deps.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { freshDb } from '../helpers/db.ts';

/*
 * Run by service-modules.test.ts as `npm start` runs the service (node with the compile-cache
 * loader, no tsx): serves a page, the stylesheet and a PDF, then prints which packages' CommonJS
 * files this process has loaded.
 */
const handle = await freshDb({ sample: true });
const deps = createDeps(testConfig(), handle.db, new ManualClock('2024-02-26T10:00:00Z'));
const server = createServer(createRequestListener(deps));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const statuses: Record<string, number> = {};
for (const path of ['/', '/static/app.css', '/plans/2024-02-23.pdf']) {
  const response = await fetch(`${url}${path}`);
  await response.arrayBuffer();
  statuses[path] = response.status;
}
await new Promise<void>((resolve) => server.close(() => resolve()));
await deps.planPdfs.close();
await handle.close();

const packages = new Set(
  Object.keys(createRequire(import.meta.url).cache).flatMap((file) => {
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
    return match ? [match[1]!] : [];
  }),
);
console.log(JSON.stringify({ statuses, packages: [...packages].sort() }));
