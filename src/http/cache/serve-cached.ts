import type { IncomingMessage, ServerResponse } from 'node:http';
import { chooseCoding } from '../content-coding.ts';
import { etagMatches } from '../conditional.ts';
import { encodedBody, type CachedResponse, type Variant } from './cached-response.ts';

type Headers = [string, string][];

/** RFC 9110 13.1.3: If-Modified-Since applies only when If-None-Match is absent. */
function notModified(req: IncomingMessage, entry: CachedResponse): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch) return Object.values(entry.etags).some((tag) => etagMatches(ifNoneMatch, tag));
  const since = req.headers['if-modified-since'];
  if (!since) return false;
  const sinceMs = Date.parse(since);
  return !Number.isNaN(sinceMs) && entry.lastModifiedMs <= sinceMs;
}

type RangeAnswer = { start: number; end: number } | 'unsatisfiable' | undefined;

/** One `bytes=` range (several, or any other unit, are answered with the whole body, as RFC 9110 allows). */
function requestedRange(req: IncomingMessage, entry: CachedResponse): RangeAnswer {
  const header = req.headers.range;
  if (!header || req.method !== 'GET') return undefined;
  const rawIfRange = req.headers['if-range'];
  const ifRange = Array.isArray(rawIfRange) ? rawIfRange[0] : rawIfRange;
  if (ifRange) {
    // A range only of the very bytes the client holds: a strong tag, or the same modification time.
    const strong = !entry.etags.identity.startsWith('W/');
    const same = ifRange.startsWith('"') || ifRange.startsWith('W/') ? strong && ifRange === entry.etags.identity : Date.parse(ifRange) === entry.lastModifiedMs;
    if (!same) return undefined;
  }
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const size = entry.body.length;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    if (start >= size) return 'unsatisfiable';
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
    if (end < start) return undefined;
  }
  return { start, end };
}

function write(res: ServerResponse, head: boolean, status: number, headers: Headers, body?: Buffer): void {
  const flat: string[] = [];
  for (const [name, value] of headers) flat.push(name, value);
  if (body !== undefined) flat.push('content-length', String(body.length));
  send(res, head, status, flat, body);
}

function send(res: ServerResponse, head: boolean, status: number, flat: string[], body?: Buffer): void {
  // On a miss Koa has already set the rendered headers on this response: the entry's replace them.
  if (res.getHeaderNames().length > 0) for (const name of res.getHeaderNames()) res.removeHeader(name);
  res.writeHead(status, flat);
  res.end(head || body === undefined ? undefined : body);
}

function variantHeaders(entry: CachedResponse, variant: Variant): Headers {
  const headers: Headers = [...entry.headers, ['etag', entry.etags[variant]], ['last-modified', entry.lastModified], ['accept-ranges', 'bytes']];
  if (entry.compressible) headers.push(['vary', 'Accept-Encoding']);
  if (variant !== 'identity') headers.push(['content-encoding', variant]);
  return headers;
}

/** A full 200 of one variant: its header list is made once per entry and reused. */
function sendWhole(res: ServerResponse, head: boolean, entry: CachedResponse, variant: Variant, body: Buffer): void {
  let flat = entry.heads[variant];
  if (!flat) {
    flat = [];
    for (const [name, value] of variantHeaders(entry, variant)) flat.push(name, value);
    flat.push('content-length', String(body.length));
    entry.heads[variant] = flat;
  }
  send(res, head, 200, flat, body);
}

/** A 304 for one variant: like a whole 200's, its header list is made once per entry. */
function sendNotModified(res: ServerResponse, head: boolean, entry: CachedResponse, variant: Variant): void {
  let flat = entry.notModifiedHeads[variant];
  if (!flat) {
    const headers: Headers = [...entry.notModifiedHeaders, ['etag', entry.etags[variant]], ['last-modified', entry.lastModified]];
    if (entry.compressible) headers.push(['vary', 'Accept-Encoding']);
    flat = headers.flat();
    entry.notModifiedHeads[variant] = flat;
  }
  send(res, head, 304, flat);
}

/**
 * Answers a GET or HEAD from a cached response: 304 when the client's copy is current, a byte
 * range when asked for one, the body in the best content coding the client accepts otherwise.
 * Synchronous once the coding has been compressed, as it is for every request after the first.
 */
export function serveCached(req: IncomingMessage, res: ServerResponse, entry: CachedResponse): void | Promise<void> {
  const head = req.method === 'HEAD';
  const coding = entry.compressible ? chooseCoding(req.headers['accept-encoding']) : undefined;
  if (notModified(req, entry)) return sendNotModified(res, head, entry, coding ?? 'identity');
  const range = requestedRange(req, entry);
  if (range === 'unsatisfiable') {
    return write(res, head, 416, [...entry.notModifiedHeaders, ['content-range', `bytes */${entry.body.length}`]], Buffer.alloc(0));
  }
  if (range) {
    const headers = variantHeaders(entry, 'identity');
    headers.push(['content-range', `bytes ${range.start}-${range.end}/${entry.body.length}`]);
    return write(res, head, 206, headers, entry.body.subarray(range.start, range.end + 1));
  }
  if (!coding) return sendWhole(res, head, entry, 'identity', entry.body);
  const ready = entry.ready[coding];
  if (ready) return sendWhole(res, head, entry, coding, ready);
  return encodedBody(entry, coding).then(
    (body) => sendWhole(res, head, entry, coding, body),
    () => sendWhole(res, head, entry, 'identity', entry.body),
  );
}
