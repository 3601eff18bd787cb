import type { Db } from '../../db/create-db.ts';
import { refused, succeeded, type FormResult } from './form-result.ts';
import { changedFields, recordReferenceChange, type ChangeAuthor } from './reference-data-changes.repository.ts';
import { councilProblems, type CouncilDetails } from './council-rules.ts';

export const COUNCIL_ID = 1;

/** The council's own details (name, Democratic Services contacts), which every public page shows. */
export function createCouncilAdmin(db: Db, council: { forget(): void }) {
  async function current(): Promise<CouncilDetails | undefined> {
    const row = await db.selectFrom('council').selectAll().executeTakeFirst();
    return (
      row && {
        name: row.name,
        governanceEmail: row.governance_email,
        governanceAddress: row.governance_address,
        governanceTelephone: row.governance_telephone,
        website: row.website,
      }
    );
  }

  return {
    current,

    async save(details: CouncilDetails, by: ChangeAuthor): Promise<FormResult<{ changed: boolean }>> {
      const problems = councilProblems(details);
      if (Object.keys(problems).length > 0) return refused(problems as Record<string, string>);
      const before = await current();
      const fields = changedFields<Record<string, unknown>>(before ?? {}, { ...details });
      if (before && Object.keys(fields).length === 0) return succeeded({ changed: false });
      const row = {
        name: details.name,
        governance_email: details.governanceEmail,
        governance_address: details.governanceAddress,
        governance_telephone: details.governanceTelephone,
        website: details.website,
      };
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('council')
          .values({ id: COUNCIL_ID, ...row })
          .onConflict((oc) => oc.column('id').doUpdateSet(row))
          .execute();
        await recordReferenceChange(trx, by, { kind: 'council', entityId: COUNCIL_ID, entityName: details.name, action: before ? 'updated' : 'created', fields });
      });
      // The public layout caches these details; this instance shows the change at once.
      council.forget();
      return succeeded({ changed: true });
    },
  };
}

export type CouncilAdmin = ReturnType<typeof createCouncilAdmin>;
