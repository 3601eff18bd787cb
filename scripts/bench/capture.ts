import { get } from 'node:http';
import type { CapturedResponse } from './bare-server.ts';

/** What a browser or feed reader sends: the bytes measured are the compressed ones they receive. */
export const CLIENT_HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

// Per connection or per moment: the bare server writes its own.
const NOT_REPLAYED = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/** One response as the service answered it, headers and bytes, for the bare server to replay. */
export function capture(baseUrl: string, path: string): Promise<CapturedResponse & { status: number }> {
  return new Promise((resolve, reject) => {
    const req = get(`${baseUrl}${path}`, { headers: CLIENT_HEADERS, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (NOT_REPLAYED.has(name) || value === undefined) continue;
          headers[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({ path, status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('base64') });
      });
    });
    req.setTimeout(120_000, () => req.destroy(new Error(`${path}: no answer in 120 s`)));
    req.on('error', reject);
  });
}
