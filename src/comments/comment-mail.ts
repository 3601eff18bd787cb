import type nunjucks from 'nunjucks';
import type { DecisionStatus } from '../decisions/decisions.tables.ts';
import { formatLongDate } from '../lib/dates.ts';
import type { OutgoingMail } from '../mail/outgoing-mail.ts';

/*
 * The comment module's emails. Text a resident typed goes into the HTML versions only through
 * the templates, whose autoescape makes it inert; it never goes into a subject line.
 */

type Message = Omit<OutgoingMail, 'to'>;

export interface CommentMailContext {
  councilName: string;
  governanceEmail: string;
  governanceTelephone: string;
  baseUrl: string;
  responseWorkingDays: number;
  retentionMonths: number;
}

export interface CommentForMail {
  id: number;
  reference: string;
  body: string;
  name: string;
  receivedOn: string;
  dueOn: string;
  decision: { id: number; title: string; reference: string | null; status: DecisionStatus } | null;
  /** The Cabinet Member the person asked for, if any. */
  requestedResponder: string | null;
}

export interface OverdueItem {
  id: number;
  reference: string;
  receivedOn: string;
  dueOn: string;
  statusLabel: string;
  about: string;
  member: string;
}

/** One line, at most `max` characters: for subjects built from staff-entered titles. */
export function oneLine(text: string, max = 120): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

const FINISHED: Partial<Record<DecisionStatus, string>> = {
  taken: 'This decision has already been taken, so your comment cannot change it, but it will still be passed on and answered.',
  withdrawn: 'This decision has been withdrawn, so it will not be taken as planned, but your comment will still be passed on and answered.',
};

export function finishedDecisionNote(status: DecisionStatus | null | undefined): string | null {
  return (status && FINISHED[status]) ?? null;
}

function aboutLine(comment: CommentForMail): string {
  if (!comment.decision) return 'the Forward Plan in general';
  return comment.decision.reference ? `${comment.decision.title} (${comment.decision.reference})` : comment.decision.title;
}

function contactLine(ctx: CommentMailContext): string {
  const ways = [ctx.governanceEmail && `email ${ctx.governanceEmail}`, ctx.governanceTelephone && `telephone ${ctx.governanceTelephone}`].filter(Boolean);
  return ways.length ? `To ask about your comment, quote your reference and ${ways.join(' or ')}.` : 'To ask about your comment, quote your reference.';
}

export function buildAcknowledgement(comment: CommentForMail, ctx: CommentMailContext, templates: nunjucks.Environment): Message {
  const subject = `We have received your comment – ${comment.reference}`;
  const responder = comment.requestedResponder ? `${comment.requestedResponder}, as you asked,` : 'the relevant Cabinet Member';
  const finished = finishedDecisionNote(comment.decision?.status);
  const privacy =
    `We keep your name and contact details only to reply to you, and delete them ${ctx.retentionMonths} months after your comment is closed. ` +
    'Your comment and our response are kept without them as a record.';
  const text = [
    `Dear ${comment.name},`,
    '',
    `Thank you for your comment to ${ctx.councilName}. Your reference is ${comment.reference}.`,
    '',
    `About: ${aboutLine(comment)}`,
    ...(finished ? ['', finished] : []),
    '',
    `The governance team will pass it to ${responder} and make sure you get a response. We aim to respond by ${formatLongDate(comment.dueOn)} (${ctx.responseWorkingDays} working days).`,
    '',
    'What you sent:',
    '',
    comment.body,
    '',
    privacy,
    contactLine(ctx),
    '',
  ].join('\n');
  const html = templates.render('comments/email/acknowledgement.njk', {
    subject,
    council: ctx.councilName,
    comment,
    about: aboutLine(comment),
    responder,
    finished,
    dueOn: formatLongDate(comment.dueOn),
    workingDays: ctx.responseWorkingDays,
    privacy,
    contact: contactLine(ctx),
  });
  return { subject, text, html, kind: 'comment-ack', dedupeKey: `comment-ack-${comment.reference}` };
}

export function buildTeamNotification(comment: CommentForMail, ctx: CommentMailContext, templates: nunjucks.Environment): Message {
  const subject = `New comment ${comment.reference}: ${oneLine(comment.decision?.title ?? 'the Forward Plan in general', 100)}`;
  const inboxUrl = `${ctx.baseUrl}/admin/comments/${comment.id}`;
  const decisionUrl = comment.decision ? `${ctx.baseUrl}/decisions/${comment.decision.id}` : null;
  const text = [
    `A comment was received on ${formatLongDate(comment.receivedOn)}. Reference: ${comment.reference}.`,
    '',
    `About: ${aboutLine(comment)}${decisionUrl ? ` – ${decisionUrl}` : ''}`,
    ...(comment.decision && finishedDecisionNote(comment.decision.status) ? [`The decision is ${comment.decision.status}.`] : []),
    `Asked to respond: ${comment.requestedResponder ?? 'no preference (the relevant Cabinet Member)'}`,
    `Respond by: ${formatLongDate(comment.dueOn)}`,
    '',
    'The comment:',
    '',
    comment.body,
    '',
    `Contact details, and to refer and respond: ${inboxUrl}`,
    '',
  ].join('\n');
  const html = templates.render('comments/email/team-notification.njk', {
    subject,
    council: ctx.councilName,
    comment,
    about: aboutLine(comment),
    decisionUrl,
    decisionStatus: comment.decision && finishedDecisionNote(comment.decision.status) ? comment.decision.status : null,
    receivedOn: formatLongDate(comment.receivedOn),
    dueOn: formatLongDate(comment.dueOn),
    inboxUrl,
  });
  return { subject, text, html, kind: 'comment-received', dedupeKey: `comment-received-${comment.reference}` };
}

export function buildOverdueSummary(items: OverdueItem[], today: string, ctx: CommentMailContext, templates: nunjucks.Environment): Message {
  const count = items.length === 1 ? '1 comment is' : `${items.length} comments are`;
  const subject = `${count} waiting longer than ${ctx.responseWorkingDays} working days – ${formatLongDate(today)}`;
  const text = [
    `On ${formatLongDate(today)}, ${count} still waiting for a response after ${ctx.responseWorkingDays} working days:`,
    '',
    ...items.flatMap((item) => [
      `${item.reference} – due ${formatLongDate(item.dueOn)} (received ${formatLongDate(item.receivedOn)}), ${item.statusLabel.toLowerCase()}`,
      `  About: ${item.about}`,
      `  Cabinet Member: ${item.member}`,
      `  ${ctx.baseUrl}/admin/comments/${item.id}`,
      '',
    ]),
    `All overdue comments: ${ctx.baseUrl}/admin/comments?overdue=yes`,
    '',
  ].join('\n');
  const html = templates.render('comments/email/overdue-summary.njk', {
    subject,
    council: ctx.councilName,
    items: items.map((item) => ({ ...item, dueOn: formatLongDate(item.dueOn), receivedOn: formatLongDate(item.receivedOn) })),
    today: formatLongDate(today),
    count,
    workingDays: ctx.responseWorkingDays,
    baseUrl: ctx.baseUrl,
  });
  return { subject, text, html, kind: 'comment-overdue-summary', dedupeKey: `comment-overdue-summary-${today}` };
}
