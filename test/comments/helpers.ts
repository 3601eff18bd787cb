import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startSmtpSink } from '../mail/smtp-sink.ts';
import { Browser, addUser } from '../auth/helpers.ts';
import type { Role } from '../../src/auth/roles.ts';
import type { Config } from '../../src/config/config.ts';
import { decodeEntities } from '../helpers/html.ts';
import { decisionIdByReference as idByReference } from '../helpers/lookups.ts';

export const TEAM = 'governance-team@council.example.gov.uk';

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;

/**
 * The app with the sample plan, a real SMTP sink behind the outbox, the team's address set and
 * X-Forwarded-For trusted, so each Browser is its own client for the rate limit.
 */
export async function startCommentsApp(config: Partial<Config> = {}): Promise<{ app: TestApp; sink: SmtpSink; close(): Promise<void> }> {
  const sink = await startSmtpSink();
  const app = await startTestApp({
    sample: true,
    config: { smtpUrl: sink.url, trustProxy: true, governanceEmail: TEAM, baseUrl: 'https://forwardplan.example.gov.uk', ...config },
  });
  return { app, sink, close: async () => { await app.close(); await sink.close(); } };
}

/** A published decision of the sample plan, by its printed reference. */
export function decisionId(app: TestApp, reference: string): Promise<number> {
  return idByReference(app.deps.db, reference);
}

export async function memberId(app: TestApp, slug: string): Promise<number> {
  const row = await app.deps.db.selectFrom('decision_makers').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  return row.id;
}

/** A valid submission; override any field. */
export function commentForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    decision: '',
    comment: 'Please consider the effect on cyclists.',
    name: 'Alex Resident',
    email: 'alex@example.org',
    telephone: '',
    address: '',
    responder: '',
    website: '',
    ...overrides,
  };
}

/** Loads the form (as a person would) and sends it; the response is not followed. */
export async function submit(browser: Browser, form: Record<string, string>, path = '/comments/new') {
  await (await browser.get(path)).arrayBuffer();
  return browser.post('/comments', form);
}

export const decode = decodeEntities;

/** The value attribute or textarea content the form shows again for a field. */
export function fieldValue(html: string, id: string): string | undefined {
  const input = new RegExp(`<input[^>]*id="${id}"[^>]*>`).exec(html)?.[0];
  if (input) return decode(/value="([^"]*)"/.exec(input)?.[1] ?? '');
  const textarea = new RegExp(`<textarea[^>]*id="${id}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  return textarea ? decode(textarea[1]!) : undefined;
}

export { Browser };

/** A signed-in member of staff with this role. */
export async function staff(app: TestApp, role: Role, email = `${role}-${Math.random().toString(36).slice(2, 8)}@council.example.gov.uk`, name = `A ${role}`) {
  await addUser(app, email, role, name);
  const browser = new Browser(app);
  const response = await browser.signIn(email);
  if (response.status !== 303) throw new Error(`sign-in as ${role} failed: ${response.status}`);
  return browser;
}

/** Sends a comment from a client of its own and returns its id and reference. */
export async function sendComment(app: TestApp, overrides: Record<string, string> = {}): Promise<{ id: number; reference: string }> {
  const response = await submit(new Browser(app), commentForm(overrides));
  if (response.status !== 303) throw new Error(`submission refused: ${response.status} ${await response.text()}`);
  const reference = /FPC-\d{4}-\d{6}/.exec(response.headers.get('location')!)![0];
  const row = await app.deps.db.selectFrom('comments').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
  return { id: row.id, reference };
}
