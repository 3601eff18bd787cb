import { createHmac } from 'node:crypto';

/*
 * What a rate limit stores about a client: an HMAC of its address keyed with SECRET_KEY, so the
 * same client is recognised across requests while no IP address is written to the database,
 * and a leaked table cannot be reversed by hashing all 2^32 IPv4 addresses. One key for the
 * sign-in, alert and comment limits alike.
 */
export function hashClientAddress(secretKey: string, address: string): string {
  return createHmac('sha256', secretKey).update(`client:${address}`).digest('hex');
}
