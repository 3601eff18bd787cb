const BASE = 'http://return-to.invalid';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F]/;
const SIGN_IN_PAGES = /^\/sign-(in|out)(\/|$)/;

/** A path that is only a path: one leading slash, no backslash, no control character, not the sign-in pages. */
const isPlainPath = (path: string) => path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') && !CONTROL.test(path) && !SIGN_IN_PAGES.test(path);

/**
 * Whether `path` stays a path on this site however it is read: as written, with its dot
 * segments resolved (`/.//host` and `/%2e%2e//host` become `//host`, another site), and again
 * after each round of percent-decoding (`/%2F%2Fhost`, `/a%2F..%2F..%2F%2Fhost`), in case a
 * proxy or browser along the way decodes before resolving.
 */
function staysOnSite(path: string): boolean {
  let current = path;
  for (let round = 0; round < 4; round++) {
    if (!isPlainPath(current)) return false;
    let resolved: URL;
    try {
      resolved = new URL(current, BASE);
    } catch {
      return false;
    }
    if (resolved.origin !== BASE || !isPlainPath(resolved.pathname)) return false;
    if (!current.includes('%')) return true;
    try {
      current = decodeURIComponent(resolved.pathname);
    } catch {
      return false;
    }
  }
  // Encoded four times over: no link of ours looks like that.
  return false;
}

/**
 * The page to go to after signing in: only a path on this site. Anything else (another host,
 * `//host` before or after normalising, `/\host`, a scheme, control characters, malformed
 * percent-encoding, the sign-in pages themselves) gives `fallback`. The path comes back
 * normalised (dot segments resolved), so the Location header says where the browser will go.
 */
export function safeReturnTo(raw: unknown, fallback = '/admin'): string {
  if (typeof raw !== 'string' || raw.length > 2000) return fallback;
  const url = URL.canParse(raw, BASE) ? new URL(raw, BASE) : undefined;
  if (!url || url.origin !== BASE || !isPlainPath(raw) || !staysOnSite(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function signInUrl(returnTo?: string): string {
  return returnTo ? `/sign-in?returnTo=${encodeURIComponent(returnTo)}` : '/sign-in';
}
