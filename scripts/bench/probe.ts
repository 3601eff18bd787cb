import { freshGet, probeHealth } from './load.ts';

/*
 * /healthz on a fresh connection every few milliseconds, from a process of its own, so that the
 * load generator's own event loop is not what it measures:
 *   tsx scripts/bench/probe.ts BASE_URL [EVERY_MS]
 * Prints one JSON line of figures when it receives SIGTERM.
 */
const [baseUrl, everyMs] = process.argv.slice(2);
// A new process's first requests pay for compiling the HTTP client: not what a newcomer waits for.
for (let i = 0; i < 20; i += 1) await freshGet(`${baseUrl}/healthz`);
const probe = probeHealth(baseUrl!, Number(everyMs ?? 50));
process.on('SIGTERM', () => {
  void probe.stop().then((figures) => {
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    process.exit(0);
  });
});
console.log(`probing ${baseUrl}/healthz (process ${process.pid})`);
