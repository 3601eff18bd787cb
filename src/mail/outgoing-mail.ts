import { isEmailAddress } from '../lib/email-address.ts';

/** A message as the rest of the service hands it to the outbox. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** Extra headers such as List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string>;
  /** What caused the message, in kebab case: 'alert-digest', 'alert-confirmation', 'comment-ack'. */
  kind: string;
  /** The same key never queues a second copy, even across retries of the job that made it. */
  dedupeKey?: string | null;
}

const KIND = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const HEADER_NAME = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
const LINE_BREAK = /[\r\n]/;

// The transport writes these from the outbox row itself; a caller overriding them would break
// threading, the stable Message-ID or the envelope.
const RESERVED_HEADERS = new Set(['from', 'to', 'cc', 'bcc', 'subject', 'message-id', 'date', 'sender', 'reply-to-all']);

/**
 * Refuses a message that could never be delivered or that would inject headers. These are
 * programming errors (addresses are validated where people type them), so it throws.
 */
export function assertValidOutgoingMail(message: OutgoingMail): void {
  const problems: string[] = [];
  if (!isEmailAddress(message.to)) problems.push('"to" must be one plain email address');
  if (message.subject.trim() === '' || LINE_BREAK.test(message.subject)) {
    problems.push('"subject" must be one non-empty line');
  }
  if (!KIND.test(message.kind)) problems.push('"kind" must be lower-case words joined by hyphens');
  if (message.dedupeKey === '') problems.push('"dedupeKey" must be omitted or non-empty');
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (!HEADER_NAME.test(name)) problems.push(`header name "${name}" is not a valid header name`);
    else if (RESERVED_HEADERS.has(name.toLowerCase())) problems.push(`header "${name}" is set by the mailer`);
    if (typeof value !== 'string' || LINE_BREAK.test(value)) problems.push(`header "${name}" must be one line of text`);
  }
  if (problems.length > 0) throw new Error(`Cannot queue mail: ${problems.join('; ')}`);
}
