import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import test from 'ava';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url);

test('the service process, started as npm start starts it, never loads Sass, pdfmake, tsx or esbuild', async (t) => {
  const { stdout } = await run(process.execPath, ['--import', './scripts/ts-loader/register.mjs', 'test/startup/service-modules.fixture.ts'], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const { statuses, packages } = JSON.parse(stdout.trim().split('\n').at(-1)!) as { statuses: Record<string, number>; packages: string[] };
  t.deepEqual(statuses, { '/': 200, '/static/app.css': 200, '/plans/2024-02-23.pdf': 200 });
  t.true(packages.includes('koa'), 'the list does see CommonJS packages loaded from ES modules');
  t.deepEqual(packages.filter((name) => /^(sass|pdfmake|@foliojs-fork\/.*|fontkit|tsx|esbuild)$/.test(name)), []);
});
