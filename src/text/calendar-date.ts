// Dates as the archive keeps them: ISO `YYYY-MM-DD`, and a day the calendar has.

/** A date's shape: YYYY-MM-DD. */
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `iso` is `YYYY-MM-DD` naming a real day (not 2022-02-30, not 2022-13-01). */
export function isCalendarDate(iso: string): boolean {
  const m = ISO_DATE.exec(iso);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Date.UTC rolls an overflowing day or month over into the next; a real day comes back as it went in
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
