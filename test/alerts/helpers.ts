import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { SAMPLE_PLAN } from '../../src/sample/load-sample.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startSmtpSink } from '../mail/smtp-sink.ts';
import { readMail, type ReadableMail } from './mime.ts';

export const BASE_URL = 'https://forwardplan.example.gov.uk';

type Teardown = { teardown(fn: () => Promise<void>): void };

/** The app with the sample plan, a real SMTP server that it sends to, and X-Forwarded-For trusted. */
export async function alertWorld(t: Teardown) {
  const sink = await startSmtpSink();
  t.teardown(sink.close);
  const app = await startTestApp({ sample: true, config: { smtpUrl: sink.url, baseUrl: BASE_URL, trustProxy: true } });
  t.teardown(app.close);
  /** Sends what is due; returns the messages that arrived in this drain, decoded. */
  async function drain(): Promise<ReadableMail[]> {
    const before = sink.received.length;
    await app.deps.mail.drain();
    return sink.received.slice(before).map(readMail);
  }
  return { app, sink, drain };
}

let nextClient = 1;

/** One visitor: a cookie jar and an address of its own (so rate limits are per test). */
export class Visitor {
  private readonly cookies = new Map<string, string>();
  constructor(
    private readonly app: TestApp,
    readonly address = `198.51.100.${nextClient++}`,
  ) {}

  async request(path: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { 'X-Forwarded-For': this.address };
    if (this.cookies.size) headers.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await this.app.fetch(path, { method: init.method ?? (init.form ? 'POST' : 'GET'), headers, body });
    for (const line of response.headers.getSetCookie()) {
      const [name, ...value] = line.split(';')[0]!.split('=');
      this.cookies.set(name!, value.join('='));
    }
    return response;
  }

  /** Loads a page with a form and posts it back with the page's anti-forgery token. */
  async submit(pagePath: string, action: string, form: Record<string, string>): Promise<Response> {
    const html = await (await this.request(pagePath)).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!token) throw new Error(`no _csrf field on ${pagePath}`);
    return this.request(action, { form: { _csrf: token, ...form } });
  }

  /** Asks for alerts for the filters in `query` (e.g. 'committee=adults-and-health'). */
  subscribe(email: string, query = ''): Promise<Response> {
    const path = `/alerts/new${query ? `?${query}` : ''}`;
    return this.submit(path, path, { email });
  }
}

/** The path (on the test server) of the first link to `prefix` in a message's text. */
export function linkIn(mail: ReadableMail, prefix: '/alerts/confirm/' | '/alerts/manage/' | '/alerts/unsubscribe/'): string {
  const match = new RegExp(`${BASE_URL.replace(/[.]/g, '\\.')}(${prefix}[A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${prefix} link in "${mail.subject}"`);
  return match[1]!;
}

/** Subscribes and confirms through the pages and the confirmation email. */
export async function subscribeAndConfirm(world: Awaited<ReturnType<typeof alertWorld>>, email: string, query: string, visitor = new Visitor(world.app)) {
  const response = await visitor.subscribe(email, query);
  if (response.status !== 303) throw new Error(`subscribing ${email} to ${query}: ${response.status}`);
  const [confirmation] = (await world.drain()).filter((m) => m.to.includes(email));
  if (!confirmation) throw new Error(`no confirmation email to ${email}`);
  const confirmed = await visitor.request(linkIn(confirmation, '/alerts/confirm/'));
  if (confirmed.status !== 200) throw new Error(`confirming ${email}: ${confirmed.status}`);
}

const sampleRows = () => parse(readFileSync(SAMPLE_PLAN), { columns: true }) as Record<string, string>[];

/** The sample plan with the changes given, as CSV bytes: a later plan for importPlan. */
export function laterPlan(changes: { expectedDates?: Record<string, string>; add?: Record<string, string>[] }): Buffer {
  const rows = sampleRows();
  for (const [title, date] of Object.entries(changes.expectedDates ?? {})) {
    const row = rows.find((r) => r.title === title);
    if (!row) throw new Error(`no row titled ${title}`);
    row.expected_date = date;
  }
  for (const added of changes.add ?? []) rows.push({ ...rows[35]!, advertised: 'new', reference: '', ...added });
  return Buffer.from(stringify(rows, { header: true, columns: Object.keys(rows[0]!) }));
}

export const TITLES = {
  medgen: 'Medgen Nursing Services Limited', // Children and Education; Central ward
  section76: 'Approval of a Section 76 notice for the allocation of funding to establish obesity and cardiovascular disease prevention interventions in GP practices', // Adults and Health
  recycling: 'Treatment of Dry Mixed Recycling - Services Contract', // Climate Change and Environment
};
