import { settings, type Setting } from './settings.ts';

/*
 * The only reader of process.env. Every setting has a description, a default and a parser
 * (settings.ts); a bad value stops the service at start with a message naming the variable.
 */

type Settings = typeof settings;
export type Config = { readonly [K in keyof Settings]: ReturnType<Settings[K]['parse']> | Exclude<Settings[K]['default'], () => unknown> };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, setting] of Object.entries(settings) as [string, Setting<unknown>][]) {
    const raw = env[setting.env];
    if (raw === undefined || raw === '') {
      result[key] = typeof setting.default === 'function' ? (setting.default as () => unknown)() : setting.default;
      continue;
    }
    try {
      result[key] = setting.parse(raw);
    } catch (error) {
      problems.push(`${setting.env} ${(error as Error).message}`);
    }
  }
  if (result.nodeEnv === 'production' && !env.SECRET_KEY) problems.push('SECRET_KEY must be set when NODE_ENV=production');
  if (problems.length > 0) throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  return Object.freeze(result) as Config;
}

/** Settings for tests: defaults, with overrides. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return Object.freeze({ ...loadConfig({}), ...overrides });
}
