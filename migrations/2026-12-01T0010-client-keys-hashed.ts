import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, never edit once released.
// The sign-in and alert rate limits stored the client's IP address as its key; from now on every
// limit stores an HMAC of it keyed with SECRET_KEY, which SQL here does not have. The old rows
// keep their other use (an account's lockout, an address's alert limit) and lose the address:
// a key that no client's HMAC can equal, so a client's recent attempts before the upgrade stop
// counting against it, for at most a day.

const ERASED = 'address-erased';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`UPDATE sign_in_attempts SET client_key = ${ERASED} WHERE client_key !~ '^[0-9a-f]{64}$'`.execute(db);
  await sql`UPDATE alert_request_attempts SET client_key = ${ERASED} WHERE client_key !~ '^[0-9a-f]{64}$'`.execute(db);
}

// The addresses are gone; there is nothing to put back.
export async function down(): Promise<void> {}
