import { formatLongDate } from '../../lib/dates.ts';

/** A portfolio's period; a null start means "held before records began", a null end "still held". */
export interface PortfolioPeriod {
  startsOn: string | null;
  endsOn: string | null;
}

export interface HeldPortfolio extends PortfolioPeriod {
  id: number;
  title: string;
}

export const MAX_TITLE_LENGTH = 200;

/** Both ends inclusive: a portfolio ending on 5 May and one starting on 5 May overlap. */
export function periodsOverlap(a: PortfolioPeriod, b: PortfolioPeriod): boolean {
  const startsBeforeOtherEnds = (x: PortfolioPeriod, y: PortfolioPeriod) => x.startsOn === null || y.endsOn === null || x.startsOn <= y.endsOn;
  return startsBeforeOtherEnds(a, b) && startsBeforeOtherEnds(b, a);
}

export function describePeriod(p: PortfolioPeriod): string {
  if (p.startsOn && p.endsOn) return `from ${formatLongDate(p.startsOn)} to ${formatLongDate(p.endsOn)}`;
  if (p.startsOn) return `from ${formatLongDate(p.startsOn)}, with no end date`;
  if (p.endsOn) return `until ${formatLongDate(p.endsOn)}`;
  return 'with no start or end date';
}

/**
 * A person holds one portfolio at a time: the import files a printed decision under the
 * portfolio held on its expected date, which must therefore be a single one. A combined role is
 * one title ('Deputy Leader and Cabinet Member for Finance'), as councils print it.
 * Returns the portfolio this period would overlap, if any.
 */
export function overlappingPortfolio(period: PortfolioPeriod, others: HeldPortfolio[], exceptId?: number): HeldPortfolio | undefined {
  return others.find((other) => other.id !== exceptId && periodsOverlap(period, other));
}

export function overlapMessage(other: HeldPortfolio): string {
  return `These dates overlap ‘${other.title}’ (${describePeriod(other)}): end that portfolio first, or choose dates that do not overlap`;
}

export function titleProblem(title: string): string | undefined {
  if (title === '') return 'Enter the title of the portfolio';
  if (title.length > MAX_TITLE_LENGTH) return `The title must be ${MAX_TITLE_LENGTH} characters or fewer`;
  return undefined;
}
