import type { PlanView } from '../plan.service.ts';
import type { CouncilInfo } from '../../reference-data/council.service.ts';
import { createPdfRenderer, type PdfRenderer } from './plan-pdf-renderer.ts';

/*
 * Each published plan's PDF, rendered once (at its first request) and then served from memory.
 * A published plan never changes (plans and plan_entries refuse UPDATE and DELETE), and the
 * only other thing on its pages is the council's name, so (plan date, council name) keys the
 * bytes: renaming the council renders the plans again under the new name.
 *
 * Kept in memory rather than in the database: a PDF is 60 kB for the sample plan and 1.4 MB
 * for a plan of a thousand entries, costs a second or two of the worker's time to make again
 * after a restart, and storing it would add a write to a GET and a table to keep in step with
 * the council's name, for no change in what anyone receives.
 */

/** Two years of fortnightly plans, within 32 MB. The least recently asked for go first. */
const MAX_ENTRIES = 50;
const MAX_BYTES = 32 * 1024 * 1024;

// The plan and council services, as far as the PDFs need them (deps.ts builds this from them).
interface Sources {
  plans: { byDate(date: string): Promise<PlanView | undefined> };
  council: { get(): Promise<Pick<CouncilInfo, 'name'>> };
}

export interface PlanPdfs {
  /** The PDF of the plan published on `date` (undefined when none was); rejects with PdfUnavailableError. */
  forPlan(date: string): Promise<Buffer | undefined>;
  readonly renderer: PdfRenderer;
  close(): Promise<void>;
}

export function createPlanPdfs({ plans, council }: Sources, renderer: PdfRenderer = createPdfRenderer()): PlanPdfs {
  // Promises, not bytes, so that requests arriving while a plan renders wait for that one render.
  const cache = new Map<string, Promise<Buffer | undefined>>();
  const sizes = new Map<string, number>();

  function evict() {
    let bytes = [...sizes.values()].reduce((sum, n) => sum + n, 0);
    for (const key of cache.keys()) {
      if (cache.size <= MAX_ENTRIES && bytes <= MAX_BYTES) return;
      if (cache.size === 1) return;
      bytes -= sizes.get(key) ?? 0;
      sizes.delete(key);
      cache.delete(key);
    }
  }

  // One plan at a time, read from the database when its turn comes: the worker renders one at a
  // time anyway, and twenty cold PDFs asked for at once would otherwise build twenty plan views
  // on the event loop together (150 ms on thousand-entry plans), delaying every other request.
  let turn: Promise<unknown> = Promise.resolve();
  function render(date: string, councilName: string): Promise<Buffer | undefined> {
    const mine = turn.then(async () => {
      const plan = await plans.byDate(date);
      return plan && renderer.render(plan, councilName);
    });
    turn = mine.catch(() => undefined);
    return mine;
  }

  return {
    renderer,
    async forPlan(date) {
      const councilName = (await council.get()).name;
      const key = `${date}\n${councilName}`;
      let pdf = cache.get(key);
      if (pdf) {
        cache.delete(key); // to the most recently used end
      } else {
        pdf = render(date, councilName);
        // A missing plan (it may yet be published) or a failed render is not kept: the next request tries again.
        const rendering = pdf;
        rendering.then(
          (bytes) => {
            if (cache.get(key) !== rendering) return;
            if (bytes === undefined) cache.delete(key);
            else {
              sizes.set(key, bytes.length);
              evict();
            }
          },
          () => cache.get(key) === rendering && cache.delete(key),
        );
      }
      cache.set(key, pdf);
      evict();
      return pdf;
    },
    close: () => renderer.close(),
  };
}
