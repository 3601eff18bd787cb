import type { ColumnType } from 'kysely';

/*
 * Column helpers shared by every module's `*.tables.ts`: how a column reads and writes, nothing
 * about what it means. They live in db/ so that any module's table file can take them from below.
 */

/** A column the database fills in; readable, never written by the application. */
export type ReadOnly<T> = ColumnType<T, never, never>;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp with a database default. */
export type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** DATE columns come back as 'YYYY-MM-DD' strings (parser set in create-db.ts). */
export type DateString = string;
export type OptionalTimestamp = ColumnType<Date | null, Date | null | undefined, Date | null>;
