/*
 * Entry of the PDF worker thread (plan-pdf-renderer.ts). A worker thread does not take the
 * TypeScript loader the service was started with on Node 20 (an --import in its execArgv is not
 * applied to its own modules), so it registers one here before loading the worker's code.
 */
import { register } from 'tsx/esm/api';

register();
await import('./plan-pdf.worker.ts');
