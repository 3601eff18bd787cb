import { parseMessage, type ReceivedMail } from '../mail/smtp-sink.ts';

/*
 * Just enough MIME to read what nodemailer sends: a multipart/alternative with a text and an
 * HTML part, each quoted-printable, base64 or 7bit, in UTF-8.
 */

function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

export interface ReadableMail {
  to: string[];
  subject: string;
  headers: Map<string, string>;
  text: string;
  html: string | undefined;
  /** The message as received, encoded. */
  raw: string;
}

/** Decodes RFC 2047 encoded-words in a header (nodemailer uses them for non-ASCII subjects). */
function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, kind: string, text: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : decodeQuotedPrintable(text.replace(/_/g, ' ')),
  );
}

export function readMail(mail: ReceivedMail): ReadableMail {
  const contentType = mail.headers.get('content-type') ?? 'text/plain';
  const parts: { type: string; body: string }[] = [];
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (boundary) {
    for (const chunk of mail.body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--')) break;
      const part = parseMessage(chunk.replace(/^\r?\n/, ''));
      parts.push({ type: part.headers.get('content-type') ?? '', body: decodeBody(part.headers, part.body) });
    }
  } else {
    parts.push({ type: contentType, body: decodeBody(mail.headers, mail.body) });
  }
  return {
    to: mail.recipients,
    subject: decodeHeader(mail.headers.get('subject') ?? ''),
    headers: mail.headers,
    text: parts.find((p) => p.type.startsWith('text/plain'))?.body ?? '',
    html: parts.find((p) => p.type.startsWith('text/html'))?.body,
    raw: mail.raw,
  };
}
