const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** RFC 3986 normalisation of a path: `%7E` is `~`, `%2f` is `%2F`, but `%2F` never becomes `/`. */
function normalisePath(raw: string): string | undefined {
  if (!raw.startsWith('/')) return undefined;
  if (!raw.includes('%')) return raw;
  let ok = true;
  const path = raw.replace(/%([0-9A-Fa-f]{2})|%/g, (match, hex: string | undefined) => {
    if (hex === undefined) {
      ok = false;
      return match;
    }
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
  return ok ? path : undefined;
}

/**
 * The key a public GET is cached under: the normalised path and the query parameters decoded and
 * in a fixed order, so `?b=2&a=1` and `?a=1&b=2`, or `?q=a+b` and `?q=a%20b`, share one entry.
 * Values keep their order within one name (`?ward=a&ward=b`). Undefined for a target that
 * cannot be decoded: the app answers that itself (400), uncached.
 */
export function cacheKey(target: string): string | undefined {
  const question = target.indexOf('?');
  const path = normalisePath(question === -1 ? target : target.slice(0, question));
  const rawQuery = question === -1 ? '' : target.slice(question + 1);
  if (path === undefined) return undefined;
  if (rawQuery === '') return path;
  const pairs: [string, string][] = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const name = equals === -1 ? part : part.slice(0, equals);
    const value = equals === -1 ? '' : part.slice(equals + 1);
    try {
      pairs.push([decodeURIComponent(name.replace(/\+/g, ' ')), decodeURIComponent(value.replace(/\+/g, ' '))]);
    } catch {
      return undefined;
    }
  }
  if (pairs.length === 0) return path;
  // A stable sort: values of one name keep the order they came in.
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return `${path}?${pairs.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join('&')}`;
}
