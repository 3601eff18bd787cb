/*
 * Whole pounds, as the plan prints money and as staff type it into a form.
 */

/** '£500,000'. */
export function formatPounds(pounds: number): string {
  return `£${pounds.toLocaleString('en-GB')}`;
}

export type PoundsReading = { ok: true; pounds: number } | { ok: false; problem: 'not-whole-pounds' | 'too-large' };

/**
 * What someone typed as an amount in whole pounds: '500000', '500,000', '£500,000' and ' 500 000 '
 * all read as 500000. Pence, decimals, minus signs and words are refused rather than guessed at.
 */
export function readWholePounds(text: string, most: number): PoundsReading {
  const plain = text.replace(/^£/, '').replace(/[\s,]/g, '');
  if (!/^\d{1,16}$/.test(plain)) return { ok: false, problem: 'not-whole-pounds' };
  const pounds = Number(plain);
  return pounds > most ? { ok: false, problem: 'too-large' } : { ok: true, pounds };
}
