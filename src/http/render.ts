import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Context, Next } from 'koa';
import nunjucks from 'nunjucks';
import { formatLongDate, formatMonth } from '../lib/dates.ts';

const templatesDir = fileURLToPath(new URL('../../templates', import.meta.url));
const govukDir = fileURLToPath(new URL('../../node_modules/govuk-frontend/dist', import.meta.url));

export type TemplateFilters = Record<string, (...args: never[]) => unknown>;

export function createTemplates(extraFilters: TemplateFilters = {}): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([templatesDir, govukDir], { noCache: false }), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  env.addFilter('longDate', (iso: string | null | undefined) => (iso ? formatLongDate(iso) : ''));
  env.addFilter('monthYear', (iso: string | null | undefined) => (iso ? formatMonth(iso) : ''));
  env.addFilter('isoDate', (value: Date | string | null | undefined) =>
    value == null ? '' : typeof value === 'string' ? value : value.toISOString(),
  );
  // Paragraphs as typed, escaped; used for long free-text fields from the plan.
  env.addFilter('paragraphs', (value: string | null | undefined) => {
    const escape = env.getFilter('escape') as (s: string) => nunjucks.runtime.SafeString;
    const html = (value ?? '')
      .split(/\n\s*\n|\n/)
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .map((p) => `<p class="govuk-body">${String(escape(p))}</p>`)
      .join('');
    return new nunjucks.runtime.SafeString(html);
  });
  env.addFilter('plural', (count: number, singular: string, plural?: string) =>
    `${count} ${count === 1 ? singular : (plural ?? `${singular}s`)}`,
  );
  for (const [name, filter] of Object.entries(extraFilters)) env.addFilter(name, filter as (...a: unknown[]) => unknown);
  return env;
}

export type Render = (ctx: Context, template: string, data?: Record<string, unknown>) => void;

export function createRenderer(env: nunjucks.Environment, globals: () => Record<string, unknown>): Render {
  return (ctx, template, data = {}) => {
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = env.render(template, {
      ...globals(),
      ...ctx.state,
      currentPath: ctx.path,
      currentUrl: ctx.url,
      ...data,
    });
  };
}

/** A fresh nonce per response for the one inline script govuk-frontend's template needs. */
export async function cspNonce(ctx: Context, next: Next) {
  ctx.state.cspNonce = randomBytes(16).toString('base64');
  await next();
}
