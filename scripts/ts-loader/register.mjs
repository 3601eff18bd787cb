/*
 * `node --import ./scripts/ts-loader/register.mjs src/main.ts`, which is `npm start`: runs the
 * service's TypeScript from a compile cache (compile.mjs) instead of through tsx. tsx keeps its
 * compiler, its CommonJS hooks and a second process resident beside the service, about 80 MB
 * more than this measured on the sample plan; tests, the CLI and benchmarks still use tsx.
 * Worker threads import this themselves (on Node 20 they do not inherit --import).
 */
import { register } from 'node:module';

process.setSourceMapsEnabled(true);
register('./hooks.mjs', import.meta.url);
