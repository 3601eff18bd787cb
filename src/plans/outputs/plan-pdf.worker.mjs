/*
 * Entry of the PDF worker thread (plan-pdf-renderer.ts). On Node 20 a worker thread does not take
 * the TypeScript loader the service was started with (an --import in its execArgv is not applied
 * to its own modules), so it registers the service's loader itself, whether the main thread runs
 * on that loader (npm start) or on tsx (tests), before loading the worker's code.
 */
import '../../../scripts/ts-loader/register.mjs';

await import('./plan-pdf.worker.ts');
