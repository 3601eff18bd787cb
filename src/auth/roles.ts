import type { StaffRole } from './auth.tables.ts';

export type Role = StaffRole;

/** Lowest first: each role can do everything the ones before it can. */
export const ROLES: readonly Role[] = ['editor', 'publisher', 'admin'];

export const ROLE_LABELS: Record<Role, { name: string; description: string }> = {
  editor: { name: 'Editor', description: 'Can create and edit decisions and record changes.' },
  publisher: { name: 'Publisher', description: 'Can also publish plans and record outcomes.' },
  admin: { name: 'Administrator', description: 'Can also manage staff accounts and reference data.' },
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

/** What a signed-in request carries in ctx.state.user. */
export interface StaffUser {
  id: number;
  email: string;
  name: string;
  role: Role;
}
