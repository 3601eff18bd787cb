const MINUTE = 60_000;
const LONGEST_WAIT = 60 * MINUTE;

/** Wait before the next attempt after `attempts` failed ones: 1, 2, 4 … minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  const doublings = Math.max(0, attempts - 1);
  return Math.min(LONGEST_WAIT, MINUTE * 2 ** Math.min(doublings, 30));
}

interface SmtpError {
  code?: unknown;
  command?: unknown;
  responseCode?: unknown;
}

/**
 * A 5xx answer to RCPT TO means the server will never take mail for that address, so retrying
 * only delays the failure. Everything else (connection refused, 4xx, a 5xx on authentication
 * or DATA) may be the service's own misconfiguration or a passing fault, and is retried.
 */
export function isPermanentFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, command, responseCode } = error as SmtpError;
  return code === 'EENVELOPE' && command === 'RCPT TO' && typeof responseCode === 'number' && responseCode >= 500;
}

export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 1000 ? `${text.slice(0, 1000)}…` : text;
}
