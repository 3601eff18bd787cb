/*
 * The reference a person quotes about their comment: FPC-2024-000123. The number comes from a
 * database sequence, so it is unique across years; the year only helps people read it.
 */

export const COMMENT_REFERENCE = /^FPC-\d{4}-\d{6,}$/;

export function formatCommentReference(year: number, sequenceNumber: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`A reference year must have four digits, not ${year}`);
  if (!Number.isInteger(sequenceNumber) || sequenceNumber < 1) throw new RangeError(`A reference number must be a whole number from 1, not ${sequenceNumber}`);
  return `FPC-${year}-${String(sequenceNumber).padStart(6, '0')}`;
}

export function isCommentReference(value: string): boolean {
  return COMMENT_REFERENCE.test(value);
}
