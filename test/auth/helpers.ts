import type { Role } from '../../src/auth/roles.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import type { Config } from '../../src/config/config.ts';

export const PASSWORD = 'correct horse battery staple';

/**
 * The app on a fresh database, trusting X-Forwarded-* so each Browser can come from its own
 * address. A file's tests share one and keep apart by email
 * and address; they run serially because some move the shared clock.
 */
export function startAuthApp(config: Partial<Config> = {}): Promise<TestApp> {
  return startTestApp({ config: { trustProxy: true, ...config } });
}

/** One app for every test of a file: `const world = sharedApp(test)`, then `world.app` inside tests. */
export function sharedApp(test: { before(fn: () => Promise<void>): void; after: { always(fn: () => Promise<void>): void } }, config: Partial<Config> = {}) {
  const world = {} as { app: TestApp };
  test.before(async () => {
    world.app = await startAuthApp(config);
  });
  test.after.always(async () => {
    await world.app?.close();
  });
  return world;
}

export async function addUser(app: TestApp, email: string, role: Role, name = '') {
  const result = await app.deps.auth.users.create({ email, name, role, password: PASSWORD });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.user;
}

let nextClient = 1;
/** A distinct client address per browser, so one test's attempts never count against another's. */
const freshAddress = () => `203.0.113.${nextClient++}`;

/** A browser with a cookie jar, coming from its own address (sent as X-Forwarded-For; the worlds trust it). */
export class Browser {
  readonly cookies = new Map<string, string>();
  readonly setCookieHeaders: string[] = [];
  constructor(
    private readonly app: TestApp,
    readonly address = freshAddress(),
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  async request(path: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { 'X-Forwarded-For': this.address, ...this.extraHeaders };
    if (this.cookies.size) headers.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    Object.assign(headers, init.headers);
    let body: string | undefined;
    if (init.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await this.app.fetch(path, { method: init.method ?? (init.form ? 'POST' : 'GET'), headers, body });
    for (const line of response.headers.getSetCookie()) {
      this.setCookieHeaders.push(line);
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      const text = value.join('=');
      if (text === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name!);
      else this.cookies.set(name!, text);
    }
    return response;
  }

  get(path: string) {
    return this.request(path);
  }

  /** A POST with this browser's anti-forgery token unless the form already has a `_csrf`. */
  async post(path: string, form: Record<string, string> = {}) {
    return this.request(path, { form: { _csrf: await this.csrfToken(), ...form } });
  }

  /** Reads the token from the sign-in page, which any browser can load. */
  async csrfToken(): Promise<string> {
    const html = await (await this.request('/sign-in?returnTo=/admin', { headers: { Cookie: this.cookieHeader(['fp_csrf']) } })).text();
    const match = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!match) throw new Error('no _csrf field on /sign-in');
    return match[1]!;
  }

  async signIn(email: string, password = PASSWORD) {
    return this.post('/sign-in', { email, password, returnTo: '/admin' });
  }

  private cookieHeader(names: string[]): string {
    return names.filter((n) => this.cookies.has(n)).map((n) => `${n}=${this.cookies.get(n)}`).join('; ');
  }
}

/** The text of the error summary's items, in order. */
export function errorSummary(html: string): string[] {
  const summary = /<div class="govuk-error-summary"[\s\S]*?<\/div>\s*<\/div>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/<a href="(#[^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[1]} ${m[2]!.trim()}`);
}
