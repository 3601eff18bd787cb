import test from 'ava';
import { allRoutes } from '../../src/routes.ts';
import { methodNotAllowedMessage } from '../../src/http/methods.ts';
import { CSRF_FAILURE_MESSAGE } from '../../src/http/csrf.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { decodeEntities as decode } from '../helpers/html.ts';

/*
 * A method no route has for an address is a 405 naming the ones it has (Allow), before the
 * anti-forgery check could call it an expired form. Every route of src/routes.ts is walked, so
 * a new one is covered without touching this file.
 */

let app: TestApp;
test.before(async () => {
  app = await startTestApp();
});
test.after.always(async () => {
  await app?.close();
});

const MADE_UP = '999999';
const PROBED = ['POST', 'PUT', 'PATCH', 'DELETE', 'PROPFIND'];

test('every address refuses the methods none of its routes has with 405 and an Allow header listing the ones they have', async (t) => {
  const layers = allRoutes(app.deps).flatMap((router) => router.stack).filter((layer) => layer.methods.length > 0);
  const urls = [...new Set(layers.map((layer) => layer.url(Object.fromEntries(layer.paramNames.map((p) => [p.name, MADE_UP])))))];
  t.true(urls.includes('/decisions') && urls.includes('/admin/comments/999999') && urls.length > 60, `${urls.length} addresses`);
  let refused = 0;
  for (const url of urls) {
    const allowed = new Set(layers.filter((layer) => layer.match(url)).flatMap((layer) => layer.methods));
    for (const method of PROBED.filter((m) => !allowed.has(m))) {
      const response = await app.fetch(url, { method });
      const body = decode(await response.text());
      t.is(response.status, 405, `${method} ${url}`);
      t.deepEqual(new Set(response.headers.get('allow')?.split(', ')), allowed, `${method} ${url}: Allow`);
      t.true(body.includes(`This address does not accept ${method} requests.`), `${method} ${url} says why`);
      refused++;
    }
  }
  t.log(`${refused} requests refused across ${urls.length} addresses`);
});

const cases: [method: string, path: string, status: number, allow: string | null, says: string | null][] = [
  ['POST', '/decisions', 405, 'HEAD, GET', methodNotAllowedMessage('POST', ['HEAD', 'GET'])],
  ['DELETE', '/plans', 405, 'HEAD, GET', methodNotAllowedMessage('DELETE', ['HEAD', 'GET'])],
  ['PUT', '/api/v1/decisions', 405, 'HEAD, GET', methodNotAllowedMessage('PUT', ['HEAD', 'GET'])],
  ['PROPFIND', '/decisions', 405, 'HEAD, GET', methodNotAllowedMessage('PROPFIND', ['HEAD', 'GET'])],
  ['POST', '/admin/dashboard', 405, 'HEAD, GET', null],
  ['GET', '/sign-out', 405, 'POST', null],
  ['HEAD', '/decisions', 200, null, null],
  ['OPTIONS', '/decisions', 200, 'HEAD, GET', null],
  ['OPTIONS', '/comments', 200, 'POST', null],
  ['POST', '/no-such-page', 404, null, 'Page not found'],
  ['PROPFIND', '/no-such-page', 404, null, 'Page not found'],
  ['POST', '/comments', 403, null, CSRF_FAILURE_MESSAGE],
  ['POST', '/sign-in', 403, null, CSRF_FAILURE_MESSAGE],
];
for (const [method, path, status, allow, says] of cases) {
  test(`${method} ${path} → ${status}${allow ? ` (Allow: ${allow})` : ''}`, async (t) => {
    const response = await app.fetch(path, { method });
    const body = decode(await response.text());
    t.is(response.status, status);
    if (allow) t.is(response.headers.get('allow'), allow);
    if (says) t.true(body.includes(says), `says "${says}"`);
    if (method === 'HEAD') t.is(body, '');
  });
}
