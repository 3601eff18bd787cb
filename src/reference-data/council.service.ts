import type { Db } from '../db/create-db.ts';

export interface CouncilInfo {
  name: string;
  governanceEmail: string;
  governanceAddress: string;
  governanceTelephone: string;
  website: string;
}

const UNNAMED: CouncilInfo = { name: 'Council', governanceEmail: '', governanceAddress: '', governanceTelephone: '', website: '' };

/** The council's own details, read on nearly every page: cached briefly. */
export function createCouncilService(db: Db, ttlMs = 60_000) {
  let cached: { at: number; value: CouncilInfo } | undefined;
  return {
    async get(): Promise<CouncilInfo> {
      if (cached && Date.now() - cached.at < ttlMs) return cached.value;
      const row = await db.selectFrom('council').selectAll().executeTakeFirst();
      const value = row
        ? { name: row.name, governanceEmail: row.governance_email, governanceAddress: row.governance_address, governanceTelephone: row.governance_telephone, website: row.website }
        : UNNAMED;
      cached = { at: Date.now(), value };
      return value;
    },
    forget() {
      cached = undefined;
    },
  };
}

export type CouncilService = ReturnType<typeof createCouncilService>;
