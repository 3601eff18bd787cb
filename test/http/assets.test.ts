import test from 'ava';
import { startTestApp, type TestApp } from '../helpers/app.ts';

/*
 * Static assets as caches expect them: one weak ETag for every content coding of an asset,
 * If-None-Match compared weakly (lists and * too) and answered 304, and no writes.
 */

let app: TestApp;
test.before(async () => {
  app = await startTestApp();
});
test.after.always(async () => {
  await app?.close();
});

// The compiled stylesheet and script, and govuk-frontend's files through koa-static.
const ASSETS = ['/static/app.css', '/static/init.js', '/static/favicon.svg', '/assets/govuk-frontend.min.js', '/assets/images/favicon.ico', '/assets/fonts/light-94a07e06a1-v2.woff2'];

// Large enough (over 1 kB) and of a type koa-compress compresses.
const COMPRESSED = new Set(['/static/app.css', '/assets/govuk-frontend.min.js']);

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await app.fetch(path, { headers });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, body };
}

for (const path of ASSETS) {
  test(`${path}: a weak ETag shared by every coding, and 304 for a weak, listed or * If-None-Match`, async (t) => {
    const plain = await get(path, { 'Accept-Encoding': 'identity' });
    t.is(plain.status, 200);
    const etag = plain.headers.get('etag')!;
    t.regex(etag, /^W\/"[^"]+"$/);
    for (const coding of ['gzip', 'br']) {
      const encoded = await get(path, { 'Accept-Encoding': coding });
      t.is(encoded.status, 200);
      t.is(encoded.headers.get('etag'), etag, `${coding}: the same weak tag`);
      if (COMPRESSED.has(path)) t.is(encoded.headers.get('content-encoding'), coding, 'sent compressed');
      t.regex(encoded.headers.get('vary') ?? '', /Accept-Encoding/i);
    }
    const strong = etag.slice(2);
    for (const ifNoneMatch of [etag, strong, `"other", ${etag}`, '*']) {
      const response = await get(path, { 'If-None-Match': ifNoneMatch, 'Accept-Encoding': 'gzip, br' });
      t.is(response.status, 304, `If-None-Match: ${ifNoneMatch}`);
      t.is(response.body.length, 0);
      t.is(response.headers.get('etag'), etag, 'a 304 carries the tag');
      t.regex(response.headers.get('vary') ?? '', /Accept-Encoding/i);
    }
    t.is((await get(path, { 'If-None-Match': 'W/"other"' })).status, 200);
    t.is((await get(path, { 'If-Modified-Since': 'not a date' })).status, 200);
  });

  test(`${path}: POST, PUT and DELETE are 405 with Allow, OPTIONS lists the methods, HEAD has no body`, async (t) => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PROPFIND']) {
      const response = await app.fetch(path, { method, body: method === 'PUT' || method === 'POST' ? 'x' : undefined });
      t.is(response.status, 405, method);
      t.is(response.headers.get('allow'), 'GET, HEAD', method);
      t.true((await response.text()).includes(`This address does not accept ${method} requests.`), method);
    }
    const options = await app.fetch(path, { method: 'OPTIONS' });
    t.is(options.status, 200);
    t.is(options.headers.get('allow'), 'GET, HEAD');
    const head = await app.fetch(path, { method: 'HEAD' });
    t.is(head.status, 200);
    t.is((await head.arrayBuffer()).byteLength, 0);
    t.regex(head.headers.get('etag') ?? '', /^W\//);
  });
}

test("govuk-frontend's files also answer If-Modified-Since", async (t) => {
  const first = await get('/assets/govuk-frontend.min.js');
  const lastModified = first.headers.get('last-modified')!;
  t.truthy(lastModified);
  t.is((await get('/assets/govuk-frontend.min.js', { 'If-Modified-Since': lastModified })).status, 304);
  t.is((await get('/assets/govuk-frontend.min.js', { 'If-Modified-Since': 'Mon, 01 Jan 2001 00:00:00 GMT' })).status, 200);
});

test('an asset that does not exist is a 404, whatever the method', async (t) => {
  t.is((await app.fetch('/assets/no-such-file.js')).status, 404);
  t.is((await app.fetch('/static/no-such-file.css')).status, 404);
  t.is((await app.fetch('/static/no-such-file.css', { method: 'POST' })).status, 404);
});
