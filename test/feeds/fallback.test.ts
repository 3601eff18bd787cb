import test from 'ava';
import { startTestApp } from '../helpers/app.ts';

test('an app that cannot listen for changes still caches, but only for the fallback time', async (t) => {
  const app = await startTestApp({ sample: true, listen: false });
  t.teardown(app.close);
  t.teardown(() => app.deps.feeds.close());
  const get = async (path: string) => (await app.fetch(path)).arrayBuffer();
  await get('/feeds/decisions.rss');
  await get('/feeds/decisions.rss');
  t.false(app.deps.feeds.listening());
  t.like(app.deps.feeds.stats(), { renders: 1 }, 'reused within 30 seconds');
  t.like(app.cache.stats(), { hits: 1 });

  const strict = await startTestApp({ sample: true, listen: false, config: { feedFallbackTtlSeconds: 0 } });
  t.teardown(strict.close);
  const fetchTwice = async () => {
    await (await strict.fetch('/feeds/decisions.rss')).arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await (await strict.fetch('/feeds/decisions.rss')).arrayBuffer();
  };
  await fetchTwice();
  t.like(strict.deps.feeds.stats(), { renders: 2, hits: 0 }, 'rendered afresh once the time is up');
  t.like(strict.cache.stats(), { hits: 0 });
});
