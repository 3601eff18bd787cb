import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/*
 * argon2id (the library's default algorithm) with OWASP's minimum parameters: 19 MiB, two
 * passes, one lane. About 30 ms per hash here, which is what makes guessing expensive.
 */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let throwaway: Promise<string> | undefined;

/** A hash of a random password with the same cost as real ones; computed once per process. */
export function throwawayHash(): Promise<string> {
  throwaway ??= hashPassword(randomBytes(24).toString('base64url'));
  return throwaway;
}

/**
 * Checks a password against a stored hash or, when there is no usable account, against the
 * throwaway hash, so an unknown email takes as long to refuse as a wrong password.
 */
export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  const target = storedHash ?? (await throwawayHash());
  const matches = await verify(target, password).catch(() => false);
  return storedHash !== undefined && matches;
}
