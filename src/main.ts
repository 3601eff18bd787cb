import { createRequestListener } from './app.ts';
import { loadConfig } from './config/config.ts';
import { openDatabase } from './db/open-database.ts';
import { migrateToLatestOrThrow } from './db/migrate.ts';
import { createDeps } from './deps.ts';
import { compileAssets } from './http/assets.ts';
import { createHttpServer } from './http/server.ts';
import { systemClock } from './lib/clock.ts';
import { startBackgroundWork } from './background.ts';
import { loadSampleIfEmpty } from './sample/load-sample.ts';

async function main() {
  const config = loadConfig();
  const database = await openDatabase(config, 'service');
  const stopDatabase = async () => database.close().catch((error: Error) => console.error(`stopping the database: ${error.message}`));
  const deps = createDeps(config, database.handle.db, systemClock, database.handle);
  try {
    const applied = await migrateToLatestOrThrow(database.handle.db);
    if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);
    const shouldLoadSample = config.loadSample ?? database.embedded !== undefined;
    if (shouldLoadSample) {
      const loaded = await loadSampleIfEmpty(deps);
      if (loaded) console.log(`Loaded the sample plan: ${loaded}`);
    }
    await compileAssets();
  } catch (error) {
    await deps.feeds.close();
    await stopDatabase();
    throw error;
  }
  const server = createHttpServer(createRequestListener(deps), { maxConnections: config.maxConnections });
  server.listen(config.port, config.host, () => {
    console.log(`Database: ${database.description}`);
    console.log(`Forward Plan service on http://${config.host}:${config.port} (process ${process.pid})`);
  });
  const background = startBackgroundWork(deps);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    await background.stop();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      // A request still running after this long is cut off rather than holding the stop.
      setTimeout(() => server.closeAllConnections(), 10_000).unref();
    });
    await deps.feeds.close();
    await deps.planPdfs.close();
    await stopDatabase();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
