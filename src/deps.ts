import type { Config } from './config.ts';
import type { Db } from './db/create-db.ts';
import type { Clock } from './lib/clock.ts';

/**
 * The composition root: data access → services. createApp, the CLI, the scheduler and the
 * tests all build their world through this one function.
 */
export function createDeps(config: Config, db: Db, clock: Clock) {
  return {
    config,
    db,
    clock,
  };
}

export type Deps = ReturnType<typeof createDeps>;
