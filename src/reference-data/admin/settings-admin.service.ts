import type { Db } from '../../db/create-db.ts';
import { readCouncilSettings, SETTINGS_ID, writeCouncilSettings, type CouncilSettings } from '../council-settings.ts';
import { refused, succeeded, type FormResult } from './form-result.ts';
import { changedFields, recordReferenceChange, type ChangeAuthor } from './reference-data-changes.repository.ts';
import { readSettingsForm, settingsFields, type SettingsFormValues } from './settings-rules.ts';

export const SETTINGS_NAME = 'Council settings';

/**
 * Editing the council's settings. `settings` is deps.settings: the one cache every rule reads,
 * forgotten after each change so that this instance applies it at once.
 */
export function createSettingsAdmin(db: Db, settings: { forget(): void }) {
  return {
    current: (): Promise<CouncilSettings> => readCouncilSettings(db),

    async save(values: SettingsFormValues, by: ChangeAuthor): Promise<FormResult<{ changed: boolean }>> {
      const read = readSettingsForm(values);
      if (!read.ok) return refused(read.problems);
      const changed = await db.transaction().execute(async (trx) => {
        // Locked, so two administrators saving at once each record what they really changed.
        const before = await trx.selectFrom('council_settings').select('id').where('id', '=', SETTINGS_ID).forUpdate().executeTakeFirst();
        const fields = changedFields(settingsFields(await readCouncilSettings(trx)), settingsFields(read.settings));
        if (before && Object.keys(fields).length === 0) return false;
        await writeCouncilSettings(trx, read.settings);
        await recordReferenceChange(trx, by, { kind: 'council_settings', entityId: SETTINGS_ID, entityName: SETTINGS_NAME, action: before ? 'updated' : 'created', fields });
        return true;
      });
      if (changed) settings.forget();
      return succeeded({ changed });
    },
  };
}

export type SettingsAdmin = ReturnType<typeof createSettingsAdmin>;
