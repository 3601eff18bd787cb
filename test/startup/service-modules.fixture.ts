import { createRequire } from 'node:module';
import { startTestApp } from '../helpers/app.ts';

/*
 * Run by service-modules.test.ts as `npm start` runs the service (node with the compile-cache
 * loader, no tsx): serves a page, the stylesheet and a PDF, then prints which packages' CommonJS
 * files this process has loaded.
 */
const app = await startTestApp({ sample: true });
const statuses: Record<string, number> = {};
for (const path of ['/', '/static/app.css', '/plans/2024-02-23.pdf']) {
  const response = await app.fetch(path);
  await response.arrayBuffer();
  statuses[path] = response.status;
}
await app.close();

const packages = new Set(
  Object.keys(createRequire(import.meta.url).cache).flatMap((file) => {
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
    return match ? [match[1]!] : [];
  }),
);
console.log(JSON.stringify({ statuses, packages: [...packages].sort() }));
