import type { Config } from '../config/config.ts';
import type { Db } from '../db/create-db.ts';
import type { Clock } from '../lib/clock.ts';
import {
  claimNextDueMail,
  enqueueMail,
  forgetRecipient,
  markMailFailed,
  markMailForRetry,
  markMailSent,
  purgeFinishedMail,
  type ClaimedMail,
  type MailExecutor,
} from './outbox.repository.ts';
import type { OutgoingMail } from './outgoing-mail.ts';
import { describeError, isPermanentFailure, retryDelayMs } from './retry.ts';
import { createMailTransport, type MailTransport } from './transport.ts';

export interface DrainOptions {
  db: Db;
  transport: MailTransport;
  clock: Clock;
  /** Most messages one run sends; the rest wait for the next run. */
  batchSize?: number;
  /** How long a claim holds a message; must outlast one send (SMTP timeouts are 30–60 s). */
  leaseSeconds?: number;
  maxAttempts?: number;
}

export interface DrainResult {
  sent: number;
  failed: number;
  retried: number;
}

/**
 * Sends what is due. Messages are claimed one at a time, each in its own short statement, and
 * sent outside any transaction, so a slow SMTP server holds no locks and a lease only has to
 * cover one send. A failing message is logged and rescheduled; only a database error throws.
 */
export async function drainOutbox(options: DrainOptions): Promise<DrainResult> {
  const { db, transport, clock, batchSize = 100, leaseSeconds = 300, maxAttempts = 8 } = options;
  const result: DrainResult = { sent: 0, failed: 0, retried: 0 };
  for (let count = 0; count < batchSize; count++) {
    const now = clock.now();
    const claimed = await claimNextDueMail(db, now, new Date(now.getTime() + leaseSeconds * 1000));
    if (!claimed) break;
    result[await deliver(db, transport, clock, claimed, maxAttempts)] += 1;
  }
  return result;
}

async function deliver(
  db: Db,
  transport: MailTransport,
  clock: Clock,
  mail: ClaimedMail,
  maxAttempts: number,
): Promise<keyof DrainResult> {
  // Addresses are personal data: logs name the outbox id and kind, never the recipient.
  const label = `mail ${mail.id} (${mail.kind})`;
  let failure: { error: unknown } | undefined;
  try {
    await transport.send(mail);
  } catch (error) {
    failure = { error };
  }
  // Outside the try: a database error while marking must not pass for a failed send.
  let outcome: keyof DrainResult;
  let marked: boolean;
  if (!failure) {
    outcome = 'sent';
    marked = await markMailSent(db, mail, clock.now());
  } else {
    const reason = describeError(failure.error);
    if (isPermanentFailure(failure.error) || mail.attempts >= maxAttempts) {
      console.error(`${label} failed for good after ${mail.attempts} attempt(s): ${reason}`);
      outcome = 'failed';
      marked = await markMailFailed(db, mail, reason);
    } else {
      const retryAt = new Date(clock.now().getTime() + retryDelayMs(mail.attempts));
      console.warn(`${label} attempt ${mail.attempts} failed, retrying at ${retryAt.toISOString()}: ${reason}`);
      outcome = 'retried';
      marked = await markMailForRetry(db, mail, retryAt, reason);
    }
  }
  if (!marked) console.warn(`${label}: the claim was lost during the attempt (lease ran out and another drain took it, or it was deleted)`);
  return outcome;
}

const DAY = 86_400_000;

/** What the rest of the service uses to send mail; registered as `deps.mail`. */
export function createMailer(config: Config, db: Db, clock: Clock, transport: MailTransport = createMailTransport(config)) {
  return {
    /** Queue inside the transaction that makes the change the message reports. */
    enqueue: (executor: MailExecutor, message: OutgoingMail) => enqueueMail(executor, message),
    drain: (options: { batchSize?: number; leaseSeconds?: number } = {}) =>
      drainOutbox({ db, transport, clock, maxAttempts: config.mailMaxAttempts, ...options }),
    /** Deletes sent and failed mail older than MAIL_KEEP_DAYS. */
    purge: () => purgeFinishedMail(db, new Date(clock.now().getTime() - config.mailKeepDays * DAY)),
    /** Deletes all mail, queued or sent, to one address (unsubscribe, erasure requests). */
    forget: (executor: MailExecutor, address: string) => forgetRecipient(executor, address),
  };
}

export type Mailer = ReturnType<typeof createMailer>;
