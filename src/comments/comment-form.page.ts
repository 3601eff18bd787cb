import type { Context } from 'koa';
import type { PublicDecision } from '../decisions/decision.view.ts';
import { renderForm, type FormErrors } from '../http/forms.ts';
import type { CabinetMember } from './cabinet-members.repository.ts';
import { COMMENT_LIMITS, type CommentFormValues } from './comment-form.ts';
import { finishedDecisionNote } from './comment-mail.ts';

export const EMPTY_FORM: CommentFormValues = { decision: '', comment: '', name: '', email: '', telephone: '', address: '', responder: '' };

export interface CommentFormPage {
  decision: PublicDecision | null;
  members: CabinetMember[];
  values: CommentFormValues;
  errors?: FormErrors;
  /** A refusal that is not about one field (rate limit, database down), with the status to answer. */
  problem?: { status: 429 | 503; title: string; text: string };
  settings: { workingDays: number; retentionMonths: number };
}

function responderItems(members: CabinetMember[], chosen: string) {
  const items: Record<string, unknown>[] = [
    { value: '', text: 'No preference: the relevant Cabinet Member', checked: chosen === '' },
    { divider: 'or' },
  ];
  for (const m of members) items.push({ value: String(m.id), text: `Councillor ${m.name}`, hint: { text: m.portfolio }, checked: chosen === String(m.id) });
  // Chosen from a list that could not be read again (database down): keep the choice.
  if (chosen !== '' && !members.some((m) => String(m.id) === chosen)) {
    items.push({ value: chosen, text: 'The Cabinet Member you chose', checked: true });
  }
  return items;
}

/** The comment form, blank or with what the person typed and what is wrong with it. */
export function renderCommentForm(ctx: Context, page: CommentFormPage): void {
  const title = page.decision ? `Comment on ${page.decision.title}` : 'Comment on the Forward Plan';
  renderForm(ctx, 'comments/new.njk', {
    pageTitle: page.problem ? `Error: ${title}` : title,
    decision: page.decision,
    finishedNote: finishedDecisionNote(page.decision?.status),
    values: { ...page.values },
    errors: page.errors,
    problem: page.problem,
    responderItems: responderItems(page.members, page.values.responder),
    limits: COMMENT_LIMITS,
    workingDays: page.settings.workingDays,
    retentionMonths: page.settings.retentionMonths,
  });
  if (page.problem) ctx.status = page.problem.status;
  // The form may hold what the person typed: keep it out of shared caches and the back-forward cache's disk copies.
  ctx.set('Cache-Control', 'no-store');
}
