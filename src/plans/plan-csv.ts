import { parse } from 'csv-parse/sync';
import type { Part } from '../decisions/decisions.tables.ts';
import { cleanText } from '../lib/text.ts';
import { canonicalReference } from '../decisions/key-reference.ts';
import { parseExpectedDate, type ExpectedDate } from '../decisions/expected-date.ts';
import { PARTS } from '../decisions/labels.ts';

/** The plan-import layout (see README): these columns, in any order. */
export const PLAN_COLUMNS = [
  'part', 'advertised', 'reference', 'title', 'description', 'decision_maker', 'expected_date',
  'scrutiny_committee', 'wards', 'consultation', 'contacts', 'directorate', 'documents',
] as const;
export type PlanColumn = (typeof PLAN_COLUMNS)[number];

const REQUIRED: PlanColumn[] = ['part', 'advertised', 'title', 'decision_maker', 'expected_date', 'directorate'];
const MAX_BYTES = 10 * 1024 * 1024;
const MAX_CELL = 20_000;

export interface PlanRow {
  /** 1-based data row (the header is row 0) and the file line it starts on. */
  row: number;
  line: number;
  cells: Record<PlanColumn, string>;
  part: Part;
  advertised: 'new' | 'previous';
  referenceKey: string | null;
  expected: ExpectedDate;
}

export class PlanFileError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problems:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    let offset = 0;
    for (; offset < bytes.length; offset += 1) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, offset + 1), { stream: true });
      } catch {
        break;
      }
    }
    throw new PlanFileError([`The file is not valid UTF-8 text (first bad byte at position ${offset + 1}); save it as "CSV UTF-8"`]);
  }
}

/** Reads and checks a whole plan file; every problem is reported with its row and column. */
export function readPlanCsv(bytes: Uint8Array, publishedOn: string): PlanRow[] {
  if (bytes.length === 0) throw new PlanFileError(['The file is empty']);
  if (bytes.length > MAX_BYTES) throw new PlanFileError(['The file is larger than 10 MB']);
  const text = decodeUtf8(bytes);
  if (text.trim() === '') throw new PlanFileError(['The file is empty']);

  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      info: true,
      relax_quotes: false,
      // Spreadsheets and hand edits mix Windows and Unix line endings in one file.
      record_delimiter: ['\r\n', '\n', '\r'],
      bom: true,
    });
  } catch (error) {
    const e = error as { message: string; lines?: number };
    throw new PlanFileError([`The file is not valid CSV${e.lines ? ` (near line ${e.lines})` : ''}: ${e.message}`]);
  }
  if (records.length === 0) throw new PlanFileError(['The file has a header row but no decisions']);

  const header = Object.keys(records[0]!.record);
  const missing = PLAN_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new PlanFileError([`The header row is missing the column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `'${m}'`).join(', ')}`]);
  }

  const problems: string[] = [];
  const rows: PlanRow[] = [];
  const seenReferences = new Map<string, number>();
  records.forEach(({ record, info }, index) => {
    const row = index + 1;
    const where = (column: string) => `Row ${row} (line ${info.lines}), column '${column}'`;
    const cells = Object.fromEntries(PLAN_COLUMNS.map((c) => [c, cleanText(record[c] ?? '')])) as Record<PlanColumn, string>;
    for (const column of REQUIRED) if (cells[column] === '') problems.push(`${where(column)}: is empty`);
    for (const column of PLAN_COLUMNS) {
      if (cells[column].length > MAX_CELL) problems.push(`${where(column)}: is longer than ${MAX_CELL} characters`);
    }
    const part = cells.part.toLowerCase().replace(/[\s-]+/g, '_') as Part;
    if (cells.part !== '' && !PARTS.includes(part)) {
      problems.push(`${where('part')}: '${cells.part}' is not one of ${PARTS.join(', ')}`);
    }
    const advertised = cells.advertised.toLowerCase() as 'new' | 'previous';
    if (cells.advertised !== '' && advertised !== 'new' && advertised !== 'previous') {
      problems.push(`${where('advertised')}: '${cells.advertised}' is not 'new' or 'previous'`);
    }
    const expected = cells.expected_date === '' ? null : parseExpectedDate(cells.expected_date, publishedOn);
    if (expected && !expected.ok) problems.push(`${where('expected_date')}: ${expected.message}`);
    const referenceKey = cells.reference === '' ? null : canonicalReference(cells.reference);
    if (referenceKey) {
      const earlier = seenReferences.get(referenceKey);
      if (earlier) problems.push(`${where('reference')}: '${cells.reference}' is the same reference as row ${earlier}`);
      seenReferences.set(referenceKey, row);
    }
    if (expected?.ok) {
      rows.push({ row, line: info.lines, cells, part, advertised, referenceKey, expected: { date: expected.date, precision: expected.precision, note: expected.note } });
    }
  });
  if (problems.length > 0) throw new PlanFileError(problems);
  return rows;
}
