// Compiles every .ts file the service loads into the compile cache: run by npm after installing
// (`prepare`), so that no start has to load the compiler. Files changed later compile when loaded.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { compiledSource, root } from './compile.mjs';

const files = ['src', 'migrations'].flatMap((folder) =>
  readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name)),
);
for (const file of files) compiledSource(file);
console.log(`Compiled ${files.length} TypeScript files into the start-up cache`);
