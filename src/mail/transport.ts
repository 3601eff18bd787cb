import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../config/config.ts';

/** One outbox message as the transport needs it; `id` is the outbox row's id. */
export interface MailToSend {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
}

export interface MailTransport {
  send(message: MailToSend): Promise<{ messageId: string }>;
}

export type MailTransportConfig = Pick<Config, 'smtpUrl' | 'mailFrom' | 'baseUrl' | 'dataDir'>;

// nodemailer's own socket timeout is ten minutes; a send must finish well inside the outbox lease.
const SMTP_TIMEOUTS = { connectionTimeout: '30000', greetingTimeout: '30000', socketTimeout: '60000' };

/**
 * SMTP when SMTP_URL is set; otherwise each message becomes an RFC 822 file in DATA_DIR/mail,
 * so development and demonstrations need no mail server.
 */
export function createMailTransport(config: MailTransportConfig): MailTransport {
  const compose = composer(config);
  if (config.smtpUrl) {
    const smtp = nodemailer.createTransport(withTimeouts(config.smtpUrl));
    return {
      async send(message) {
        const info = await smtp.sendMail(compose(message));
        return { messageId: info.messageId };
      },
    };
  }
  const folder = path.join(config.dataDir, 'mail');
  const files = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(message) {
      const info = await files.sendMail(compose(message));
      await mkdir(folder, { recursive: true });
      // Written beside, then renamed, so a mail client never opens half a message. A resend
      // after a crash overwrites the same file: it is the same message.
      const file = path.join(folder, `outbox-${message.id}.eml`);
      await writeFile(`${file}.partial`, info.message);
      await rename(`${file}.partial`, file);
      return { messageId: info.messageId };
    },
  };
}

function composer(config: MailTransportConfig) {
  const host = new URL(config.baseUrl).hostname;
  return (message: MailToSend) => ({
    from: config.mailFrom,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html === null ? {} : { html: message.html }),
    // RFC 3834: tells autoresponders not to answer; a caller may still say otherwise.
    headers: { 'Auto-Submitted': 'auto-generated', ...message.headers },
    // Derived from the outbox row, so a resend after a crash is recognisably the same message.
    messageId: `<outbox-${message.id}@${host}>`,
  });
}

function withTimeouts(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  for (const [name, value] of Object.entries(SMTP_TIMEOUTS)) {
    if (!url.searchParams.has(name)) url.searchParams.set(name, value);
  }
  return url.href;
}
