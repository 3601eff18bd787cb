import type { Context } from 'koa';
import { adminRouter, requireRole } from '../auth/require-role.ts';
import { roleAtLeast } from '../auth/roles.ts';
import type { Deps } from '../deps.ts';
import { PART_LABELS, PARTS } from '../decisions/labels.ts';
import type { ErrorSummaryItem } from '../http/forms.ts';
import { readForm } from '../http/forms.ts';
import { today } from '../lib/clock.ts';
import { formatLongDate, isIsoDate } from '../lib/dates.ts';
import { noticeTermsOf, type NoticeTerms } from '../reference-data/council-settings.ts';
import type { PreparedDraft } from './publication.service.ts';

/**
 * /admin/publication: the next plan exactly as it will be published, what changed since the
 * previous one, the notice rules it breaks, and (for publishers) the button that publishes it.
 */
export function publicationRoutes({ publication, clock, settings }: Pick<Deps, 'publication' | 'clock' | 'settings'>) {
  const router = adminRouter('editor');

  async function render(ctx: Context, prepared: PreparedDraft, errorList: ErrorSummaryItem[] = []) {
    const noticeTerms: NoticeTerms = noticeTermsOf(await settings.get());
    const { summary, blocker } = prepared;
    const canPublish = roleAtLeast(ctx.state.user!.role, 'publisher');
    const refusal =
      summary.entries === 0 ? 'the draft lists no decisions' : summary.breaches > 0 ? `${summary.breaches} notice rule breach${summary.breaches === 1 ? '' : 'es'}` : null;
    if (errorList.length > 0) ctx.status = 400;
    ctx.render('admin/publication/preview.njk', {
      pageTitle: `${errorList.length ? 'Error: ' : ''}Preview the next plan`,
      errorList,
      summary,
      blocker,
      breaches: prepared.breaches,
      changes: prepared.changes,
      changedCount: Object.keys(prepared.changes.byDecision).length,
      heldBack: prepared.draft.heldBack,
      partRows: PARTS.map((part) => ({ heading: PART_LABELS[part].long, ...summary.byPart[part] })),
      canPublish,
      publishable: canPublish && !blocker && refusal === null,
      refusal,
      // The public plan's own templates, fed the draft: the preview is the plan as it will be.
      plan: prepared.view,
      draftChanges: prepared.changes.byDecision,
      noticeTerms,
      preview: true,
    });
  }

  router.get('/admin/publication', async (ctx) => {
    await render(ctx, await publication.prepare(today(clock)));
  });

  router.post('/admin/publication', requireRole('publisher'), async (ctx) => {
    const publishedOn = today(clock);
    const seen = readForm(ctx).text('date');
    if (seen !== publishedOn) {
      const message = `The preview you published from was for ${isIsoDate(seen) ? formatLongDate(seen) : 'another day'}; today is ${formatLongDate(publishedOn)}. Check the plan below again, then publish it.`;
      return await render(ctx, await publication.prepare(publishedOn), [{ text: message, href: '#main-content' }]);
    }
    const outcome = await publication.publish({ publishedOn, userId: ctx.state.user!.id });
    if (outcome.status === 'refused') {
      const errorList = outcome.reasons.map((text, i) => ({ text, href: i < outcome.reasons.length - outcome.breaches.length ? '#main-content' : '#breaches' }));
      return await render(ctx, await publication.prepare(publishedOn), errorList);
    }
    // Published now or by an earlier click: either way the plan is there.
    ctx.redirect(`/plans/${outcome.publishedOn}`);
    ctx.status = 303;
  });

  return router;
}
