import type { Db } from '../db/create-db.ts';
import { readCouncilSettings, type CouncilSettings } from './council-settings.ts';

/**
 * The council's settings (`deps.settings`), read by the rules on many pages: cached briefly, as
 * the council's details are. Built once, in deps.ts; the settings page forgets this same cache
 * on every change, so this instance applies a change at once (others within `ttlMs`).
 */
export function createCouncilSettingsService(db: Db, ttlMs = 60_000) {
  let cached: { at: number; value: CouncilSettings } | undefined;
  return {
    async get(): Promise<CouncilSettings> {
      if (cached && Date.now() - cached.at < ttlMs) return structuredClone(cached.value);
      const value = await readCouncilSettings(db);
      cached = { at: Date.now(), value };
      return structuredClone(value);
    },
    forget() {
      cached = undefined;
    },
  };
}

export type CouncilSettingsService = ReturnType<typeof createCouncilSettingsService>;
