/*
 * The columns of a plan entry as the printed plan words them, built from a decision's current
 * data. Every value goes through cleanText, as the import does, so that a plan exported as CSV
 * and imported again reads back exactly as it was published.
 */
import type { DatePrecision, Part, WardScope } from '../decisions/decisions.tables.ts';
import { parseExpectedDate } from '../decisions/expected-date.ts';
import { SCHEDULE_12A } from '../decisions/labels.ts';
import { formatLongDate, formatMonth } from '../lib/dates.ts';
import { cleanText } from '../lib/text.ts';
import { exemptParagraphIn } from '../reference-data/spellings.ts';

/** 'Cabinet', or 'Cllr Gavin Elsey, Cabinet Member for Infrastructure…' as the plan prints a member. */
export function decisionMakerText(maker: { kind: 'cabinet' | 'member'; name: string; portfolio: string | null }): string {
  if (maker.kind === 'cabinet') return cleanText(maker.name);
  const name = /^(cllr\.?|councillor)\s/i.test(maker.name.trim()) ? maker.name.trim() : `Cllr ${maker.name.trim()}`;
  const portfolio = maker.portfolio?.trim();
  return cleanText(portfolio ? `${name}, ${portfolio}` : name);
}

/**
 * The "date decision expected" column. The wording staff typed is kept while it still means the
 * decision's date when read in this plan ('17 June' printed in February is June this year, but
 * in a plan published in July it would be June next year); otherwise the date is written out in
 * full, with the note ('For Consideration') when that reads back unchanged.
 */
export function expectedDateText(
  expected: { date: string; precision: DatePrecision; text: string; note: string },
  publishedOn: string,
): string {
  const base = expected.precision === 'month' ? formatMonth(expected.date) : formatLongDate(expected.date);
  const candidates = [expected.text, expected.note ? `${base} ${expected.note}` : base, base];
  for (const candidate of candidates.map(cleanText)) {
    if (candidate === '') continue;
    const read = parseExpectedDate(candidate, publishedOn);
    if (read.ok && read.date === expected.date && read.precision === expected.precision && read.note === expected.note) {
      return candidate;
    }
  }
  return base;
}

/** Part 4's "date decision taken". */
export function takenDateText(takenOn: string): string {
  return formatLongDate(takenOn);
}

/** One committee a line, as in the printed plan's cells. */
export function committeesText(names: string[]): string {
  return cleanText(names.join('\n'));
}

/** The wards as staff wrote them; failing that, as the ward links say. */
export function wardsText(wards: { scope: WardScope; text: string; names: string[] }): string {
  if (wards.text.trim() !== '') return cleanText(wards.text);
  if (wards.scope === 'all') return 'All Wards';
  if (wards.scope === 'none' || wards.names.length === 0) return 'N/A';
  return cleanText(wards.names.join(', '));
}

/**
 * A Part 2 entry is the regulation 5 notice: it must say why the decision is to be taken in
 * private. When the documents column does not already cite the Schedule 12A paragraph, the
 * paragraph and the (public) reason are added. Never the exempt information itself.
 */
export function documentsText(part: Part, documents: string, exemption: { paragraph: number | null; reason: string }): string {
  const text = cleanText(documents);
  if (part !== 'private' || exemption.paragraph === null || exemptParagraphIn(text) === exemption.paragraph) return text;
  const description = SCHEDULE_12A[exemption.paragraph];
  const notice = [
    `Exempt information under paragraph ${exemption.paragraph} of Part 1 of Schedule 12A to the Local Government Act 1972${description ? ` (${description})` : ''}.`,
    cleanText(exemption.reason),
  ].filter((line) => line !== '').join(' ');
  return text === '' ? notice : `${text}\n${notice}`;
}
