import type { Context } from 'koa';
import type { Clock } from '../../lib/clock.ts';
import type { ChangeAuthor } from './reference-data-changes.repository.ts';
import { REFERENCE_HOME, type KindPage } from './reference-data-kinds.ts';

/** The signed-in administrator making a change (adminRouter has already refused anyone else). */
export function authorOf(ctx: Context, clock: Clock): ChangeAuthor {
  return { userId: ctx.state.user!.id, source: 'staff', clock };
}

/** Post/redirect/get: a 303 so that reloading the page does not send the form again. */
export function seeOther(ctx: Context, url: string): void {
  ctx.redirect(url);
  ctx.status = 303;
}

export interface Crumb {
  text: string;
  href: string;
}

export function crumbs(page?: KindPage, entity?: { id: number; name: string }): Crumb[] {
  const list: Crumb[] = [
    { text: 'Staff home', href: '/admin' },
    { text: 'Reference data', href: REFERENCE_HOME },
  ];
  if (page) list.push({ text: page.plural, href: `${REFERENCE_HOME}/${page.segment}` });
  if (page && entity) list.push({ text: entity.name, href: `${REFERENCE_HOME}/${page.segment}/${entity.id}` });
  return list;
}

const DONE: Record<string, (page?: KindPage) => string> = {
  created: (page) => `The ${page?.singular ?? 'entry'} has been added.`,
  saved: () => 'Your changes have been saved.',
  reviewed: () => 'Marked as reviewed: it is off the review queue.',
  'spelling-added': () => 'Spelling added. The next import will file it here.',
  'spelling-removed': () => 'Spelling removed. The next import will no longer recognise it.',
  merged: (page) => `The duplicate has been merged into this ${page?.singular ?? 'entry'}: its decisions and spellings are now here.`,
  'portfolio-added': () => 'Portfolio added.',
  'portfolio-saved': () => 'Portfolio saved.',
  'portfolio-ended': () => 'Portfolio ended.',
  council: () => 'The council’s details have been saved. Public pages show them within a minute.',
  settings: () => 'The council’s settings have been saved. The rules, explanations and form hints use them now.',
};

/** The success banner for `?done=…` after a redirect, or undefined. */
export function doneMessage(ctx: Context, page?: KindPage): string | undefined {
  const key = typeof ctx.query.done === 'string' ? ctx.query.done : '';
  return DONE[key]?.(page);
}
