import path from 'node:path';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createDb } from './db/create-db.ts';
import { migrateToLatestOrThrow } from './db/migrate.ts';
import { createDeps } from './deps.ts';
import { compileAssets } from './http/assets.ts';
import { systemClock } from './lib/clock.ts';
import { startBackgroundWork } from './background.ts';
import { loadSampleIfEmpty } from './sample/load-sample.ts';

async function main() {
  const config = loadConfig();
  const handle = await createDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : path.join(config.dataDir, 'pglite'),
  });
  const applied = await migrateToLatestOrThrow(handle.db);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);

  const deps = createDeps(config, handle.db, systemClock, handle);
  const shouldLoadSample = config.loadSample ?? handle.kind === 'pglite';
  if (shouldLoadSample) {
    const loaded = await loadSampleIfEmpty(deps);
    if (loaded) console.log(`Loaded the sample plan: ${loaded}`);
  }

  await compileAssets();
  const app = createApp(deps);
  const server = app.listen(config.port, config.host, () => {
    const where = handle.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL';
    console.log(`Forward Plan service on http://${config.host}:${config.port} (${where})`);
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  const background = startBackgroundWork(deps);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    await background.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await deps.feeds.close();
    await deps.planPdfs.close();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
