import type { IncomingMessage } from 'node:http';
import { SESSION_COOKIE } from '../session-cookie.ts';
import { cacheKey } from './cache-key.ts';

/*
 * Which requests the shared response cache may answer and fill: anonymous GETs and HEADs of the
 * public, read-only pages, API and feeds. Everything else — staff pages, sign-in, forms (which
 * carry a per-browser anti-forgery token), health checks — always reaches the application.
 */

const PUBLIC_PATHS = /^\/(?:|plans(?:\/[^/]*)?|decisions(?:\/[^/]*)?|(?:committees|wards|directorates|decision-makers)(?:\/[^/]*)?|api\/v1\/.*|feeds\/[^/]*|subscribe)$/;

/** A published plan never changes: its dated addresses may be kept by anyone for a year. */
const IMMUTABLE_PATHS = /^\/plans\/\d{4}-\d{2}-\d{2}(?:\.pdf|\.csv)?$/;

const SIGNED_IN = new RegExp(`(?:^|;)\\s*${SESSION_COOKIE}=`);

export const PAGE_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=60, stale-if-error=86400';
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

export interface Cacheable {
  key: string;
  immutable: boolean;
}

/** The cache key for a request the shared cache may serve, or undefined. */
export function cacheableRequest(req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>): Cacheable | undefined {
  if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
  // A member of staff is never served from, nor written into, the shared cache.
  const cookie = req.headers.cookie;
  if (cookie && SIGNED_IN.test(cookie)) return undefined;
  if (req.headers.authorization) return undefined;
  const key = cacheKey(req.url ?? '/');
  if (!key) return undefined;
  const question = key.indexOf('?');
  const path = question === -1 ? key : key.slice(0, question);
  if (!PUBLIC_PATHS.test(path)) return undefined;
  return { key, immutable: IMMUTABLE_PATHS.test(path) && question === -1 };
}
