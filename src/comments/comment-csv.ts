import { stringify } from 'csv-stringify/sync';

/*
 * A spreadsheet treats a cell that starts with = + - @ (or a tab or carriage return, which it
 * may strip first) as a formula, so text a resident typed could run in a member of staff's
 * spreadsheet. Such cells get a leading apostrophe (OWASP's advice), which spreadsheets show as
 * text. Leading spaces are looked through, and the full-width forms too, because some
 * spreadsheets normalise them.
 */
const FORMULA_START = /^[\s\u00A0]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** CSV (RFC 4180, CRLF) with a header row; every cell neutralised. The BOM makes Excel read UTF-8. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const cells = rows.map((row) => row.map((cell) => neutraliseCell(cell === null ? '' : String(cell))));
  return `\uFEFF${stringify([header.map(neutraliseCell), ...cells], { record_delimiter: 'windows' })}`;
}
