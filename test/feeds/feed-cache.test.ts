import test from 'ava';
import { FeedCache } from '../../src/feeds/feed-cache.ts';

function cache(maxEntries = 3, maxBytes = 1000) {
  let now = 0;
  const c = new FeedCache<string>({ maxEntries, maxBytes, now: () => now });
  return { c, advance: (ms: number) => (now += ms) };
}

test('drops the least recently used entry when full', (t) => {
  const { c } = cache(3);
  for (const key of ['a', 'b', 'c']) c.set(key, 1, key, 10);
  t.is(c.get('a', 1, 1e9), 'a', 'a is now the most recent');
  c.set('d', 1, 'd', 10);
  t.is(c.get('b', 1, 1e9), undefined, 'b was the least recent');
  t.deepEqual(['a', 'c', 'd'].map((k) => c.get(k, 1, 1e9)), ['a', 'c', 'd']);
  t.is(c.size, 3);
});

test('is bounded by bytes as well, and refuses what could never fit', (t) => {
  const { c } = cache(100, 100);
  c.set('a', 1, 'a', 60);
  c.set('b', 1, 'b', 60);
  t.is(c.get('a', 1, 1e9), undefined);
  t.is(c.bytes, 60);
  c.set('huge', 1, 'huge', 101);
  t.is(c.get('huge', 1, 1e9), undefined);
  t.is(c.get('b', 1, 1e9), 'b');
});

test('an entry is good only for its version and its maximum age', (t) => {
  const { c, advance } = cache();
  c.set('a', 1, 'a', 10);
  t.is(c.get('a', 2, 1e9), undefined, 'a change since it was rendered');
  t.is(c.size, 0, 'and it is gone');
  c.set('a', 2, 'a', 10);
  advance(30_000);
  t.is(c.get('a', 2, 30_000), 'a');
  advance(1);
  t.is(c.get('a', 2, 30_000), undefined);
  t.is(c.bytes, 0);
});
