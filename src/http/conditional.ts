/** Whether an If-None-Match list names this entity tag (weak comparison, RFC 9110 13.1.2). */
export function etagMatches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const ours = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === ours);
}

/**
 * Whether a GET can be answered 304. If-None-Match, when sent, decides alone (RFC 9110 13.2.2);
 * otherwise the resource is unmodified if it last changed no later than If-Modified-Since,
 * compared in whole seconds as HTTP dates carry.
 */
export function isNotModified(
  request: { ifNoneMatch?: string | undefined; ifModifiedSince?: string | undefined },
  etag: string,
  lastModified: Date,
): boolean {
  if (request.ifNoneMatch) return etagMatches(request.ifNoneMatch, etag);
  if (!request.ifModifiedSince) return false;
  const since = Date.parse(request.ifModifiedSince);
  if (Number.isNaN(since)) return false;
  return Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
}
