import { createHash, randomBytes } from 'node:crypto';

/*
 * Confirm and manage links carry a random token; the database keeps only its SHA-256, so a copy
 * of the tables cannot confirm, manage or unsubscribe anybody. 32 random bytes need no slow hash.
 */

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The stored form of a token, or undefined for something that could never be one (a 404, not a query). */
export function tokenHash(token: string | undefined): string | undefined {
  return token !== undefined && TOKEN_SHAPE.test(token) ? sha256Hex(token) : undefined;
}

/** How every alert table but alert_subscriptions refers to an address (the schema checks it matches). */
export function addressHash(email: string): string {
  return sha256Hex(email);
}
