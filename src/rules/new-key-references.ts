/*
 * The council's key decision references, KEY/DDMONYY/NN: the plan's "key decisions from" date
 * and the decision's place in that plan's series (KEY/25MAR24/01 is the first new key decision
 * of the plan whose key decisions run from 25 March 2024). Older plans wrote the date loosely
 * (KEY/3JUL23, KEY/11MARCH24); new references always use two-digit days and three-letter months,
 * and old ones are kept exactly as they were published.
 */
import { MONTHS, parts } from '../lib/dates.ts';
import { assertIsoDate, assertWholeNumber } from './validate.ts';

function seriesPrefix(keyDecisionsFrom: string): string {
  assertIsoDate(keyDecisionsFrom, 'keyDecisionsFrom');
  const { year, month, day } = parts(keyDecisionsFrom);
  const mon = (MONTHS[month - 1] ?? '').slice(0, 3).toUpperCase();
  return `KEY/${String(day).padStart(2, '0')}${mon}${String(year % 100).padStart(2, '0')}/`;
}

/** Sequence numbers keep two digits (01…99) and simply grow past 99 (100, 101…). */
export function formatKeyReference(keyDecisionsFrom: string, sequence: number): string {
  assertWholeNumber(sequence, 'sequence', 1);
  return `${seriesPrefix(keyDecisionsFrom)}${String(sequence).padStart(2, '0')}`;
}

/**
 * The next `count` references of the plan's series. They continue after the highest sequence
 * already used, never filling gaps: a reference stays attached to its decision even when that
 * decision is withdrawn, so handing it out again would make two decisions share it.
 * `taken` may hold references from any series; only this plan's count.
 */
export function nextKeyReferences(keyDecisionsFrom: string, taken: Iterable<string>, count: number): string[] {
  assertWholeNumber(count, 'count', 0);
  const prefix = seriesPrefix(keyDecisionsFrom);
  let highest = 0;
  for (const reference of taken) {
    const normalised = reference.trim().toUpperCase();
    if (!normalised.startsWith(prefix)) continue;
    const sequence = normalised.slice(prefix.length);
    if (/^\d+$/.test(sequence)) highest = Math.max(highest, Number(sequence));
  }
  return Array.from({ length: count }, (_, i) => formatKeyReference(keyDecisionsFrom, highest + 1 + i));
}
