import { createHmac } from 'node:crypto';

/** The rate limit's key for a client: an HMAC of its address, so no IP address is stored. */
export function commentClientKey(secretKey: string, address: string): string {
  return createHmac('sha256', secretKey).update(`comment-client:${address}`).digest('hex');
}
