import type { Role } from './roles.ts';

export interface StaffLink {
  href: string;
  text: string;
  description: string;
  minRole: Role;
}

/** The staff home's links; a module with staff pages adds its own here. Each shows only to its role and above. */
export const STAFF_LINKS: StaffLink[] = [
  { href: '/admin/users', text: 'Staff accounts', description: 'Add staff, change their roles and disable accounts.', minRole: 'admin' },
];
