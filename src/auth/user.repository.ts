import type { Selectable } from 'kysely';
import type { Db } from '../db/create-db.ts';
import type { UserTable } from './auth.tables.ts';
import type { Role } from './roles.ts';

export type UserRow = Selectable<UserTable>;

type Executor = Pick<Db, 'selectFrom' | 'insertInto' | 'updateTable' | 'deleteFrom'>;

export function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findUserById(db: Executor, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listUsers(db: Executor): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('disabled_at', (o) => o.desc().nullsFirst()).orderBy('email').execute();
}

export async function insertUser(
  db: Executor,
  user: { email: string; name: string; role: Role; passwordHash: string; createdAt: Date },
): Promise<UserRow> {
  return db
    .insertInto('users')
    .values({ email: user.email, name: user.name, role: user.role, password_hash: user.passwordHash, created_at: user.createdAt })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateUser(
  db: Executor,
  id: number,
  changes: Partial<{ role: Role; disabled_at: Date | null; password_hash: string; failed_attempts: number; locked_until: Date | null }>,
): Promise<UserRow | undefined> {
  return db.updateTable('users').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

/** Copies the lock state computed from the attempts onto the account, for the admin pages. */
export async function updateLockMirror(db: Executor, email: string, state: { failedAttempts: number; lockedUntil: Date | null }): Promise<void> {
  await db.updateTable('users').set({ failed_attempts: state.failedAttempts, locked_until: state.lockedUntil }).where('email', '=', email).execute();
}

/** Active admins other than `exceptId`: the last one may not be disabled or demoted. */
export async function countOtherActiveAdmins(db: Executor, exceptId: number): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .where('id', '<>', exceptId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
