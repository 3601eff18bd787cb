const londonDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
});

/** '23 November 2026 at 9:05am', London time, as GOV.UK writes times. */
export function formatDateTime(instant: Date | string): string {
  const p = Object.fromEntries(londonDateTime.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return `${p.day} ${p.month} ${p.year} at ${p.hour}:${p.minute}${(p.dayPeriod ?? '').toLowerCase().replace(/\s/g, '')}`;
}
