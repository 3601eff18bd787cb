import type { Context, Next } from 'koa';
import { HttpError, badRequest } from './errors.ts';

/*
 * Checks that hold for every address, before any route, body parser or query reader sees the
 * request: what no page can use is answered with a 4xx that says why, instead of failing deeper
 * down (a body parser inflating garbage, PostgreSQL refusing a NUL in text) as a 500.
 */

export const ENCODED_BODY_MESSAGE = 'Send the information uncompressed: this service does not accept compressed (Content-Encoding) request bodies.';
export const NUL_IN_ADDRESS_MESSAGE = 'The address contains a character that cannot be used (a NUL byte, %00). Remove it and try again.';
export const NUL_IN_FORM_MESSAGE = 'The information you sent contains a character that cannot be used (a NUL byte). Remove it and try again.';

/** Whether a parsed query or form (strings, arrays and nested objects alike, keys included) holds U+0000. */
export function hasNulByte(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNulByte);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([key, v]) => key.includes('\u0000') || hasNulByte(v));
  }
  return false;
}

/** The request's content codings other than identity ('gzip', 'br' …), lower-cased. */
export function bodyCodings(contentEncoding: string | undefined): string[] {
  return (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
}

/** Methods whose body nothing reads (the shared cache answers GET and HEAD before the app, too). */
const BODY_IGNORED = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Forms are small and browsers never compress them, so a request saying its body is encoded is
 * refused (415, RFC 7694: with Accept-Encoding: identity) rather than inflated: the body parser
 * would otherwise inflate whatever was sent, an empty body included, and answer 500 when it is
 * not what the header says. A NUL byte in the path or the query string is a 400: PostgreSQL
 * cannot store or compare it in text.
 */
export async function requestGuards(ctx: Context, next: Next) {
  // koa-compress sets 'Content-Encoding: undefined' (a 500) when the client accepts no coding we
  // have, identity included ('identity;q=0', 'gzip;q=-1', '*;q=NaN'). RFC 9110 12.5.3 lets such
  // a response go uncompressed, so the header is read as if it said identity. Negotiated by
  // Koa's own parser; zstd is left out, as koa-compress has it only on newer Node versions.
  if (ctx.get('Accept-Encoding') && !ctx.acceptsEncodings('br', 'gzip', 'deflate', 'identity')) {
    ctx.request.headers['accept-encoding'] = 'identity';
  }
  if (!BODY_IGNORED.has(ctx.method) && bodyCodings(ctx.get('Content-Encoding')).length > 0) {
    ctx.set('Accept-Encoding', 'identity');
    throw new HttpError(415, ENCODED_BODY_MESSAGE);
  }
  if (/%00/.test(ctx.path) || hasNulByte(ctx.query)) throw badRequest(NUL_IN_ADDRESS_MESSAGE);
  await next();
}
