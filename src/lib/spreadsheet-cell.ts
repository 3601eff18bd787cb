/*
 * A spreadsheet treats a cell that starts with = + - @ (or a tab or carriage return, which it
 * may strip first) as a formula, so text someone typed could run in a member of staff's
 * spreadsheet. Such cells get a leading apostrophe (OWASP's advice), which spreadsheets show as
 * text. Leading spaces are looked through, and the full-width forms too, because some
 * spreadsheets normalise them.
 *
 * The one guard for every CSV the service writes. It was the comment export's; the plan export
 * had a weaker copy that missed leading spaces and the full-width forms.
 */
const FORMULA_START = /^[\s\u00A0]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
