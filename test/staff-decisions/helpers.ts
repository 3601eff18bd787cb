import type { Role } from '../../src/auth/roles.ts';
import type { Config } from '../../src/config/config.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { addUser, Browser } from '../auth/helpers.ts';
import { decodeEntities } from '../helpers/html.ts';
import { decisionIdByReference as idByReference } from '../helpers/lookups.ts';

/*
 * The real app on the sample council's database (the plan of 23 February 2024, the clock at
 * 26 February 2024), with an editor, a publisher and an admin signed in through the sign-in form.
 */

export interface KeepingWorld {
  app: TestApp;
  as: Record<Role, Browser>;
  anonymous: Browser;
  users: Record<Role, { id: number; email: string }>;
}

export async function startKeepingWorld(config: Partial<Config> = {}): Promise<KeepingWorld> {
  const app = await startTestApp({ sample: true, config: { trustProxy: true, ...config } });
  const as = {} as Record<Role, Browser>;
  const users = {} as Record<Role, { id: number; email: string }>;
  for (const role of ['editor', 'publisher', 'admin'] as const) {
    const user = await addUser(app, `${role}@example.gov.uk`, role, `Pat ${role[0]!.toUpperCase()}${role.slice(1)}`);
    users[role] = { id: user.id, email: user.email };
    as[role] = new Browser(app);
    const response = await as[role].signIn(user.email);
    if (response.status !== 303) throw new Error(`sign-in as ${role} gave ${response.status}`);
  }
  return { app, as, anonymous: new Browser(app), users };
}

/** Moving the clock far ends every session (and the service clears them), so sign everyone in again. */
export async function signInAgain(world: KeepingWorld): Promise<void> {
  for (const role of ['editor', 'publisher', 'admin'] as const) {
    const response = await world.as[role].signIn(world.users[role].email);
    if (response.status !== 303) throw new Error(`sign-in as ${role} gave ${response.status}`);
  }
}

/** One world for every test of a file; the tests of a file run serially when they move the clock. */
export function sharedStaffDecisionsWorld(test: { before(fn: () => Promise<void>): void; after: { always(fn: () => Promise<void>): void } }) {
  const holder = {} as { world: KeepingWorld };
  test.before(async () => {
    holder.world = await startKeepingWorld();
  });
  test.after.always(async () => {
    await holder.world?.app.close();
  });
  return holder;
}

export const decode = decodeEntities;

/** A complete, valid form for a new decision, using the sample council's reference data. */
export async function validDecisionForm(app: TestApp, overrides: Record<string, string | string[]> = {}): Promise<Record<string, string | string[]>> {
  const choices = await app.deps.staffDecisions.choices();
  const byName = (list: { id: number; name: string }[], name: string) => {
    const found = list.find((c) => c.name === name);
    if (!found) throw new Error(`no ${name} in the sample`);
    return String(found.id);
  };
  return {
    title: 'Award of the Parks Maintenance Contract 2025',
    description: 'Award a five-year contract for parks maintenance.',
    part: 'key',
    decisionMaker: byName(choices.makers, 'Cabinet'),
    expectedDate: '17 June',
    committees: [byName(choices.committees, 'Growth, Resources and Communities Scrutiny Committee')],
    wardScope: 'listed',
    wards: [byName(choices.wards, 'Central'), byName(choices.wards, 'East')],
    directorate: byName(choices.directorates, 'Place and Economy'),
    consultation: 'Residents’ survey, spring 2024',
    contacts: 'A. Officer, Parks Manager, parks@example.gov.uk',
    documents: 'Report and appendices',
    internalNotes: '',
    ...overrides,
  };
}

/** Posts a form that may repeat fields (checkboxes), as the browser, with its anti-forgery token. */
export async function postForm(app: TestApp, browser: Browser, path: string, form: Record<string, string | string[]>) {
  const params = new URLSearchParams();
  if (!('_csrf' in form)) params.append('_csrf', await browser.csrfToken());
  for (const [key, value] of Object.entries(form)) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  }
  return app.fetch(path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Forwarded-For': browser.address,
      Cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
    body: params.toString(),
  });
}

export async function text(response: Response): Promise<string> {
  return decode(await response.text());
}

/** The id of a sample decision by its printed reference. */
export function decisionIdByReference(app: TestApp, reference: string): Promise<number> {
  return idByReference(app.deps.db, reference);
}

export async function decisionIdByTitle(app: TestApp, title: string): Promise<number> {
  const row = await app.deps.db.selectFrom('decisions').select('id').where('title', '=', title).executeTakeFirstOrThrow();
  return row.id;
}

/** A check-your-answers page: where its form confirms, where Change goes, and the answers it carries (hidden fields, _csrf included). */
export function checkAnswersForm(html: string): { confirm: string; change: string; fields: Record<string, string> } {
  // The page's own form (the layout has the sign-out form too).
  const confirm = /<form method="post" action="([^"]+\/confirm)"/.exec(html)?.[1];
  const change = /formaction="([^"#]+)/.exec(html)?.[1];
  if (!confirm || !change) throw new Error('not a check-your-answers page');
  const fields: Record<string, string> = {};
  const form = html.slice(html.indexOf(`action="${confirm}"`));
  for (const [, name, value] of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields[name!] = decode(value!);
  return { confirm: decode(confirm), change: decode(change), fields };
}

/**
 * An outcome recorded as a person does it: the form posted, then the button on its check-your-answers
 * page, with what that page carries. The confirmation's response, or the form's when it goes no further.
 */
export async function postAndConfirm(app: TestApp, browser: Browser, path: string, form: Record<string, string | string[]>) {
  const check = await postForm(app, browser, path, form);
  if (check.status !== 200) return check;
  const page = checkAnswersForm(await check.text());
  return postForm(app, browser, page.confirm, page.fields);
}
