// Module hooks (registered by register.mjs): the service's own .ts files load from the compile cache.
import { fileURLToPath } from 'node:url';
import { compiledSource } from './compile.mjs';

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts') || url.includes('/node_modules/')) return nextLoad(url, context);
  return { format: 'module', source: compiledSource(fileURLToPath(url)), shortCircuit: true };
}
