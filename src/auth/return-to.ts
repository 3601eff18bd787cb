const BASE = 'http://return-to.invalid';

/**
 * The page to go to after signing in: only a path on this site. Anything else (another host,
 * `//host`, `/\host`, a scheme, control characters, the sign-in pages themselves) gives `fallback`.
 */
export function safeReturnTo(raw: unknown, fallback = '/admin'): string {
  if (typeof raw !== 'string' || raw.length > 2000) return fallback;
  // eslint-disable-next-line no-control-regex
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\') || /[\u0000-\u001F\u007F]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || /^\/sign-(in|out)(\/|$)/.test(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function signInUrl(returnTo?: string): string {
  return returnTo ? `/sign-in?returnTo=${encodeURIComponent(returnTo)}` : '/sign-in';
}
