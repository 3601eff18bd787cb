import test from 'ava';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { circles, folderGraph, folderImports, ROOT } from './folder-graph.ts';

const SRC = path.resolve(import.meta.dirname, '../../src');
const imports = folderImports(SRC);

/** The folders in the order README's "How the code is laid out" lists them, bottom up. */
function readmeOrder(): string[] {
  const readme = fs.readFileSync(path.resolve(SRC, '../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## How the code is laid out'));
  const blocks = [...section.matchAll(/```\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const layers = blocks.find((block) => block.startsWith('lib/'));
  if (!layers) throw new Error('README: no list of folders starting with lib/');
  return [...layers.matchAll(/^([a-z-]+)\/\s/gm)].map((m) => m[1]!);
}

test('no two folders of src/ import each other, directly or round a circle', (t) => {
  t.deepEqual(circles(folderGraph(imports)), []);
});

test('folders take nothing from the composition root but the type Deps', (t) => {
  t.deepEqual(
    imports.filter((i) => i.to === ROOT).map((i) => `${i.file} → ${i.target}`),
    [],
  );
});

test('every folder of src/ is in the README’s list, which each folder’s imports respect', (t) => {
  const order = readmeOrder();
  const folders = fs
    .readdirSync(SRC, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.readdirSync(path.join(SRC, entry.name)).some((f) => f.endsWith('.ts')))
    .map((entry) => entry.name)
    .sort();
  t.deepEqual([...order].sort(), folders);
  const upward = imports
    .filter((i) => i.from !== ROOT && order.indexOf(i.to) > order.indexOf(i.from))
    .map((i) => `${i.file} imports ${i.target}, listed below it`);
  t.deepEqual(upward, []);
});

test('the import reader sees a circle when there is one', (t) => {
  const graph = folderGraph([
    { from: 'plans', to: 'decisions', file: 'plans/a.ts', target: 'decisions/b.ts' },
    { from: 'decisions', to: 'feeds', file: 'decisions/b.ts', target: 'feeds/c.ts' },
    { from: 'feeds', to: 'plans', file: 'feeds/c.ts', target: 'plans/a.ts' },
    { from: 'feeds', to: 'lib', file: 'feeds/c.ts', target: 'lib/d.ts' },
  ]);
  t.deepEqual(circles(graph), [['decisions', 'feeds', 'plans']]);
});

test('only db/database.ts may import the modules’ tables upward, and only as types', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folder-graph-'));
  try {
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    write('plans/plans.tables.ts', 'export interface PlanTables { plans: object }\n');
    write('db/database.ts', "import type { PlanTables } from '../plans/plans.tables.ts';\nimport { x } from '../plans/plans.tables.ts';\n");
    write('db/other.ts', "import type { PlanTables } from '../plans/plans.tables.ts';\n");
    t.deepEqual(
      folderImports(dir).map((i) => `${i.file} → ${i.target}`).sort(),
      [`${path.join('db', 'database.ts')} → ${path.join('plans', 'plans.tables.ts')}`, `${path.join('db', 'other.ts')} → ${path.join('plans', 'plans.tables.ts')}`],
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
