import type { DecisionRow } from '../decisions/decisions.tables.ts';
import { PlanFileError, type PlanRow } from './plan-csv.ts';

export interface RecordedDecisions {
  byKey: DecisionRow[];
  /** Unreferenced decisions, with the database's lower() of their title. */
  byTitle: (DecisionRow & { title_key: string })[];
}

/**
 * The recorded decision each row of a plan names, or undefined for a new one: a row with a
 * reference names the decision with that reference key; a row without one names the oldest
 * unreferenced decision with its title, ignoring case. Exactly what looking the rows up one at a
 * time, creating each new decision before the next lookup, would find; so a title that two
 * unreferenced rows share is refused at the second of them, as the same decision listed twice.
 * `lowerTitles[i]` is the database's lower() of row i's title, which those lookups compared
 * with JavaScript's lower case of the later row's.
 */
export function matchRows(rows: PlanRow[], recorded: RecordedDecisions, lowerTitles: string[]): (DecisionRow | undefined)[] {
  const byKey = new Map(recorded.byKey.map((d) => [d.reference_key, d]));
  const byTitle = new Map<string, DecisionRow>();
  for (const decision of [...recorded.byTitle].sort((a, b) => a.id - b.id)) {
    if (!byTitle.has(decision.title_key)) byTitle.set(decision.title_key, decision);
  }
  const listed = new Set<number>();
  const createdTitles = new Set<string>();
  return rows.map((row, index) => {
    const title = row.cells.title.toLowerCase();
    const found = row.referenceKey ? byKey.get(row.referenceKey) : byTitle.get(title);
    const twice = found ? listed.has(found.id) : row.referenceKey === null && createdTitles.has(title);
    if (twice) throw new PlanFileError([`Row ${row.row} (line ${row.line}), column 'title': '${row.cells.title}' appears twice in this plan`]);
    if (found) listed.add(found.id);
    else if (row.referenceKey === null) createdTitles.add(lowerTitles[index]!);
    return found;
  });
}
