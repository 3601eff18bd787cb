import { readFileSync } from 'node:fs';
import test from 'ava';
import { settings } from '../src/config/settings.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

test('the README documents every environment variable the service reads', (t) => {
  const missing = Object.values(settings).map((s) => s.env).filter((env) => !readme.includes(`\`${env}\``));
  t.deepEqual(missing, []);
});

test('the README quick start is the two commands', (t) => {
  t.regex(readme, /## Quick start[\s\S]*npm install && npm start[\s\S]*npm test/);
});
