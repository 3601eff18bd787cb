import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  recipients: string[];
  raw: string;
  /** Lower-cased header name → unfolded value (the first, if repeated). */
  headers: Map<string, string>;
  body: string;
}

/** Splits an RFC 822 message into unfolded headers and body. */
export function parseMessage(raw: string): { headers: Map<string, string>; body: string } {
  const normalised = raw.replace(/\r\n/g, '\n');
  const split = normalised.indexOf('\n\n');
  const head = normalised.slice(0, split).replace(/\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\n')) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body: normalised.slice(split + 2) };
}

/**
 * A real SMTP server on a free port, without AUTH or STARTTLS, that keeps what it receives.
 * It can refuse recipients with a given reply code, and slow down to make drains overlap.
 */
export async function startSmtpSink(options: { delayMs?: number } = {}) {
  const received: ReceivedMail[] = [];
  const refusals: number[] = [];
  let refuseAlways: number | undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      const code = refusals.shift() ?? refuseAlways;
      if (code === undefined) return callback();
      const error = new Error(code >= 500 ? 'No such mailbox here' : 'Try again later') as Error & { responseCode: number };
      error.responseCode = code;
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const finish = () => {
          received.push({ recipients: session.envelope.rcptTo.map((r) => r.address), raw, ...parseMessage(raw) });
          callback();
        };
        if (options.delayMs) setTimeout(finish, options.delayMs);
        else finish();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Refuse the next recipients, one reply code each. */
    refuseNext: (...codes: number[]) => refusals.push(...codes),
    refuseEveryone: (code: number | undefined) => (refuseAlways = code),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
