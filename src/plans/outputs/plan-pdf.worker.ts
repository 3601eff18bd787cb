import { parentPort } from 'node:worker_threads';
import type { PdfJob, PdfReply } from './plan-pdf-renderer.ts';
import { renderPlanPdf } from './plan-pdf.ts';

/*
 * The worker thread's side of plan-pdf-renderer.ts (started through plan-pdf.worker.mjs): renders
 * each plan it is sent and sends back its bytes, or why it could not.
 */
const port = parentPort;
if (!port) throw new Error('plan-pdf.worker.ts runs only in the worker thread that plan-pdf-renderer.ts starts');

port.on('message', (job: PdfJob) => {
  // Through a promise, so that a plan the layout throws on is an answer, not a crashed worker.
  Promise.resolve(job)
    .then(({ plan, councilName }) => renderPlanPdf(plan, councilName))
    .then(
      (pdf) => {
        // A buffer of its own (Buffer.concat may hand out a slice of a shared pool), moved, not copied, to the main thread.
        const bytes = new Uint8Array(pdf);
        port.postMessage({ id: job.id, pdf: bytes } satisfies PdfReply, [bytes.buffer]);
      },
      (error: unknown) => {
        port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies PdfReply);
      },
    );
});
