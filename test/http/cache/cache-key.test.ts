import test from 'ava';
import { cacheKey } from '../../../src/http/cache/cache-key.ts';
import { cacheableRequest } from '../../../src/http/cache/cache-policy.ts';

const sameKey: [string, string][] = [
  ['/decisions?b=2&a=1', '/decisions?a=1&b=2'],
  ['/decisions?q=a+b', '/decisions?q=a%20b'],
  ['/decisions?q=%7e', '/decisions?q=~'],
  ['/%7Edecisions', '/~decisions'],
  ['/decisions?ward=x&', '/decisions?ward=x'],
  ['/plans/2024-02-23%2epdf', '/plans/2024-02-23.pdf'],
];

for (const [a, b] of sameKey) {
  test(`${a} and ${b} share one cache entry`, (t) => {
    t.is(cacheKey(a), cacheKey(b));
  });
}

const differentKey: [string, string][] = [
  ['/decisions?ward=a&ward=b', '/decisions?ward=b&ward=a'],
  ['/decisions%2F1', '/decisions/1'],
  ['/decisions?q=a', '/decisions?q=A'],
  ['/decisions?a=1', '/decisions?a=1&a=1'],
];

for (const [a, b] of differentKey) {
  test(`${a} and ${b} are cached apart`, (t) => {
    t.not(cacheKey(a), cacheKey(b));
  });
}

for (const target of ['/decisions?q=%E0%A4%A', '/%', '/decisions?q=%zz', 'decisions', '*']) {
  test(`${target} cannot be normalised, so it is never cached`, (t) => {
    t.is(cacheKey(target), undefined);
  });
}

const request = (url: string, headers: Record<string, string> = {}, method = 'GET') => ({ method, url, headers });

const policy: [string, ReturnType<typeof request>, 'cached' | 'immutable' | 'not cached'][] = [
  ['the current plan', request('/'), 'cached'],
  ['a dated plan', request('/plans/2024-02-23'), 'immutable'],
  ["a dated plan's PDF", request('/plans/2024-02-23.pdf'), 'immutable'],
  ["a dated plan's CSV", request('/plans/2024-02-23.csv'), 'immutable'],
  ['the list of plans (it grows)', request('/plans'), 'cached'],
  ['a filtered list of decisions', request('/decisions?committee=x'), 'cached'],
  ['one decision', request('/decisions/12'), 'cached'],
  ['a committee', request('/committees/children-and-education'), 'cached'],
  ['a ward', request('/wards/central'), 'cached'],
  ['the API', request('/api/v1/decisions?limit=5'), 'cached'],
  ['a feed', request('/feeds/decisions.ics'), 'cached'],
  ['HEAD of a page', request('/', {}, 'HEAD'), 'cached'],
  ['a signed-in request', request('/', { cookie: 'fp_csrf=abc; fp_session=xyz' }), 'not cached'],
  ['a request with credentials', request('/', { authorization: 'Bearer x' }), 'not cached'],
  ['a POST', request('/decisions', {}, 'POST'), 'not cached'],
  ['a staff page', request('/admin/decisions'), 'not cached'],
  ['the sign-in form', request('/sign-in'), 'not cached'],
  ['the comment form', request('/comments/new?decision=1'), 'not cached'],
  ['the alerts form', request('/alerts/new'), 'not cached'],
  ['the health check', request('/healthz'), 'not cached'],
  ['a deeper path', request('/decisions/1/edit'), 'not cached'],
  ['an anonymous visitor with a form cookie', request('/', { cookie: 'fp_csrf=abc' }), 'cached'],
];

for (const [name, req, expected] of policy) {
  test(`policy: ${name} is ${expected}`, (t) => {
    const found = cacheableRequest(req);
    t.is(found === undefined ? 'not cached' : found.immutable ? 'immutable' : 'cached', expected);
  });
}
