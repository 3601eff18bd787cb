import fs from 'node:fs';
import path from 'node:path';

/*
 * Which folders of src/ import which: the picture the README's "How the code is laid out" draws.
 * The files at the top of src/ (main, app, deps, routes, background) are the composition root and
 * may import any folder; the only thing a folder may take from them is the *type* Deps, with which
 * a module's routes name the services they are given.
 *
 * One upward import is let through: db/database.ts composes the Database type from each module's
 * `*.tables.ts` (each module owns its tables' types; that file is where they meet). It may do so
 * only with `import type`, which is erased at run time, so db/ still loads no module's code and
 * the folders' run-time order is untouched. Any other file, or a value import, is still counted.
 */

export const ROOT = '(root)';

/** The file that composes the Database type from the modules' `*.tables.ts` (relative to src/). */
const DATABASE_TYPE = path.join('db', 'database.ts');

export interface FolderImport {
  from: string;
  to: string;
  /** The importing file and the imported one, relative to src/. */
  file: string;
  target: string;
}

const SPECIFIER = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return /\.(ts|mjs)$/.test(entry.name) ? [full] : [];
  });
}

function folderOf(relative: string): string {
  const parts = relative.split(path.sep);
  return parts.length > 1 ? parts[0]! : ROOT;
}

export function folderImports(srcDir: string): FolderImport[] {
  const found: FolderImport[] = [];
  for (const file of filesUnder(srcDir)) {
    const text = fs.readFileSync(file, 'utf8');
    const fileRelative = path.relative(srcDir, file);
    for (const match of text.matchAll(SPECIFIER)) {
      const typeOnly = match[2] !== undefined;
      const specifier = match[3] ?? match[4]!;
      const target = path.relative(srcDir, path.resolve(path.dirname(file), specifier));
      if (target.startsWith('..')) continue;
      const from = folderOf(fileRelative);
      const to = folderOf(target);
      if (from === to) continue;
      if (to === ROOT && typeOnly && target === 'deps.ts') continue;
      if (typeOnly && fileRelative === DATABASE_TYPE && target.endsWith('.tables.ts')) continue;
      found.push({ from, to, file: fileRelative, target });
    }
  }
  return found;
}

/** Folder → the folders it imports. */
export function folderGraph(imports: FolderImport[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of imports) {
    if (!graph.has(from)) graph.set(from, new Set());
    if (!graph.has(to)) graph.set(to, new Set());
    graph.get(from)!.add(to);
  }
  return graph;
}

/** Every circle of folders (strongly connected components of more than one folder). */
export function circles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, indices.get(next)!));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indices.has(node)) visit(node);
  return found;
}
