// A paper's issues as a wall calendar: one year at a time, months of weeks
// from Monday, days with an issue linked, days without one inside the paper's
// run marked as gaps.

export interface CalendarDay {
  date: string;
  day: number;
  state: 'issue' | 'gap' | 'none';
}

export interface CalendarMonth {
  month: string; // YYYY-MM
  issues: number;
  /** weeks of 7 cells, Monday first; null pads the first and last week */
  weeks: Array<Array<CalendarDay | null>>;
}

export function calendarYear(year: number, issueDates: string[]): CalendarMonth[] {
  const have = new Set(issueDates);
  const first = issueDates[0] ?? '';
  const last = issueDates[issueDates.length - 1] ?? '';
  const months: CalendarMonth[] = [];
  for (let m = 0; m < 12; m++) {
    const days = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
    const lead = (new Date(Date.UTC(year, m, 1)).getUTCDay() + 6) % 7;
    const cells: Array<CalendarDay | null> = Array.from({ length: lead }, () => null);
    let issues = 0;
    for (let d = 1; d <= days; d++) {
      const date = `${year}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const state = have.has(date) ? 'issue' : date > first && date < last ? 'gap' : 'none';
      if (state === 'issue') issues++;
      cells.push({ date, day: d, state });
    }
    while (cells.length % 7) cells.push(null);
    const weeks = [];
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
    months.push({ month: `${year}-${String(m + 1).padStart(2, '0')}`, issues, weeks });
  }
  return months;
}

/** The years a run of issues covers, oldest first. */
export function yearsOf(issueDates: string[]): number[] {
  return [...new Set(issueDates.map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
}
