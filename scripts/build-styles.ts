import { parseArgs } from 'node:util';
import { compileStylesheet, defaultCacheDir, saveStylesheet, stylesheetSources } from '../src/http/stylesheet.ts';

/*
 * Compiles src/styles into the stylesheet cache (see src/http/stylesheet.ts). npm runs it after
 * every install (`prepare`); the service runs it itself, with --stdout, when the cache is stale.
 */
const { values } = parseArgs({ options: { stdout: { type: 'boolean', default: false }, 'cache-dir': { type: 'string', default: defaultCacheDir } } });
const cacheDir = values['cache-dir'];

const sources = await stylesheetSources();
const css = await compileStylesheet();
try {
  await saveStylesheet(css, sources, cacheDir);
  if (!values.stdout) console.log(`Stylesheet built: ${cacheDir}/app.css (${Math.round(css.length / 1024)} kB)`);
} catch (error) {
  // A read-only install can still serve the CSS this run printed; it is rebuilt at each start.
  if (!values.stdout) throw error;
  console.error(`The stylesheet could not be saved in ${cacheDir}: ${(error as Error).message}`);
}
if (values.stdout) process.stdout.write(css);
