import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import test from 'ava';
import { defaultCacheDir, loadStylesheet, stylesDir, stylesheetSources } from '../../src/http/stylesheet.ts';
import { startTestApp } from '../helpers/app.ts';

test('the stylesheet is built once into its cache and read from there afterwards; stale sources rebuild it', async (t) => {
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'fp-styles-'));
  t.teardown(() => rm(cacheDir, { recursive: true, force: true }));

  const first = await loadStylesheet(cacheDir);
  t.true(first.built, 'an empty cache is built');
  t.regex(first.css, /\.app-header\{/);
  t.regex(first.css, /\.govuk-header/, 'govuk-frontend compiled in');
  t.true((await readFile(path.join(cacheDir, 'app.css'), 'utf8')) === first.css);
  t.is(await readFile(path.join(cacheDir, 'app.css.sources'), 'utf8'), await stylesheetSources());

  const second = await loadStylesheet(cacheDir);
  t.false(second.built, 'a current cache is read, not built');
  t.true(second.css === first.css);

  // As if app.scss had been edited since the build.
  await writeFile(path.join(cacheDir, 'app.css.sources'), 'a digest of other sources');
  await writeFile(path.join(cacheDir, 'app.css'), '/* old */');
  const third = await loadStylesheet(cacheDir);
  t.true(third.built, 'stale sources are built again');
  t.true(third.css === first.css);
});

test('the digest of the sources changes with any .scss file under src/styles', async (t) => {
  const copy = await mkdtemp(path.join(tmpdir(), 'fp-scss-'));
  t.teardown(() => rm(copy, { recursive: true, force: true }));
  await cp(stylesDir, copy, { recursive: true });
  t.is(await stylesheetSources(copy), await stylesheetSources());
  await writeFile(path.join(copy, 'app.scss'), '\n.app-new { color: red; }\n', { flag: 'a' });
  const edited = await stylesheetSources(copy);
  t.not(edited, await stylesheetSources());
  await writeFile(path.join(copy, 'partial.scss'), '.x { color: blue; }');
  t.not(await stylesheetSources(copy), edited, 'a new partial counts too');
});

test('the service serves the built stylesheet', async (t) => {
  const app = await startTestApp();
  t.teardown(() => app.close());
  const response = await app.fetch('/static/app.css');
  t.is(response.status, 200);
  t.is(response.headers.get('content-type'), 'text/css; charset=utf-8');
  // Compared as bytes: Sass starts a compressed stylesheet with non-ASCII characters with a BOM,
  // which response.text() would drop. (t.true, not t.is: a diff of 140 kB of CSS helps nobody.)
  const served = Buffer.from(await response.arrayBuffer());
  t.true(served.equals(await readFile(path.join(defaultCacheDir, 'app.css'))));
});
