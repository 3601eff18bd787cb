import test from 'ava';
import Router from '@koa/router';
import { adminRouter, listAdminRoutes, requireRole } from '../../src/auth/require-role.ts';
import { ROLES, roleAtLeast, type Role } from '../../src/auth/roles.ts';
import { allRoutes } from '../../src/routes.ts';
import { addUser, Browser, sharedApp } from './helpers.ts';

/*
 * Every /admin route any module registers in src/routes.ts, against anonymous visitors and each
 * role. A module adding admin pages needs nothing here: its routes are found and checked.
 */
const world = sharedApp(test);
const TESTABLE = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
// Ids and slugs that name nothing, so no route acts on real data while it is probed.
const MADE_UP = '999999';

async function browsers() {
  const { app } = world;
  const result: Record<'anonymous' | Role, Browser> = {
    anonymous: new Browser(app),
    editor: new Browser(app),
    publisher: new Browser(app),
    admin: new Browser(app),
  };
  for (const role of ROLES) {
    const user = await addUser(app, `matrix-${role}@example.gov.uk`, role);
    result[role].cookies.set('fp_session', await app.deps.auth.sessions.start(user.id, { userAgent: 'matrix', ip: '127.0.0.1' }));
  }
  const tokens = new Map<Browser, string>();
  for (const browser of Object.values(result)) tokens.set(browser, await browser.csrfToken());
  return { result, tokens };
}

test.serial('every /admin route refuses anonymous visitors and lower roles, and lets its role and above in', async (t) => {
  const routes = listAdminRoutes(allRoutes(world.app.deps)).filter((r) => TESTABLE.has(r.method));
  const described = routes.map((r) => `${r.method} ${r.path} (${r.minRole ?? 'NO ROLE'})`);
  t.log(described.join('\n'));
  for (const expected of ['GET /admin (editor)', 'GET /admin/users (admin)', 'POST /admin/users/:id/disable (admin)']) {
    t.true(described.includes(expected), `${expected} is registered`);
  }
  t.deepEqual(routes.filter((r) => r.minRole === null).map((r) => `${r.method} ${r.path}`), [], 'every /admin route declares its role');

  const { result, tokens } = await browsers();
  for (const route of routes) {
    const params = Object.fromEntries(route.layer.paramNames.map((key) => [key.name, MADE_UP]));
    const url = route.layer.url(params);
    const label = `${route.method} ${url}`;
    for (const [who, browser] of Object.entries(result) as [keyof typeof result, Browser][]) {
      const form = route.method === 'GET' ? undefined : { _csrf: tokens.get(browser)! };
      const response = await browser.request(url, { method: route.method, form });
      await response.arrayBuffer();
      const location = response.headers.get('location') ?? '';
      if (who === 'anonymous') {
        t.is(response.status, 303, `${label} as anonymous`);
        t.true(location.startsWith('/sign-in'), `${label} as anonymous goes to sign in, not ${location}`);
      } else if (!roleAtLeast(who, route.minRole!)) {
        t.is(response.status, 403, `${label} as ${who}`);
      } else {
        t.not(response.status, 403, `${label} as ${who}`);
        t.not(response.status, 401, `${label} as ${who}`);
        t.false(location.startsWith('/sign-in'), `${label} as ${who} is not sent to sign in`);
        t.true(response.status < 500, `${label} as ${who} gave ${response.status}`);
      }
    }
  }
});

test('an admin router guards each of its routes and refuses paths outside /admin', (t) => {
  const router = adminRouter('publisher');
  router.get('/admin/plans', (ctx) => void (ctx.body = 'ok'));
  router.post('/admin/plans/:id/publish', requireRole('admin'), (ctx) => void (ctx.body = 'ok'));
  router.get(['/admin/a', '/admin/b'], (ctx) => void (ctx.body = 'ok'));
  t.throws(() => router.get('/plans', (ctx) => void (ctx.body = 'ok')), { message: /not under \/admin/ });

  const plain = new Router();
  plain.get('/admin/forgotten', (ctx) => void (ctx.body = 'unguarded'));
  plain.get('/public', (ctx) => void (ctx.body = 'public'));

  t.deepEqual(
    listAdminRoutes([router, plain]).map((r) => [r.method, r.path, r.minRole, r.layer.stack.filter((fn) => fn.name === 'guard').length]),
    [
      ['GET', '/admin/plans', 'publisher', 1],
      ['POST', '/admin/plans/:id/publish', 'admin', 2],
      ['GET', '/admin/a', 'publisher', 1],
      ['GET', '/admin/b', 'publisher', 1],
      ['GET', '/admin/forgotten', null, 0],
    ],
  );
});
