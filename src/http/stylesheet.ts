import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/*
 * The stylesheet is compiled by Sass once, at install time (npm's `prepare` script runs
 * scripts/build-styles.ts), into a git-ignored cache, and the service only reads the file. Sass
 * holds about 100 MB once it has compiled govuk-frontend, so it is never loaded into the service
 * process: when the file is missing or was built from other sources (app.scss edited since, a
 * different govuk-frontend or sass, an install with --ignore-scripts), the service runs that
 * script as a child process and waits for it.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
export const stylesDir = path.join(root, 'src', 'styles');
export const govukDist = path.join(root, 'node_modules', 'govuk-frontend', 'dist');
/** Under node_modules, so `npm ci` clears it together with the packages it was built from. */
export const defaultCacheDir = path.join(root, 'node_modules', '.cache', 'forward-plan');
const buildScript = path.join(root, 'scripts', 'build-styles.ts');

export interface Stylesheet {
  css: string;
  /** True when this call had to compile it (the cache was missing or stale). */
  built: boolean;
}

const files = (cacheDir: string) => ({ css: path.join(cacheDir, 'app.css'), sources: path.join(cacheDir, 'app.css.sources') });

async function scssFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.scss'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

async function packageVersion(name: string): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/** A digest of everything the compiled CSS depends on: our .scss files and both packages' versions. */
export async function stylesheetSources(dir = stylesDir): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`govuk-frontend ${await packageVersion('govuk-frontend')}\nsass ${await packageVersion('sass')}\n`);
  for (const file of await scssFiles(dir)) {
    hash.update(`${path.relative(dir, file)}\n`).update(await readFile(file)).update('\n');
  }
  return hash.digest('hex');
}

/** Runs Sass in this process: for the build script only (see above). */
export async function compileStylesheet(dir = stylesDir): Promise<string> {
  const sass = await import('sass');
  const result = await sass.compileAsync(path.join(dir, 'app.scss'), {
    loadPaths: [govukDist],
    style: 'compressed',
    quietDeps: true,
    silenceDeprecations: ['import', 'global-builtin', 'color-functions', 'slash-div'] as never,
  });
  return result.css;
}

/** Writes the CSS and the digest of its sources, each atomically, the digest last. */
export async function saveStylesheet(css: string, sources: string, cacheDir = defaultCacheDir): Promise<void> {
  const target = files(cacheDir);
  await mkdir(cacheDir, { recursive: true });
  for (const [file, content] of [[target.css, css], [target.sources, sources]] as const) {
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, content);
    await rename(temporary, file);
  }
}

async function readIfCurrent(cacheDir: string, sources: string): Promise<string | undefined> {
  const target = files(cacheDir);
  try {
    if ((await readFile(target.sources, 'utf8')) !== sources) return undefined;
    return await readFile(target.css, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/*
 * The build runs under tsx, resolved from here so that the service may start from any folder. The
 * script prints the CSS as well as saving it, so a read-only node_modules still gets a stylesheet.
 */
async function buildInChildProcess(cacheDir: string): Promise<string> {
  const tsx = import.meta.resolve('tsx');
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', tsx, buildScript, '--stdout', '--cache-dir', cacheDir], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** The compiled stylesheet, built first (in a child process) when the cached one is missing or stale. */
export async function loadStylesheet(cacheDir = defaultCacheDir): Promise<Stylesheet> {
  const sources = await stylesheetSources();
  const cached = await readIfCurrent(cacheDir, sources);
  if (cached !== undefined) return { css: cached, built: false };
  console.log(`Building the stylesheet into ${cacheDir} (it was missing or its sources have changed)`);
  return { css: await buildInChildProcess(cacheDir), built: true };
}
