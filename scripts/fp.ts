import { loadConfig } from '../src/config/config.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { migrateToLatestOrThrow } from '../src/db/migrate.ts';
import { createDeps } from '../src/deps.ts';
import { isDatabaseUnavailable } from '../src/http/errors.ts';
import { systemClock } from '../src/lib/clock.ts';
import { commands } from './commands/index.ts';
import { write } from './commands/command.ts';

/** `npm run fp -- COMMAND …`: the service's command line, for automation and recovery. */
async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  const command = commands.find((c) => c.name === name);
  if (!command) {
    write(name && name !== 'help' ? io.stderr : io.stdout, `Usage: npm run fp -- COMMAND [ARGS]\n\nCommands:\n${commands.map((c) => `  ${c.usage}`).join('\n')}`);
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
  }
  const config = loadConfig();
  // Beside a running service on the embedded database this uses the same server; otherwise it
  // starts the server for the command and stops it after.
  const database = await openDatabase(config, 'cli', (message) => write(io.stderr, message));
  const deps = createDeps(config, database.handle.db, systemClock, database.handle);
  try {
    await migrateToLatestOrThrow(database.handle.db);
    return await command.run(args, deps, io);
  } finally {
    await deps.feeds.close();
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = isDatabaseUnavailable(error) ? `The database is not answering: ${(error as Error).message}` : error instanceof Error ? error.message : String(error);
    console.error(message);
    process.exit(1);
  },
);
