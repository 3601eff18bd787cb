import { settings } from '../src/config/settings.ts';

/** Prints the configuration table for the README from the settings themselves. */
export function configTable(): string {
  const rows = Object.values(settings).map((s) => {
    const fallback = typeof s.default === 'function' ? '(see description)' : s.default === undefined ? '–' : `\`${String(s.default)}\``;
    return `| \`${s.env}\` | ${s.doc} | ${fallback} |`;
  });
  return ['| variable | what it sets | default |', '| --- | --- | --- |', ...rows].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(configTable());
