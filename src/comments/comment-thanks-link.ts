import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * References are sequential, so anyone could guess the next one. The confirmation page for a
 * reference opens only with a key signed for that reference, which only the person who sent the
 * comment was redirected with. The page shows nothing personal even then.
 */

function keyFor(secretKey: string, reference: string): string {
  return createHmac('sha256', secretKey).update(`comment-thanks:${reference}`).digest('base64url').slice(0, 32);
}

export function thanksPath(secretKey: string, reference: string): string {
  return `/comments/${reference}/thanks?key=${keyFor(secretKey, reference)}`;
}

export function thanksKeyIsValid(secretKey: string, reference: string, provided: unknown): boolean {
  if (typeof provided !== 'string') return false;
  const expected = Buffer.from(keyFor(secretKey, reference));
  const given = Buffer.from(provided);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
