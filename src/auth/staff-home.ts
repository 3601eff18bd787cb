import type { Role } from './roles.ts';

export interface StaffLink {
  href: string;
  text: string;
  description: string;
  minRole: Role;
}

/** The staff home's links; a module with staff pages adds its own here. Each shows only to its role and above. */
export const STAFF_LINKS: StaffLink[] = [
  { href: '/admin/publication', text: 'Preview and publish the next plan', description: 'The next plan as it will be published, what changed since the last one, any notice rule it breaks, and (for publishers) the button that publishes it.', minRole: 'editor' },
  { href: '/admin/dashboard', text: 'Dashboard', description: 'Decisions that break the notice rules now, decisions past their expected date to follow up, and drafts.', minRole: 'editor' },
  { href: '/admin/decisions', text: 'Decisions', description: 'Add and edit decisions, drafts included; record outcomes, exceptions and private decision notices.', minRole: 'editor' },
  { href: '/admin/comments', text: 'Comments and queries', description: 'Comments and questions from the public: refer them to a Cabinet Member, record the response, close them, see what is overdue and download them as a spreadsheet.', minRole: 'editor' },
  { href: '/admin/reports', text: 'Reports to council', description: 'Decisions taken under special urgency in a period (regulation 19), to print or download for the council’s papers.', minRole: 'editor' },
  { href: '/admin/audit', text: 'Audit log', description: 'Every change to every decision: who, when, and the values before and after.', minRole: 'editor' },
  { href: '/admin/users', text: 'Staff accounts', description: 'Add staff, change their roles and disable accounts.', minRole: 'admin' },
  { href: '/admin/reference', text: 'Reference data', description: 'Committees, wards, directorates, decision makers and their portfolios, the spellings imports recognise, merging duplicates, and the council’s details.', minRole: 'admin' },
  { href: '/admin/settings', text: 'Council settings', description: 'The rules the council’s constitution sets: the key-decision threshold, call-in, and how clear days are counted.', minRole: 'admin' },
];
