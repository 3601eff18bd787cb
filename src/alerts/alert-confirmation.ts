import type nunjucks from 'nunjucks';
import type { OutgoingMail } from '../mail/outgoing-mail.ts';
import { CONFIRM_WITHIN_DAYS } from './alert-limits.ts';
import { oneLine } from './alert-links.ts';
import type { ScopeDescription } from './alert-scope.ts';

/**
 * The only message an unconfirmed address ever gets. It carries no manage or unsubscribe
 * link: until the link in it is followed there is nothing to unsubscribe from.
 */
export function buildConfirmation(
  input: { councilName: string; scope: ScopeDescription; confirmUrl: string },
  templates: nunjucks.Environment,
): Omit<OutgoingMail, 'to' | 'dedupeKey'> {
  const council = oneLine(input.councilName);
  const subject = `Confirm your email alerts from ${council}`;
  const text = [
    `Someone, we hope you, asked for email alerts from ${council} about decisions in its Forward Plan of Executive Decisions:`,
    '',
    `  ${input.scope.summary}`,
    '',
    'To start getting alerts, confirm your email address by opening this link:',
    input.confirmUrl,
    '',
    `The link works for ${CONFIRM_WITHIN_DAYS} days.`,
    `If you did not ask for these alerts, ignore this email: you will get no alerts, and your address will be deleted within ${CONFIRM_WITHIN_DAYS} days.`,
    '',
  ].join('\n');
  const html = templates.render('alerts/email/confirmation.njk', {
    council,
    subject,
    scope: input.scope,
    confirmUrl: input.confirmUrl,
    days: CONFIRM_WITHIN_DAYS,
  });
  return { subject, text, html, kind: 'alert-confirmation' };
}
