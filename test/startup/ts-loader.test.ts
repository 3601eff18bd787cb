import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import test from 'ava';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url);
const cacheDir = path.join(root.pathname, 'node_modules', '.cache', 'forward-plan', 'ts');

const SOURCE = `interface Greeting { name: string }
class Greeter {
  constructor(private readonly greeting: Greeting) {}
  hello(): string { return \`hello \${this.greeting.name}\`; }
}
console.log(new Greeter({ name: 'council' }).hello());
if (process.argv.includes('--fail')) {
  throw new Error('on line 8');
}
`;

/** Runs a TypeScript file as npm start runs the service: node with the compile-cache loader, no tsx. */
function runTs(file: string, ...args: string[]) {
  return run(process.execPath, ['--import', './scripts/ts-loader/register.mjs', file, ...args], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '' },
  }).catch((error: { stdout: string; stderr: string }) => error);
}

async function cacheFiles(): Promise<Set<string>> {
  const entries = await readdir(cacheDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return new Set(entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)));
}

test.serial('the start-up loader runs TypeScript, compiled once into its cache and read from there afterwards', async (t) => {
  const folder = await mkdtemp(path.join(tmpdir(), 'fp-ts-loader-'));
  t.teardown(() => rm(folder, { recursive: true, force: true }));
  const file = path.join(folder, 'greeter.ts');
  await writeFile(file, SOURCE);

  const before = await cacheFiles();
  t.is((await runTs(file)).stdout, 'hello council\n', 'TypeScript beyond type stripping (a parameter property) runs');
  const added = [...(await cacheFiles())].filter((entry) => !before.has(entry));
  t.is(added.length, 1, 'one file compiled into the cache');
  t.teardown(() => rm(added[0]!, { force: true }));

  // Proof that a second start reads the cache instead of compiling again.
  await writeFile(added[0]!, 'console.log("from the cache");\n');
  t.is((await runTs(file)).stdout, 'from the cache\n');

  // An edited file is a new cache entry, never a stale one.
  await writeFile(file, SOURCE.replace("'council'", "'scrutiny'"));
  t.is((await runTs(file)).stdout, 'hello scrutiny\n');
  for (const entry of [...(await cacheFiles())].filter((entry) => !before.has(entry) && entry !== added[0])) {
    t.teardown(() => rm(entry, { force: true }));
  }
});

test.serial('stack traces from the start-up loader name the TypeScript lines', async (t) => {
  const folder = await mkdtemp(path.join(tmpdir(), 'fp-ts-loader-'));
  t.teardown(() => rm(folder, { recursive: true, force: true }));
  const file = path.join(folder, 'failing.ts');
  await writeFile(file, SOURCE);
  const before = await cacheFiles();
  const { stderr } = await runTs(file, '--fail');
  for (const entry of [...(await cacheFiles())].filter((entry) => !before.has(entry))) t.teardown(() => rm(entry, { force: true }));
  t.true(stderr.includes(`${file}:8:9`), stderr);
});

test.serial('a program whose modules are all new to the cache loads to the end (no exit in the middle of compiling)', async (t) => {
  const folder = await mkdtemp(path.join(tmpdir(), 'fp-ts-loader-'));
  t.teardown(() => rm(folder, { recursive: true, force: true }));
  // Each file imports the next, as the service's modules do: nothing else keeps the process busy meanwhile.
  const depth = 40;
  for (let i = 0; i < depth; i++) {
    const next = i + 1 < depth ? `import { value as next } from './m${i + 1}.ts';\n` : 'const next: number = 0;\n';
    await writeFile(path.join(folder, `m${i}.ts`), `${next}export const value: number = next + 1;\n`);
  }
  await writeFile(path.join(folder, 'main.ts'), "import { value } from './m0.ts';\nconsole.log(`depth ${value as number}`);\n");
  const before = await cacheFiles();
  const result = await runTs(path.join(folder, 'main.ts'));
  for (const entry of [...(await cacheFiles())].filter((entry) => !before.has(entry))) t.teardown(() => rm(entry, { force: true }));
  t.is(result.stdout, `depth ${depth}\n`);
});
