import { MONTHS } from '../lib/dates.ts';

/*
 * Key decision references are kept as printed ('KEY/3JUL23/01', 'KEY/11MARCH24/07',
 * 'KEY/19SEPT16/01', 'KEY/03JUL/11'), and compared in one canonical form, KEY/DDMONYY/NN,
 * so that a search finds them however they were typed.
 */

const KEY_REFERENCE = /^KEY\s*\/\s*(\d{1,2})\s*([A-Z]+)\s*(\d{2}|\d{4})?\s*\/\s*(\d{1,3})$/;
const PARTIAL_KEY_REFERENCE = /^KEY\s*\/\s*(\d{1,2})\s*([A-Z]+)\s*(\d{2}|\d{4})?\s*\/?$/;

function monthAbbreviation(word: string): string | undefined {
  if (word.length < 3) return undefined;
  const month = MONTHS.find((m) => m.toUpperCase().startsWith(word) || word.startsWith(m.toUpperCase()));
  if (month) return month.slice(0, 3).toUpperCase();
  return word === 'SEPT' ? 'SEP' : undefined;
}

function datePart(day: string, monthWord: string, year: string | undefined): string | undefined {
  const month = monthAbbreviation(monthWord);
  if (!month) return undefined;
  return `${day.padStart(2, '0')}${month}${year ? year.slice(-2) : ''}`;
}

/** The canonical form of a reference; anything not shaped like a key reference is only tidied. */
export function canonicalReference(raw: string): string {
  const tidy = raw.normalize('NFKC').trim().toUpperCase().replace(/\s+/g, '');
  const match = KEY_REFERENCE.exec(tidy);
  if (!match) return tidy;
  const [, day, monthWord, year, sequence] = match as unknown as [string, string, string, string | undefined, string];
  const date = datePart(day, monthWord, year);
  return date ? `KEY/${date}/${sequence.padStart(2, '0')}` : tidy;
}

/** For search: a full reference matches exactly, 'KEY/11MAR24' matches the whole series. */
export function referenceSearch(raw: string): { exact: string } | { prefix: string } | null {
  const tidy = raw.normalize('NFKC').trim().toUpperCase().replace(/\s+/g, '');
  if (KEY_REFERENCE.test(tidy)) return { exact: canonicalReference(tidy) };
  const partial = PARTIAL_KEY_REFERENCE.exec(tidy);
  if (partial) {
    const [, day, monthWord, year] = partial as unknown as [string, string, string, string | undefined];
    const date = datePart(day, monthWord, year);
    if (date) return { prefix: `KEY/${date}/` };
  }
  return null;
}

export function looksLikeReference(token: string): boolean {
  return /^KEY\s*\//i.test(token.trim());
}
