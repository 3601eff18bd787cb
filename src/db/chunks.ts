/**
 * Rows per multi-row statement. PostgreSQL takes at most 65,535 bind parameters in one
 * statement; a thousand rows of up to 60 columns stay under it.
 */
export const ROWS_PER_STATEMENT = 1000;

export function inChunks<T>(items: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
