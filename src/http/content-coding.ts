import type { Coding as ContentCoding } from './cache/cached-response.ts';

/**
 * The content coding to send for an Accept-Encoding header: the one the client weights highest,
 * brotli when it likes both equally (smaller, and every browser that sends it decodes it), or
 * none. `*` stands for any coding not named.
 */
// Clients send a handful of distinct Accept-Encoding values: each is read once, not per request.
const chosen = new Map<string, ContentCoding | undefined>();
const MAX_REMEMBERED = 256;

export function chooseCoding(acceptEncoding: string | undefined): ContentCoding | undefined {
  if (!acceptEncoding) return undefined;
  if (chosen.has(acceptEncoding)) return chosen.get(acceptEncoding);
  const coding = readAcceptEncoding(acceptEncoding);
  if (chosen.size >= MAX_REMEMBERED) chosen.clear();
  chosen.set(acceptEncoding, coding);
  return coding;
}

function readAcceptEncoding(acceptEncoding: string): ContentCoding | undefined {
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(name, q === undefined ? 1 : Math.min(1, Number(q) || 0));
  }
  const weight = (coding: ContentCoding) => weights.get(coding) ?? weights.get('*') ?? 0;
  const br = weight('br');
  const gzip = weight('gzip');
  if (br <= 0 && gzip <= 0) return undefined;
  return br >= gzip ? 'br' : 'gzip';
}
