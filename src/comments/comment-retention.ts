/**
 * The instant `months` calendar months before `instant` (UTC calendar, same time of day); a day
 * that the earlier month lacks becomes its last day, so 31 March less one month is 29 February
 * (or 28th), never 2 or 3 March.
 */
export function monthsBefore(instant: Date, months: number): Date {
  const year = instant.getUTCFullYear();
  const month = instant.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(instant);
  result.setUTCDate(1);
  result.setUTCFullYear(year, month, Math.min(instant.getUTCDate(), lastDay));
  return result;
}
