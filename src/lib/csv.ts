import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from './spreadsheet-cell.ts';

/** CSV (RFC 4180, CRLF) with a header row; every cell neutralised. The BOM makes Excel read UTF-8. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const cells = rows.map((row) => row.map((cell) => neutraliseCell(cell === null ? '' : String(cell))));
  return `\uFEFF${stringify([header.map(neutraliseCell), ...cells], { record_delimiter: 'windows' })}`;
}
