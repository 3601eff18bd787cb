import type { Context, Next } from 'koa';

/** An error whose message is safe to show to the person who caused it. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details: string[] = []) => new HttpError(400, message, details);
export const notFound = (message = 'Page not found') => new HttpError(404, message);
export const forbidden = (message = 'You do not have permission to see this page') => new HttpError(403, message);

const DATABASE_UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE',
  '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', '53300',
  // statement_timeout: the database is too slow to answer in time, which to the visitor is the same.
  '57014',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  if (code && DATABASE_UNAVAILABLE_CODES.has(code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error/i.test(
    error.message,
  );
}

export function wantsJson(ctx: Context): boolean {
  return ctx.path.startsWith('/api/') || ctx.path.startsWith('/feeds/');
}

type Renderer = (ctx: Context, template: string, data: Record<string, unknown>) => void;

/**
 * One line per outage, not a stack trace per request: when the database goes away every request
 * fails the same way, and a log flooded with identical traces hides everything else.
 */
export function outageLogger(log: (line: string) => void = console.error, intervalMs = 10_000) {
  let last = -Infinity;
  let suppressed = 0;
  return (ctx: Context, error: unknown) => {
    const now = performance.now();
    if (now - last < intervalMs) {
      suppressed += 1;
      return;
    }
    const more = suppressed > 0 ? ` (and ${suppressed} more since the last line)` : '';
    log(`503 ${ctx.method} ${ctx.path}: database unavailable: ${error instanceof Error ? error.message : String(error)}${more}`);
    last = now;
    suppressed = 0;
  };
}

/** The one error path: typed errors become their status, anything else a 500 with no internals shown. */
export function errorHandler(render: Renderer, logOutage = outageLogger()) {
  return async (ctx: Context, next: Next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body == null) throw notFound();
    } catch (error) {
      let status = 500;
      let message = 'Sorry, there is a problem with the service. Try again later.';
      let details: string[] = [];
      if (error instanceof HttpError) {
        ({ status, message, details } = error);
      } else if (isDatabaseUnavailable(error)) {
        status = 503;
        message = 'Sorry, the service is unavailable at the moment. Try again in a few minutes.';
        ctx.set('Retry-After', '60');
        logOutage(ctx, error);
      } else if (typeof (error as { status?: unknown }).status === 'number' && (error as { expose?: boolean }).expose) {
        // koa and body parsers throw http-errors (413 too large, 415 unsupported, 400 malformed).
        status = (error as { status: number }).status;
        message = status === 413 ? 'The information you sent is too large.' : (error as Error).message;
      }
      if (status >= 500 && status !== 503) console.error(`${ctx.method} ${ctx.path} failed:`, error);
      ctx.status = status;
      if (wantsJson(ctx)) {
        ctx.body = { error: { status, message, ...(details.length ? { details } : {}) } };
      } else {
        try {
          render(ctx, 'pages/error.njk', { status, message, details });
        } catch (renderError) {
          console.error('error page failed to render:', renderError);
          ctx.type = 'text/plain; charset=utf-8';
          ctx.body = `${message}\n${details.join('\n')}`;
        }
        ctx.status = status;
      }
    }
  };
}
