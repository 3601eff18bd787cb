import { webcrypto } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

export type Coding = 'br' | 'gzip';
export type Variant = Coding | 'identity';

/** Header names the cache sets itself for each response, never copied from the rendered one. */
export const OWN_HEADERS = new Set([
  'content-length', 'content-encoding', 'etag', 'last-modified', 'vary', 'date', 'connection',
  'transfer-encoding', 'keep-alive', 'accept-ranges', 'set-cookie', 'content-range',
]);

/** Headers that describe the body, left off a 304. */
// RFC 9110 15.4.5: a 304 carries what a 200 would for caching, and nothing about a body it does
// not send (the stored response keeps its own security headers).
const NOT_MODIFIED_HEADERS = new Set(['cache-control', 'expires', 'content-location']);

/** A rendered public response, as the shared cache keeps and serves it. */
export interface CachedResponse {
  body: Buffer;
  /** Entity tags per content coding: distinct, so a byte range always names the bytes it counts. */
  etags: Record<Variant, string>;
  lastModified: string;
  lastModifiedMs: number;
  compressible: boolean;
  encoded: Partial<Record<Coding, Promise<Buffer>>>;
  ready: Partial<Record<Coding, Buffer>>;
  /** Each variant's whole response header list, flat (name, value, …), made on first use. */
  heads: Partial<Record<Variant, string[]>>;
  /** The same for a 304. */
  notModifiedHeads: Partial<Record<Variant, string[]>>;
  /** The rendered response's own headers (content type, cache control, security headers …). */
  headers: [string, string][];
  notModifiedHeaders: [string, string][];
  /** The change version it was rendered under, and when it must be rendered again at the latest. */
  version: number;
  expiresAt: number;
  bytes: number;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

// Compressed once per entry and served many times, in zlib's thread pool, off the event loop.
const ENCODERS: Record<Coding, (body: Buffer) => Promise<Buffer>> = {
  br: (body) => brotli(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body) => gzipAsync(body, { level: 9 }),
};

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|feed\+json|rss\+xml|atom\+xml|xml|javascript)|image\/svg\+xml)/;
const MIN_COMPRESS_BYTES = 1024;

export interface RenderedResponse {
  body: Buffer;
  headers: Record<string, string | string[] | number | undefined>;
  /** An ETag the route chose (feeds: weak, over their content); otherwise one is made from the bytes. */
  etag?: string | undefined;
  lastModified?: Date | undefined;
}

/** SHA-256 through WebCrypto, which hashes on the thread pool, so a large page never blocks requests. */
async function contentTag(body: Buffer): Promise<string> {
  const digest = Buffer.from(await webcrypto.subtle.digest('SHA-256', body));
  return digest.toString('base64url').slice(0, 27);
}

export async function toCachedResponse(rendered: RenderedResponse, version: number, expiresAt: number, renderedAt: Date): Promise<CachedResponse> {
  const headers: [string, string][] = [];
  let contentType = '';
  for (const [name, value] of Object.entries(rendered.headers)) {
    const lower = name.toLowerCase();
    if (value === undefined || OWN_HEADERS.has(lower)) continue;
    if (lower === 'content-type') contentType = String(value);
    for (const one of Array.isArray(value) ? value : [String(value)]) headers.push([lower, one]);
  }
  let etags: Record<Variant, string>;
  if (rendered.etag) {
    // The route's tag is weak: one tag for every coding of the same content.
    etags = { identity: rendered.etag, br: rendered.etag, gzip: rendered.etag };
  } else {
    const tag = await contentTag(rendered.body);
    etags = { identity: `"${tag}"`, br: `"${tag}-br"`, gzip: `"${tag}-gz"` };
  }
  const modified = rendered.lastModified ?? renderedAt;
  const lastModifiedMs = Math.floor(modified.getTime() / 1000) * 1000;
  const compressible = rendered.body.length >= MIN_COMPRESS_BYTES && COMPRESSIBLE.test(contentType);
  return {
    body: rendered.body,
    etags,
    lastModified: new Date(lastModifiedMs).toUTCString(),
    lastModifiedMs,
    compressible,
    encoded: {},
    ready: {},
    heads: {},
    notModifiedHeads: {},
    headers,
    notModifiedHeaders: headers.filter(([name]) => NOT_MODIFIED_HEADERS.has(name)),
    version,
    expiresAt,
    // Room for the compressed copies too, which come to well under half the body.
    bytes: Math.ceil(rendered.body.length * (compressible ? 1.5 : 1)) + 2048,
  };
}

/** The body in a content coding, compressed once, however many ask at once. */
export function encodedBody(entry: CachedResponse, coding: Coding): Promise<Buffer> {
  entry.encoded[coding] ??= ENCODERS[coding](entry.body).then((buffer) => {
    entry.ready[coding] = buffer;
    return buffer;
  });
  return entry.encoded[coding];
}
