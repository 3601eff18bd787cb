export interface HeldPortfolio {
  id: number;
  title: string;
  starts_on: string | null;
  ends_on: string | null;
}

/**
 * The portfolio a member held on a date (open-ended ranges count), latest start first, then the
 * newest: what reference-data.repository's portfolioOn asks the database, for portfolios already read.
 * With no date, any of them.
 */
export function portfolioHeldOn(portfolios: readonly HeldPortfolio[], date: string | null): { id: number; title: string } | undefined {
  const held = portfolios.filter(
    (p) => date === null || ((p.starts_on === null || p.starts_on <= date) && (p.ends_on === null || p.ends_on >= date)),
  );
  held.sort((a, b) => {
    if (a.starts_on !== b.starts_on) {
      if (a.starts_on === null) return 1;
      if (b.starts_on === null) return -1;
      return a.starts_on < b.starts_on ? 1 : -1;
    }
    return b.id - a.id;
  });
  const first = held[0];
  return first ? { id: first.id, title: first.title } : undefined;
}
