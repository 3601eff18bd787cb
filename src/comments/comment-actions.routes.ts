import type { Context } from 'koa';
import { adminRouter } from '../auth/require-role.ts';
import { roleAtLeast } from '../auth/roles.ts';
import type { Deps } from '../deps.ts';
import { notFound } from '../http/errors.ts';
import { readForm, renderForm, type FormErrors } from '../http/forms.ts';
import { idParam } from '../http/params.ts';
import { readActionForm, type ActionValues } from './comment-actions.ts';
import type { ActionOutcome } from './comment-inbox.service.ts';
import { RESPONSE_METHODS, RESPONSE_METHOD_LABELS } from './comment-status.ts';

const DONE: Record<string, string> = {
  referred: 'Comment referred.',
  responded: 'Response recorded.',
  closed: 'Comment closed.',
  erased: "The person's name and contact details have been erased.",
};

/** A comment's page: the comment, its decision, the person's contact details, its history, and the actions on it. */
export function commentActionRoutes({ comments, config }: Pick<Deps, 'comments' | 'config'>) {
  const router = adminRouter('editor');

  async function show(ctx: Context, id: number, form: { values?: ActionValues; errors?: FormErrors; failed?: string } = {}) {
    const found = await comments.inbox.get(id);
    if (!found) throw notFound('There is no comment with that number');
    const { comment, history } = found;
    const members = await comments.inbox.referralChoices(comment);
    const values: Partial<ActionValues> = form.values ?? {};
    const chosen = form.failed === 'refer' ? values.member : String(comment.referredTo?.id ?? comment.requestedResponder?.id ?? comment.decision?.makerId ?? '');
    renderForm(ctx, 'admin/comments/show.njk', {
      pageTitle: `Comment ${comment.reference}`,
      comment,
      history,
      done: DONE[String(ctx.query.done)],
      memberItems: members.map((m) => ({ value: String(m.id), text: m.name, hint: { text: m.hint }, checked: String(m.id) === chosen })),
      methodItems: RESPONSE_METHODS.map((value) => ({ value, text: RESPONSE_METHOD_LABELS[value], checked: form.failed === 'respond' && values.method === value })),
      workingDays: config.commentResponseWorkingDays,
      canErase: roleAtLeast(ctx.state.user!.role, 'publisher'),
      // Each form gets back only what was typed into it: the three share field names.
      values: form.failed ? { [form.failed]: values } : {},
      errors: form.errors,
    });
  }

  async function after(ctx: Context, id: number, outcome: ActionOutcome, done: string, values: ActionValues, form: string) {
    if (outcome.status === 'not-found') throw notFound('There is no comment with that number');
    if (outcome.status === 'invalid') return show(ctx, id, { values, errors: outcome.errors, failed: form });
    ctx.redirect(`/admin/comments/${id}?done=${done}`);
    ctx.status = 303;
  }

  router.get('/admin/comments/:id', async (ctx) => {
    await show(ctx, idParam(ctx.params.id));
  });

  router.post('/admin/comments/:id/refer', async (ctx) => {
    const id = idParam(ctx.params.id);
    const values = readActionForm(readForm(ctx));
    const found = await comments.inbox.get(id);
    if (!found) throw notFound('There is no comment with that number');
    const allowed = new Set((await comments.inbox.referralChoices(found.comment)).map((m) => m.id));
    await after(ctx, id, await comments.inbox.refer(id, values, allowed, ctx.state.user!), 'referred', values, 'refer');
  });

  router.post('/admin/comments/:id/respond', async (ctx) => {
    const id = idParam(ctx.params.id);
    const values = readActionForm(readForm(ctx));
    await after(ctx, id, await comments.inbox.respond(id, values, ctx.state.user!), 'responded', values, 'respond');
  });

  router.post('/admin/comments/:id/close', async (ctx) => {
    const id = idParam(ctx.params.id);
    const values = readActionForm(readForm(ctx));
    await after(ctx, id, await comments.inbox.close(id, values, ctx.state.user!), 'closed', values, 'close');
  });

  return router;
}
