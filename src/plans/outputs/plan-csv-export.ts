/*
 * A published plan as CSV in the plan-import layout, cell for cell as the snapshot holds it, so
 * `import-plan` of the file into an empty database records the same plan: same entries, parts,
 * advertised flags, positions (rows are in plan order) and text.
 *
 * Spreadsheet formula injection: a cell that a spreadsheet would run as a formula gets a leading
 * single quote (src/lib/spreadsheet-cell.ts), in the free-text columns only. The columns the import reads
 * as values (part, advertised, reference, expected_date) are never prefixed: their values cannot
 * begin with those characters except a reference, which the import matches decisions by, and a
 * quote there would make it another reference. The price: a free-text cell that really begins
 * with one of those characters re-imports with the quote in front of it.
 */
import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from '../../lib/spreadsheet-cell.ts';
import { PLAN_COLUMNS, type PlanColumn } from '../plan-csv.ts';
import type { PlanEntryView, PlanView } from '../plan.service.ts';

const VALUE_COLUMNS = new Set<PlanColumn>(['part', 'advertised', 'reference', 'expected_date']);

export function guardFormula(column: PlanColumn, value: string): string {
  return !VALUE_COLUMNS.has(column) ? neutraliseCell(value) : value;
}

function cells(part: string, advertised: 'new' | 'previous', e: PlanEntryView): Record<PlanColumn, string> {
  return {
    part,
    advertised,
    reference: e.reference,
    title: e.title,
    description: e.description,
    decision_maker: e.decisionMaker,
    expected_date: e.expectedDate.asPrinted,
    scrutiny_committee: e.scrutinyCommittee,
    wards: e.wards,
    consultation: e.consultation,
    contacts: e.contacts,
    directorate: e.directorate,
    documents: e.documents,
  };
}

export function planCsv(plan: PlanView): string {
  const rows = plan.parts.flatMap((part) => [
    ...part.newEntries.map((e) => cells(part.part, 'new', e)),
    ...part.previousEntries.map((e) => cells(part.part, 'previous', e)),
  ]);
  // A byte order mark so Excel reads UTF-8; the import skips it.
  return stringify(
    rows.map((row) => PLAN_COLUMNS.map((column) => guardFormula(column, row[column]))),
    // Line breaks inside a cell are \n while records end in \r\n: the quoting must look for both.
    { header: true, columns: [...PLAN_COLUMNS], bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  );
}

export function planFileName(plan: Pick<PlanView, 'publishedOn'>, extension: 'csv' | 'pdf'): string {
  return `forward-plan-${plan.publishedOn}.${extension}`;
}
