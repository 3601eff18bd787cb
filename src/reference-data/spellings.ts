import { normaliseSpelling } from '../lib/text.ts';

/*
 * How the free-text columns of a printed plan name wards, committees and decision makers.
 * These are rules of English as councils write it, not data: the spellings themselves are
 * resolved through the alias table.
 */

const ALL_WARDS = new Set(['all', 'all wards', 'city wide', 'citywide', 'whole city', 'borough wide', 'boroughwide', 'all areas']);
const NO_WARDS = new Set(['', 'n a', 'na', 'none', 'not applicable', 'no wards', 'not ward specific']);

export type WardsText = { scope: 'all' } | { scope: 'none' } | { scope: 'listed'; segments: string[] };

/** 'Fletton & Stanground Ward and Central Ward' → segments ['Fletton & Stanground Ward', 'Central Ward']. */
export function splitWards(text: string): WardsText {
  const normalised = normaliseSpelling(text);
  if (ALL_WARDS.has(normalised)) return { scope: 'all' };
  if (NO_WARDS.has(normalised)) return { scope: 'none' };
  // '&' joins words inside one ward's name ('Fletton & Stanground'), so only 'and', commas,
  // semicolons and line breaks separate wards; wardKey() puts back names that contain 'and'.
  const segments = text
    .split(/\s*(?:[,;\n]|\band\b)\s*/i)
    .map((s) => s.trim().replace(/\.$/, ''))
    .filter((s) => s !== '');
  return { scope: 'listed', segments };
}

/** The alias key of a ward name: 'Central Ward' and 'central' are the same ward. */
export function wardKey(text: string): string {
  return normaliseSpelling(text).replace(/\s+wards?$/, '');
}

/** One or (occasionally) two committees: split only where a committee's name ends. */
export function splitCommittees(text: string): string[] {
  return text
    .split(/(?<=committee)\s*(?:,|;|&|\band\b|\n|\/)\s*/i)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export interface MakerText {
  cabinet: boolean;
  /** The person's name as printed, titles removed ('Gavin Eley', 'Howard'). */
  name: string;
  portfolio: string;
}

const TITLE = String.raw`(?:cllr\.?|councillor|cll?r)`;

/**
 * 'Cllr Ray Bisby, Cabinet Member for Children's Services',
 * 'Councillor John Howard - Deputy Leader and Cabinet Member for …',
 * 'Cabinet Member for Infrastructure … - Councillor Gavin Elsey', 'Cabinet'.
 */
export function splitDecisionMaker(text: string): MakerText {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (/^(the )?cabinet$/i.test(trimmed)) return { cabinet: true, name: 'Cabinet', portfolio: '' };
  const nameFirst = new RegExp(String.raw`^${TITLE}\s+(.+?)\s*(?:,|\s[-–]\s)\s*(.+)$`, 'i').exec(trimmed);
  if (nameFirst) return { cabinet: false, name: nameFirst[1]!.trim(), portfolio: nameFirst[2]!.trim() };
  const portfolioFirst = new RegExp(String.raw`^(.+?)\s*(?:,|\s[-–]\s)\s*${TITLE}\s+(.+)$`, 'i').exec(trimmed);
  if (portfolioFirst) return { cabinet: false, name: portfolioFirst[2]!.trim(), portfolio: portfolioFirst[1]!.trim() };
  const titleOnly = new RegExp(String.raw`^${TITLE}\s+(.+)$`, 'i').exec(trimmed);
  if (titleOnly) return { cabinet: false, name: titleOnly[1]!.trim(), portfolio: '' };
  return { cabinet: false, name: trimmed, portfolio: '' };
}

/** The Schedule 12A paragraph a notice cites ('By virtue of paragraph 3', 'Paragraph 3 of Part 1'). */
export function exemptParagraphIn(text: string): number | null {
  const match = /paragraphs?\s+([1-7])\b/i.exec(text);
  return match ? Number(match[1]) : null;
}
