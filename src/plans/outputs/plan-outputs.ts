import type { Context } from 'koa';
import type { Deps } from '../../deps.ts';
import { HttpError, notFound } from '../../http/errors.ts';
import type { PlanView } from '../plan.service.ts';
import { planCsv, planFileName } from './plan-csv-export.ts';
import { PdfUnavailableError } from './plan-pdf-renderer.ts';

/*
 * The machine-readable and printable twins of /plans/YYYY-MM-DD, built from the same PlanView
 * (the immutable snapshot), so every format says exactly what the page says.
 */

// A published plan never changes; only whether it is the latest does, and these files do not say.
const CACHE = 'public, max-age=86400';

async function publishedPlan(plans: Deps['plans'], date: string | undefined): Promise<PlanView> {
  const plan = await plans.byDate(date ?? '');
  if (!plan) throw notFound('No plan was published on that date');
  return plan;
}

/** Rendered once per plan in a worker thread (plan-pdfs.ts): the same bytes on every request. */
export function planPdfDownload({ planPdfs }: Pick<Deps, 'planPdfs'>) {
  return async (ctx: Context) => {
    const date = ctx.params.date ?? '';
    let body: Buffer | undefined;
    try {
      body = await planPdfs.forPlan(date);
    } catch (error) {
      if (!(error instanceof PdfUnavailableError)) throw error;
      // The renderer has logged why; the person gets the other formats, which need no worker.
      ctx.set('Retry-After', '60');
      throw new HttpError(503, 'Sorry, the PDF of this plan cannot be made at the moment. Try again in a few minutes, or use the plan’s web page or CSV file.');
    }
    if (!body) throw notFound('No plan was published on that date');
    ctx.attachment(planFileName({ publishedOn: date }, 'pdf'), { type: 'inline' });
    ctx.type = 'application/pdf';
    ctx.set('Cache-Control', CACHE);
    ctx.body = body;
  };
}

export function planCsvDownload({ plans }: Pick<Deps, 'plans'>) {
  return async (ctx: Context) => {
    const plan = await publishedPlan(plans, ctx.params.date);
    ctx.attachment(planFileName(plan, 'csv'));
    ctx.type = 'text/csv; charset=utf-8';
    ctx.set('Cache-Control', CACHE);
    ctx.body = planCsv(plan);
  };
}

/** The JSON of a plan, with the addresses of its other formats. */
export function planJson(plan: PlanView) {
  return {
    ...plan,
    formats: {
      html: plan.url,
      pdf: `${plan.url}.pdf`,
      csv: `${plan.url}.csv`,
      json: `/api/v1${plan.url}`,
    },
  };
}
