import type { Db } from '../db/create-db.ts';
import type { Clock } from '../lib/clock.ts';
import { isEmailAddress, MAX_EMAIL_ADDRESS_LENGTH } from '../lib/email-address.ts';
import { hashPassword } from './passwords.ts';
import { passwordProblem } from './password-policy.ts';
import { isRole, type Role } from './roles.ts';
import { deleteUserSessions } from './session.repository.ts';
import { countOtherActiveAdmins, findUserByEmail, findUserById, insertUser, listUsers, updateUser, type UserRow } from './user.repository.ts';

export const MAX_NAME_LENGTH = 100;

/** Field id → message, in the order the fields appear on the form. */
export type FieldProblems = Record<string, string>;
export type UserResult = { ok: true; user: UserRow } | { ok: false; problems: FieldProblems };

export const normaliseEmail = (raw: string) => raw.trim().toLowerCase();

export function emailProblem(email: string): string | undefined {
  if (email === '') return 'Enter an email address';
  if (email.length > MAX_EMAIL_ADDRESS_LENGTH) return `The email address must be ${MAX_EMAIL_ADDRESS_LENGTH} characters or fewer`;
  if (!isEmailAddress(email)) return 'Enter an email address in the correct format, like name@example.gov.uk';
  return undefined;
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

export type UserService = ReturnType<typeof createUserService>;

/** Staff accounts, shared by the admin pages and `npm run fp -- user`. */
export function createUserService(db: Db, clock: Clock) {
  const refuse = (field: string, message: string): UserResult => ({ ok: false, problems: { [field]: message } });

  /** The last active admin must stay one, or nobody could manage accounts any more. */
  async function wouldRemoveLastAdmin(user: UserRow): Promise<boolean> {
    return user.role === 'admin' && user.disabled_at === null && (await countOtherActiveAdmins(db, user.id)) === 0;
  }

  return {
    list: () => listUsers(db),
    get: (id: number) => findUserById(db, id),
    byEmail: (email: string) => findUserByEmail(db, normaliseEmail(email)),

    async create(input: { email: string; name: string; role: string; password: string }): Promise<UserResult> {
      const email = normaliseEmail(input.email);
      const name = input.name.trim();
      const problems: FieldProblems = {};
      const emailIssue = emailProblem(email);
      if (emailIssue) problems.email = emailIssue;
      if (name.length > MAX_NAME_LENGTH) problems.name = `The name must be ${MAX_NAME_LENGTH} characters or fewer`;
      if (!isRole(input.role)) problems.role = 'Select a role';
      const passwordIssue = passwordProblem(input.password, email);
      if (passwordIssue) problems.password = passwordIssue;
      if (!problems.email && (await findUserByEmail(db, email))) problems.email = 'There is already an account with this email address';
      if (Object.keys(problems).length > 0) return { ok: false, problems };
      try {
        const passwordHash = await hashPassword(input.password);
        const user = await insertUser(db, { email, name, role: input.role as Role, passwordHash, createdAt: clock.now() });
        return { ok: true, user };
      } catch (error) {
        if (isUniqueViolation(error)) return refuse('email', 'There is already an account with this email address');
        throw error;
      }
    },

    /** `actorId` is the admin making the change, who may not change their own role. */
    async setRole(id: number, role: string, actorId?: number): Promise<UserResult | undefined> {
      const user = await findUserById(db, id);
      if (!user) return undefined;
      if (!isRole(role)) return refuse('role', 'Select a role');
      if (role === user.role) return { ok: true, user };
      if (id === actorId) return refuse('role', 'You cannot change your own role: ask another administrator');
      if (await wouldRemoveLastAdmin(user)) return refuse('role', 'This is the only active administrator: make someone else an administrator first');
      return { ok: true, user: (await updateUser(db, id, { role }))! };
    },

    /** Disabling ends every session of the user at once. */
    async disable(id: number, actorId?: number): Promise<UserResult | undefined> {
      const user = await findUserById(db, id);
      if (!user) return undefined;
      if (user.disabled_at !== null) return { ok: true, user };
      if (id === actorId) return refuse('status', 'You cannot disable your own account: ask another administrator');
      if (await wouldRemoveLastAdmin(user)) return refuse('status', 'This is the only active administrator: make someone else an administrator first');
      const updated = await db.transaction().execute(async (trx) => {
        const row = await updateUser(trx, id, { disabled_at: clock.now() });
        await deleteUserSessions(trx, id);
        return row!;
      });
      return { ok: true, user: updated };
    },

    async enable(id: number): Promise<UserResult | undefined> {
      const user = await findUserById(db, id);
      if (!user) return undefined;
      if (user.disabled_at === null) return { ok: true, user };
      return { ok: true, user: (await updateUser(db, id, { disabled_at: null }))! };
    },

    /** A new password ends the user's sessions, so anyone who had the old one is signed out. */
    async setPassword(id: number, password: string): Promise<UserResult | undefined> {
      const user = await findUserById(db, id);
      if (!user) return undefined;
      const issue = passwordProblem(password, user.email);
      if (issue) return refuse('password', issue);
      const passwordHash = await hashPassword(password);
      const updated = await db.transaction().execute(async (trx) => {
        const row = await updateUser(trx, id, { password_hash: passwordHash });
        await deleteUserSessions(trx, id);
        return row!;
      });
      return { ok: true, user: updated };
    },
  };
}
