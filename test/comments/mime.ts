/** The decoded text/html part of a raw RFC 822 message as the SMTP sink received it. */
export function htmlPart(raw: string): string | undefined {
  const normalised = raw.replace(/\r\n/g, '\n');
  const parts = normalised.split(/\n--[^\n]+\n/);
  for (const part of parts) {
    const split = part.indexOf('\n\n');
    const head = part.slice(0, split).toLowerCase();
    if (!head.includes('content-type: text/html')) continue;
    const body = part.slice(split + 2);
    if (head.includes('content-transfer-encoding: base64')) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (head.includes('content-transfer-encoding: quoted-printable')) {
      const bytes = body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    }
    return body;
  }
  return undefined;
}
