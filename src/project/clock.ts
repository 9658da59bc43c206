// The clock, read in one place: today in the teacher's own time zone.

/** Today in the teacher's own time zone, as YYYY-MM-DD. */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
