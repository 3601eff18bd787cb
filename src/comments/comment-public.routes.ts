import Router from '@koa/router';
import type { Context } from 'koa';
import { clientAddress } from '../auth/client.ts';
import type { PublicDecision } from '../decisions/decision.view.ts';
import type { Deps } from '../deps.ts';
import { isDatabaseUnavailable, notFound } from '../http/errors.ts';
import { readForm } from '../http/forms.ts';
import { parseId } from '../lib/ids.ts';
import type { CabinetMember } from './cabinet-members.repository.ts';
import { EMPTY_FORM, renderCommentForm } from './comment-form.page.ts';
import { honeypotFilled, readCommentForm, validateCommentForm } from './comment-form.ts';
import { waitDescription } from './comment-limits.ts';
import { isCommentReference } from './comment-reference.ts';

/** `/comments/new`, the POST that stores a comment, and its confirmation page. */
export function commentPublicRoutes({ comments, decisions, config }: Pick<Deps, 'comments' | 'decisions' | 'config'>) {
  const router = new Router();
  const settings = { workingDays: config.commentResponseWorkingDays, retentionMonths: config.commentRetentionMonths };

  /** The published decision a comment is about; a draft or unknown number is a 404, as its page would be. */
  async function decisionFor(raw: unknown): Promise<PublicDecision | null> {
    if (raw === undefined || raw === '') return null;
    const id = parseId(raw);
    const decision = id === undefined ? undefined : await decisions.get(id);
    if (!decision) throw notFound('There is no published decision with that number');
    return decision;
  }

  router.get('/comments/new', async (ctx) => {
    const decision = await decisionFor(ctx.query.decision);
    const members = await comments.submissions.cabinetMembers();
    renderCommentForm(ctx, { decision, members, values: { ...EMPTY_FORM, decision: decision ? String(decision.id) : '' }, settings });
  });

  router.post('/comments', async (ctx: Context) => {
    const form = readForm(ctx);
    const values = readCommentForm(form);
    const address = clientAddress(ctx);

    // Robots get a page that looks like success and carries no reference; nothing is stored.
    if (honeypotFilled(form)) {
      await comments.submissions.recordSpam(address).catch((error: unknown) => {
        if (!isDatabaseUnavailable(error)) throw error;
      });
      ctx.set('Cache-Control', 'no-store');
      return ctx.render('comments/thanks.njk', { pageTitle: 'Thank you for your comment', confirmation: null });
    }

    let decision: PublicDecision | null = null;
    let members: CabinetMember[] = comments.submissions.lastKnownCabinetMembers();
    try {
      decision = await decisionFor(values.decision);
      members = await comments.submissions.cabinetMembers();
      const { errors, comment } = validateCommentForm(values, new Set(members.map((m) => m.id)));
      if (!comment) return renderCommentForm(ctx, { decision, members, values, errors, settings });

      const snapshot = decision && { id: decision.id, title: decision.title, reference: decision.reference, status: decision.status };
      const result = await comments.submissions.submit({ ...comment, decision: snapshot, clientAddress: address });
      if (!result.ok) {
        ctx.set('Retry-After', String(result.retryAfterSeconds));
        return renderCommentForm(ctx, {
          decision, members, values, settings,
          problem: {
            status: 429,
            title: 'Your comment has not been sent yet',
            text: `You have sent ${config.commentRateLimitPerHour} comments in the last hour, which is as many as we can take from one place. Your comment is below: wait ${waitDescription(result.retryAfterSeconds)} and send it again, or copy it and email Democratic Services.`,
          },
        });
      }
      ctx.redirect(result.thanksPath);
      ctx.status = 303;
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      // Nothing was stored (the transaction did not commit), so the person must not be told it was.
      console.error('POST /comments: the database is unavailable; the comment was not stored:', (error as Error).message);
      ctx.set('Retry-After', '60');
      renderCommentForm(ctx, {
        decision, members, values, settings,
        problem: {
          status: 503,
          title: 'Your comment has not been sent',
          text: 'Sorry, there is a problem with the service and we could not save your comment. Your comment is below: try sending it again in a few minutes.',
        },
      });
    }
  });

  router.get('/comments/:reference/thanks', async (ctx) => {
    const reference = ctx.params.reference ?? '';
    const confirmation = isCommentReference(reference) ? await comments.submissions.confirmation(reference, ctx.query.key) : undefined;
    if (!confirmation) throw notFound('There is no confirmation at this address. If you sent a comment, your reference is in the acknowledgement email.');
    ctx.set('Cache-Control', 'no-store');
    ctx.render('comments/thanks.njk', { pageTitle: `Comment sent: ${confirmation.reference}`, confirmation });
  });

  return router;
}
