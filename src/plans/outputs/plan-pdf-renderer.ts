import { Worker } from 'node:worker_threads';
import type { PlanView } from '../plan.service.ts';

/*
 * Renders plan PDFs in a worker thread. pdfmake lays a plan out synchronously, a second or more of
 * CPU for a real plan, which on the main thread stalled every other request; in the worker it
 * delays only other PDFs. One worker renders one PDF at a time (the machines have two cores, and
 * the cache in front of this renders each plan once). The worker is started on demand and stopped
 * after a while with nothing to do, so the memory pdfmake takes is returned between bursts.
 *
 * Whatever happens to the worker (an exception, running out of its heap, a render that never
 * ends), the render in hand is rejected with a PdfUnavailableError, the worker is replaced for the
 * next one, and no request is left waiting.
 */

export interface PdfJob {
  id: number;
  plan: PlanView;
  councilName: string;
}

export type PdfReply = { id: number; pdf: Uint8Array } | { id: number; error: string };

/** No PDF this time: the worker failed, ran out of memory or time, or is stopping. */
export class PdfUnavailableError extends Error {
  override name = 'PdfUnavailableError';
}

export interface PdfRendererOptions {
  /**
   * The worker exits after this long with nothing to render, returning its memory (about 60 MB
   * after laying out the sample plan). Each plan renders once, so bursts are short.
   */
  idleMs?: number;
  /** A render still going after this long stops the worker and fails. */
  timeoutMs?: number;
  /** The worker's heap limit, so a runaway render fails instead of growing the process. */
  maxHeapMb?: number;
  log?: Pick<Console, 'error'>;
}

export interface PdfRendererStats {
  /** PDFs the worker has finished. */
  renders: number;
  /** Workers started so far: one per burst of work, and one after each failure. */
  workersStarted: number;
  workerRunning: boolean;
  /** Renders waiting or in hand. */
  pending: number;
}

export interface PdfRenderer {
  render(plan: PlanView, councilName: string): Promise<Buffer>;
  stats(): PdfRendererStats;
  /** Stops the worker; renders not finished are rejected. */
  close(): Promise<void>;
}

interface Pending {
  job: PdfJob;
  resolve(pdf: Buffer): void;
  reject(error: Error): void;
}

// The entry registers the TypeScript loader itself: on Node 20 a worker does not inherit it.
const WORKER_ENTRY = new URL('./plan-pdf.worker.mjs', import.meta.url);

export function createPdfRenderer(options: PdfRendererOptions = {}): PdfRenderer {
  const { idleMs = 10_000, timeoutMs = 60_000, maxHeapMb = 256, log = console } = options;
  const queue: Pending[] = [];
  let current: { pending: Pending; timer: NodeJS.Timeout } | undefined;
  let worker: Worker | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  let nextId = 1;
  let closed = false;
  const stats = { renders: 0, workersStarted: 0 };

  function startWorker(): Worker {
    const started = new Worker(WORKER_ENTRY, {
      // Its own loader (see WORKER_ENTRY), none of the service's flags, and a bounded heap.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
    });
    stats.workersStarted += 1;
    let failure: Error | undefined;
    started.on('message', (reply: PdfReply) => {
      if (worker === started) finish(reply);
    });
    started.on('error', (error) => {
      failure = error;
    });
    started.on('exit', (code) => {
      if (worker !== started) return; // stopped on purpose
      worker = undefined;
      fail(`the PDF worker stopped (exit code ${code})${failure ? `: ${failure.message}` : ''}`);
    });
    return started;
  }

  function pump(): void {
    if (current || closed) return;
    const pending = queue.shift();
    if (!pending) return;
    clearTimeout(idleTimer);
    worker ??= startWorker();
    // Kept alive while it renders; an idle worker never holds the process open (unref below).
    worker.ref();
    const timer = setTimeout(() => {
      const stuck = worker;
      worker = undefined;
      void stuck?.terminate();
      fail(`the PDF took longer than ${timeoutMs} ms, so its worker was stopped`);
    }, timeoutMs);
    current = { pending, timer };
    worker.postMessage(pending.job);
  }

  function settle(): Pending | undefined {
    const settled = current;
    if (!settled) return undefined;
    clearTimeout(settled.timer);
    current = undefined;
    return settled.pending;
  }

  function afterJob(): void {
    if (queue.length > 0) return pump();
    if (!worker) return;
    worker.unref();
    const idle = worker;
    idleTimer = setTimeout(() => {
      if (worker !== idle || current) return;
      worker = undefined;
      void idle.terminate();
    }, idleMs);
    idleTimer.unref();
  }

  function finish(reply: PdfReply): void {
    if (current?.pending.job.id !== reply.id) return;
    const pending = settle()!;
    stats.renders += 1;
    if ('pdf' in reply) {
      pending.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
    } else {
      log.error(`The PDF of the plan published ${pending.job.plan.publishedOn} could not be rendered: ${reply.error}`);
      pending.reject(new PdfUnavailableError(`The PDF could not be rendered: ${reply.error}`));
    }
    afterJob();
  }

  // The worker is gone (or going): the render in hand fails, and the queue moves to a new worker.
  function fail(reason: string): void {
    const pending = settle();
    if (pending) {
      log.error(`The PDF of the plan published ${pending.job.plan.publishedOn} failed: ${reason}`);
      pending.reject(new PdfUnavailableError(reason));
    }
    afterJob();
  }

  return {
    render(plan, councilName) {
      if (closed) return Promise.reject(new PdfUnavailableError('the PDF renderer has stopped'));
      return new Promise<Buffer>((resolve, reject) => {
        queue.push({ job: { id: nextId++, plan, councilName }, resolve, reject });
        pump();
      });
    },
    stats: () => ({ ...stats, workerRunning: worker !== undefined, pending: queue.length + (current ? 1 : 0) }),
    async close() {
      closed = true;
      clearTimeout(idleTimer);
      const stopping = worker;
      worker = undefined;
      settle()?.reject(new PdfUnavailableError('the service is stopping'));
      for (const pending of queue.splice(0)) pending.reject(new PdfUnavailableError('the service is stopping'));
      await stopping?.terminate();
    },
  };
}
