/*
 * The compile cache behind `npm start` (see register.mjs): each TypeScript file is compiled by
 * esbuild once, into node_modules/.cache/forward-plan/ts under a digest of its path, its text and
 * the compiler's options, and read from there by every later start. An edited file has a new
 * digest, so it is compiled again when it is next loaded; nothing is ever stale.
 *
 * Plain JavaScript, because it is what makes TypeScript loadable.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const cacheDir = path.join(root, 'node_modules', '.cache', 'forward-plan', 'ts');

const esbuildVersion = JSON.parse(readFileSync(path.join(root, 'node_modules', 'esbuild', 'package.json'), 'utf8')).version;

// What tsconfig.json says about emitting (esbuild reads only these), and an inline source map so
// that stack traces name the .ts file's own lines (register.mjs turns source maps on).
const options = {
  loader: 'ts',
  format: 'esm',
  target: 'node20',
  sourcemap: 'inline',
  tsconfigRaw: { compilerOptions: { target: 'ES2022', verbatimModuleSyntax: true, useDefineForClassFields: true } },
};

let esbuild;
let stopTimer;

/*
 * Synchronous on purpose. The module hooks run on their own thread, and while a hook awaits
 * something asynchronous (esbuild's child process, which esbuild unrefs) the main thread sees
 * nothing left to do and exits with code 13, an unsettled top-level await, halfway through
 * loading the service. (Loaded only on a cache miss: a warm start never loads esbuild.)
 */
function compile(source, file) {
  esbuild ??= createRequire(import.meta.url)('esbuild');
  clearTimeout(stopTimer);
  const { code } = esbuild.transformSync(source, { ...options, sourcefile: file });
  // esbuild's compiler is a child process: stopped once a burst of compiling is over, so a
  // service that compiled a changed file at start does not keep it.
  stopTimer = setTimeout(() => void esbuild.stop(), 2_000);
  stopTimer.unref();
  return code;
}

function cachePath(source, file) {
  const digest = createHash('sha256').update(`${esbuildVersion}\n${JSON.stringify(options)}\n${file}\n`).update(source).digest('hex');
  return path.join(cacheDir, digest.slice(0, 2), `${digest}.js`);
}

/** The JavaScript for the TypeScript file `file` (an absolute path), compiled at most once. */
export function compiledSource(file) {
  const source = readFileSync(file, 'utf8');
  const cached = cachePath(source, file);
  try {
    return readFileSync(cached, 'utf8');
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  const code = compile(source, file);
  try {
    mkdirSync(path.dirname(cached), { recursive: true });
    const temporary = `${cached}.${process.pid}.tmp`;
    writeFileSync(temporary, code);
    renameSync(temporary, cached);
  } catch {
    // A read-only install: compiled in memory at each start instead, which is only slower.
  }
  return code;
}
