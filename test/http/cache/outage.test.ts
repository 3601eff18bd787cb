import test from 'ava';
import type { Config } from '../../../src/config/config.ts';
import { createDb } from '../../../src/db/create-db.ts';
import { startTestApp } from '../../helpers/app.ts';
import { freshDb } from '../../helpers/db.ts';
import { startTcpProxy } from '../../comments/tcp-proxy.ts';

/** The app reaching its database through a relay the test can cut, as a network or server outage would. */
async function appBehindRelay(t: import('ava').ExecutionContext, config: Partial<Config> = {}) {
  const direct = await freshDb({ sample: true });
  t.teardown(direct.close);
  const server = new URL(direct.url);
  const relay = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
  const relayed = new URL(direct.url);
  relayed.hostname = '127.0.0.1';
  relayed.port = String(relay.port);
  const handle = createDb({ url: relayed.href, poolSize: 4, timeoutMs: 2_000 });
  const app = await startTestApp({ handle, config });
  t.teardown(async () => {
    await relay.start().catch(() => undefined);
    await app.close();
    await handle.close();
    await relay.stop();
  });
  return { deps: app.deps, relay, fetch: app.fetch };
}

test('while the database is down, feeds and pages already rendered are served from memory; others get a 503 page quickly', async (t) => {
  const { relay, fetch, deps } = await appBehindRelay(t);
  const paths = ['/feeds/decisions.rss', '/feeds/decisions.ics', '/', '/decisions?committee=children-and-education'];
  const before = new Map<string, string>();
  for (const path of paths) before.set(path, await (await fetch(path)).text());
  await deps.changes.start();
  t.true(deps.changes.listening());

  await relay.stop();
  // Losing the LISTEN connection marks everything stale: changes may be missed from now on.
  const version = deps.changes.version();
  const until = Date.now() + 5_000;
  while (deps.changes.listening() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  t.false(deps.changes.listening());
  t.true(deps.changes.version() > version);

  for (const path of paths) {
    const response = await fetch(path);
    t.is(response.status, 200, `${path} still answers`);
    t.is(await response.text(), before.get(path) ?? '', `${path}: the last good copy`);
  }

  const started = Date.now();
  const unknown = await fetch('/decisions?committee=adults-and-health');
  t.is(unknown.status, 503, 'a page never rendered cannot be served');
  t.regex(await unknown.text(), /unavailable/i);
  t.true(Date.now() - started < 10_000, 'the outage is answered, not waited out');

  await relay.start();
  const back = Date.now() + 10_000;
  let status = 0;
  while (Date.now() < back) {
    status = (await fetch('/decisions?committee=adults-and-health')).status;
    if (status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  t.is(status, 200, 'answers again once the database is back');
});

test('a database that stops answering (connections open, nothing comes back) gives a 503 within the timeout, not a hang', async (t) => {
  const { relay, fetch } = await appBehindRelay(t);
  await (await fetch('/healthz')).text();
  relay.freeze();
  const started = Date.now();
  const response = await fetch('/decisions?part=urgent');
  const took = Date.now() - started;
  t.is(response.status, 503);
  t.true(took < 8_000, `answered after ${took} ms`);
  relay.thaw();
});
