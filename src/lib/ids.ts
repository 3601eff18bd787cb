/**
 * The largest id any table hands out: every id that appears in an address or a form is a
 * PostgreSQL `integer`, and a larger number sent to the database is an error there, not a miss.
 */
export const MAX_ID = 2_147_483_647;

const DIGITS = /^[1-9]\d{0,9}$/;

/**
 * A row id as written in a path, query string or form: a whole number from 1 to MAX_ID in plain
 * digits ('12'), or undefined for anything else ('012', '-1', '1e3', ' 12', '2147483648', an array).
 * Every route and form reads ids through this one function, so none can send the database a
 * number it cannot hold.
 */
export function parseId(raw: unknown): number | undefined {
  if (typeof raw !== 'string' || !DIGITS.test(raw)) return undefined;
  const id = Number(raw);
  return id <= MAX_ID ? id : undefined;
}
