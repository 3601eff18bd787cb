import type { Context } from 'koa';
import { adminRouter } from '../../auth/require-role.ts';
import { readForm, renderForm } from '../../http/forms.ts';
import type { Clock } from '../../lib/clock.ts';
import { CLEAR_DAYS_MODES } from '../../rules/clear-days.ts';
import { DECISION_MAKER_KINDS } from '../reference-data.tables.ts';
import { authorOf, doneMessage, seeOther } from './admin-http.ts';
import { describeChange } from './change-history.ts';
import type { ReferenceDataAdmin } from './reference-data-admin.ts';
import { SETTINGS_ID } from '../council-settings.ts';
import { CALL_IN_MAKER_LABELS, CLEAR_DAYS_LABELS, settingsFormValues, type SettingsFormValues } from './settings-rules.ts';

export const SETTINGS_PATH = '/admin/settings';

/** The rules the council's constitution sets: the key-decision threshold, call-in, and how clear days count. */
export function settingsAdminRoutes(admin: ReferenceDataAdmin, clock: Clock) {
  const router = adminRouter('admin');

  async function render(ctx: Context, values: SettingsFormValues, errors: Record<string, string> = {}) {
    renderForm(ctx, 'admin/settings/index.njk', {
      pageTitle: 'Council settings',
      crumbs: [{ text: 'Staff home', href: '/admin' }],
      action: SETTINGS_PATH,
      done: doneMessage(ctx),
      history: (await admin.history('council_settings', SETTINGS_ID)).map(describeChange),
      makerItems: DECISION_MAKER_KINDS.map((kind) => ({ value: kind, text: CALL_IN_MAKER_LABELS[kind], checked: values.callInAppliesTo.includes(kind) })),
      clearDaysItems: CLEAR_DAYS_MODES.map((mode) => ({ value: mode, text: CLEAR_DAYS_LABELS[mode], checked: values.clearDays === mode })),
      values: { ...values },
      errors,
    });
  }

  router.get(SETTINGS_PATH, async (ctx) => render(ctx, settingsFormValues(await admin.settings.current())));

  router.post(SETTINGS_PATH, async (ctx) => {
    const form = readForm(ctx);
    const values: SettingsFormValues = {
      keyDecisionThreshold: form.text('keyDecisionThreshold'),
      callInWorkingDays: form.text('callInWorkingDays'),
      callInMembersRequired: form.text('callInMembersRequired'),
      callInAppliesTo: form.list('callInAppliesTo'),
      callInUrgentExempt: form.text('callInUrgentExempt'),
      clearDays: form.text('clearDays'),
    };
    const result = await admin.settings.save(values, authorOf(ctx, clock));
    if (!result.ok) return render(ctx, values, result.problems);
    seeOther(ctx, `${SETTINGS_PATH}?done=settings`);
  });

  return router;
}
