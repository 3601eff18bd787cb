import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Context } from 'koa';
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
      // A function, called only by a template that has a form (partials/csrf.njk): only such a
      // page gets the anti-forgery cookie, and every other page stays the same for everyone.
      csrfToken: () => ctx.state.csrfToken,
      ...data,
    });
  };
}

/**
 * The CSP source for govuk-frontend's one inline script (it marks the body as having
 * JavaScript), by hash rather than a per-response nonce, so a page is the same bytes for
 * everyone and can be served from the shared cache. Read from the template itself, so an
 * upgrade of govuk-frontend that changes the script changes the hash with it.
 */
export const GOVUK_INLINE_SCRIPT_HASH = (() => {
  const template = readFileSync(`${govukDir}/govuk/template.njk`, 'utf8');
  const script = /<script[^>]*>([^<]+)<\/script>/.exec(template)?.[1];
  if (!script) throw new Error('govuk-frontend template.njk has no inline script to hash');
  return `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
})();
