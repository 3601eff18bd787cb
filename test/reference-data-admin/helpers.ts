import type { Role } from '../../src/auth/roles.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { addUser, Browser } from '../auth/helpers.ts';

export interface AdminWorld {
  app: TestApp;
  /** Signed in as an administrator. */
  browser: Browser;
  userId: number;
}

/** The app on a fresh database with the sample plan, and a browser signed in with `role` (admin unless said). */
export async function adminWorld(t: { teardown(fn: () => Promise<void>): void }, role: Role = 'admin'): Promise<AdminWorld> {
  const app = await startTestApp({ sample: true, config: { trustProxy: true } });
  t.teardown(() => app.close());
  const user = await addUser(app, `${role}@example.gov.uk`, role, `Ada ${role}`);
  const browser = new Browser(app);
  const response = await browser.signIn(user.email);
  if (response.status !== 303) throw new Error(`sign-in answered ${response.status}`);
  return { app, browser, userId: user.id };
}

/** The id at the end of a redirect such as /admin/reference/committees/12?done=created. */
export function idFromLocation(response: Response): number {
  const match = /\/(\d+)(?:\?|#|$)/.exec(response.headers.get('location') ?? '');
  if (!match) throw new Error(`no id in ${response.headers.get('location')}`);
  return Number(match[1]);
}

export { visibleText } from '../helpers/html.ts';

export async function entityId(app: TestApp, table: 'committees' | 'wards' | 'directorates' | 'decision_makers', slug: string): Promise<number> {
  const row = await app.deps.db.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  return row.id;
}

const PLAN_DEFAULTS = {
  part: 'non_key',
  advertised: 'new',
  reference: '',
  title: '',
  description: 'A decision for the test.',
  decision_maker: 'Cabinet',
  expected_date: '15 April 2024',
  scrutiny_committee: 'Children and Education Scrutiny Committee',
  wards: 'All Wards',
  consultation: '',
  contacts: '',
  directorate: 'Place and Economy',
  documents: '',
};

/** A small plan file in the import layout; each row needs at least a title. */
export function planCsv(rows: (Partial<typeof PLAN_DEFAULTS> & { title: string })[]): Buffer {
  const columns = Object.keys(PLAN_DEFAULTS) as (keyof typeof PLAN_DEFAULTS)[];
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  const lines = [columns.join(','), ...rows.map((row) => columns.map((c) => quote({ ...PLAN_DEFAULTS, ...row }[c])).join(','))];
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}
