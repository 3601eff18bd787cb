import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import test from 'ava';
import { otherWriter, parseXmlFeed, publishMovedPlan, rawGet, startFeedsApp, waitForNewEtag } from './helpers.ts';

const TYPES = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
};

test('every feed has its media type, validators and caching headers', async (t) => {
  const app = await startFeedsApp();
  t.teardown(app.close);
  for (const [format, type] of Object.entries(TYPES)) {
    const response = await app.fetch(`/feeds/decisions.${format}?committee=children-and-education`);
    t.is(response.status, 200, format);
    t.is(response.headers.get('content-type'), type);
    t.regex(response.headers.get('etag') ?? '', /^W\/"[\w-]+"$/);
    t.false(Number.isNaN(Date.parse(response.headers.get('last-modified') ?? '')));
    t.regex(response.headers.get('cache-control') ?? '', /\bpublic\b.*\bmax-age=300\b/);
    t.regex(response.headers.get('vary') ?? '', /Accept-Encoding/i);
    await response.arrayBuffer();
  }
});

test('conditional requests answer 304 without a database query', async (t) => {
  const app = await startFeedsApp();
  t.teardown(app.close);
  for (const format of Object.keys(TYPES)) {
    const path = `/feeds/decisions.${format}?ward=central&part=key`;
    const first = await app.fetch(path);
    await first.arrayBuffer();
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    const queries = app.queries();

    const byEtag = await app.fetch(path, { headers: { 'If-None-Match': etag } });
    t.is(byEtag.status, 304, `${format}: If-None-Match`);
    t.is(byEtag.headers.get('etag'), etag);
    t.is(await byEtag.text(), '');
    const byDate = await app.fetch(path, { headers: { 'If-Modified-Since': lastModified } });
    t.is(byDate.status, 304, `${format}: If-Modified-Since`);
    // The same filters in another order and spelling share the cached feed.
    const reordered = await app.fetch(`/feeds/decisions.${format}?part=key&ward=central,central`, { headers: { 'If-None-Match': `"x", ${etag}` } });
    t.is(reordered.status, 304, `${format}: normalised filters`);
    const warm = await app.fetch(path);
    t.is(warm.status, 200);
    await warm.arrayBuffer();
    t.is(app.queries(), queries, `${format}: answered from memory`);

    // Rendered again from unchanged data, a feed is the same bytes: same ETag on every instance.
    app.deps.feeds.invalidate();
    const rerendered = await app.fetch(path, { headers: { 'If-None-Match': etag } });
    t.is(rerendered.status, 304, `${format}: the same content keeps its ETag`);
    t.true(app.queries() > queries, `${format}: this time it was rendered`);

    const older = await app.fetch(path, { headers: { 'If-Modified-Since': new Date(Date.parse(lastModified) - 1000).toUTCString() } });
    t.is(older.status, 200, `${format}: modified since an earlier time`);
    const otherTag = await app.fetch(path, { headers: { 'If-None-Match': 'W/"something-else"', 'If-Modified-Since': lastModified } });
    t.is(otherTag.status, 200, `${format}: If-None-Match decides when both are sent`);
    await Promise.all([older.arrayBuffer(), otherTag.arrayBuffer()]);
  }
});

test('a publication, even by another connection, invalidates the cache: new ETag and the new item', async (t) => {
  const app = await startFeedsApp();
  t.teardown(app.close);
  const path = '/feeds/decisions.atom?committee=growth-resources-and-communities';
  const first = await app.fetch(path);
  const etag = first.headers.get('etag')!;
  const before = await parseXmlFeed(await first.text());
  const writer = await otherWriter(app);
  t.teardown(writer.close);
  await publishMovedPlan(writer.db);
  const after = await waitForNewEtag(app, path, etag);
  t.is(after.status, 200);
  t.not(after.headers.get('etag'), etag);
  const feed = await parseXmlFeed(await after.text());
  t.is(feed.items.length, before.items.length + 1);
  t.regex(feed.items[0]!.title!, /^Expected date changed to 15 July 2024: KEY\/25MAR24\/02/);
  const stale = await app.fetch(path, { headers: { 'If-None-Match': etag } });
  t.is(stale.status, 200, 'the old ETag no longer matches');
  await stale.arrayBuffer();
});

test('gzip and brotli when asked, the same bytes when decoded, and 304 still works', async (t) => {
  const app = await startFeedsApp();
  t.teardown(app.close);
  for (const format of Object.keys(TYPES)) {
    const url = `${app.url}/feeds/decisions.${format}`;
    const plain = await rawGet(url);
    t.is(plain.headers['content-encoding'], undefined);
    const br = await rawGet(url, { 'Accept-Encoding': 'gzip, deflate, br' });
    t.is(br.headers['content-encoding'], 'br', format);
    t.true(br.body.length < plain.body.length / 3, `${format}: ${plain.body.length} → ${br.body.length} bytes`);
    t.deepEqual(brotliDecompressSync(br.body), plain.body);
    const gzip = await rawGet(url, { 'Accept-Encoding': 'gzip' });
    t.is(gzip.headers['content-encoding'], 'gzip');
    t.deepEqual(gunzipSync(gzip.body), plain.body);
    t.is(gzip.headers.etag, plain.headers.etag, 'one weak ETag for every coding');
    const notModified = await rawGet(url, { 'Accept-Encoding': 'br', 'If-None-Match': plain.headers.etag! });
    t.is(notModified.status, 304);
    t.is(notModified.body.length, 0);
    t.is(notModified.headers['content-encoding'], undefined);
  }
});

test('a bad filter is a 400 with a JSON error, never an empty feed', async (t) => {
  const app = await startFeedsApp();
  t.teardown(app.close);
  const cases: [string, RegExp][] = [
    ['committee=no-such-committee', /no scrutiny committee called 'no-such-committee'/],
    ['part=secret', /'part' must be one of/],
    ['status=draft', /'status' must be one of/],
    ['from=2024-13-01', /'from' must be a real date/],
    ['from=2024-05-01&to=2024-04-01', /'from' must be on or before 'to'/],
    ['ward=Not%20A%20Slug', /short name used in addresses/],
    ['q=a&q=b', /Give 'q' only once/],
    ['id=abc', /'id' must be a decision's number \(a whole number from 1 to 2147483647\)/],
    ['id=2147483648', /'id' must be a decision's number/],
  ];
  for (const format of Object.keys(TYPES)) {
    for (const [query, message] of cases) {
      const response = await app.fetch(`/feeds/decisions.${format}?${query}`);
      t.is(response.status, 400, `${format}?${query}`);
      t.regex(response.headers.get('content-type') ?? '', /application\/json/);
      const { error } = (await response.json()) as { error: { status: number; details: string[] } };
      t.is(error.status, 400);
      t.regex(error.details.join(' '), message, `${format}?${query}`);
    }
  }
});
