import type { Context } from 'koa';
import { roleAtLeast } from '../../auth/roles.ts';
import type { FormErrors } from '../../http/forms.ts';
import type { Choice } from './decision-form.ts';

export function seeOther(ctx: Context, location: string): void {
  ctx.redirect(location);
  ctx.status = 303;
}

/** Publishers and admins record outcomes, exceptions and private notices. */
export function canRecord(ctx: Context): boolean {
  return ctx.state.user ? roleAtLeast(ctx.state.user.role, 'publisher') : false;
}

/** Items for govukSelect, with a first "choose" option so nothing is chosen by accident. */
export function selectItems(choices: Choice[], selected: string, prompt: string) {
  return [{ value: '', text: prompt }, ...choices.map((c) => ({ value: String(c.id), text: c.name, selected: String(c.id) === selected }))];
}

export function checkboxItems(choices: Choice[], selected: string[]) {
  return choices.map((c) => ({ value: String(c.id), text: c.name, checked: selected.includes(String(c.id)) }));
}

/**
 * A refusal that is not about one field (the decision changed, or its state forbids the
 * action): the summary links to the page's heading.
 */
export function pageProblem(message: string): FormErrors | Record<string, string> {
  return { 'page-heading': message };
}
