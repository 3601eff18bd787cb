import type { Deps } from './deps.ts';

/** Scheduled jobs started by the process entry; each module registers its own here. */
export function startBackgroundWork(_deps: Deps): { stop(): Promise<void> } {
  return { stop: async () => {} };
}
