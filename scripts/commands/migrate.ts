import { migrateToLatestOrThrow } from '../../src/db/migrate.ts';
import { write, type Command } from './command.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  usage: 'migrate   apply any migrations not yet applied (start-up does this too)',
  async run(_args, deps, io) {
    const applied = await migrateToLatestOrThrow(deps.db);
    write(io.stdout, applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    return 0;
  },
};
