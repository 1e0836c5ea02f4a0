// Date literal ranges, evaluated in UTC (the emulated org's time zone is GMT). Each range is
// [start, end) in epoch milliseconds.
// Assumption (UNCONFIRMED against a real org): LAST_N_DAYS:n starts at 00:00 n days before today and runs to
// the end of today, so it covers n + 1 calendar days including today; NEXT_N_DAYS:n starts tomorrow and
// covers n days. Weeks start on Sunday (the en_US locale).

const DAY = 86_400_000;

export interface Range {
  start: number;
  end: number;
}

function startOfDay(now: Date): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

function monthRange(now: Date, shift: number): Range {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + shift;
  return { start: Date.UTC(year, month, 1), end: Date.UTC(year, month + 1, 1) };
}

function yearRange(now: Date, shift: number): Range {
  const year = now.getUTCFullYear() + shift;
  return { start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1) };
}

function dayRange(today: number, fromDays: number, toDays: number): Range {
  return { start: today + fromDays * DAY, end: today + toDays * DAY };
}

export function dateLiteralRange(name: string, n: number | undefined, now: Date): Range {
  const today = startOfDay(now);
  const weekStart = today - now.getUTCDay() * DAY;
  const ranges: Record<string, () => Range> = {
    YESTERDAY: () => dayRange(today, -1, 0),
    TODAY: () => dayRange(today, 0, 1),
    TOMORROW: () => dayRange(today, 1, 2),
    LAST_WEEK: () => dayRange(weekStart, -7, 0),
    THIS_WEEK: () => dayRange(weekStart, 0, 7),
    NEXT_WEEK: () => dayRange(weekStart, 7, 14),
    LAST_MONTH: () => monthRange(now, -1),
    THIS_MONTH: () => monthRange(now, 0),
    NEXT_MONTH: () => monthRange(now, 1),
    LAST_YEAR: () => yearRange(now, -1),
    THIS_YEAR: () => yearRange(now, 0),
    NEXT_YEAR: () => yearRange(now, 1),
    LAST_90_DAYS: () => dayRange(today, -90, 1),
    NEXT_90_DAYS: () => dayRange(today, 1, 91),
    LAST_N_DAYS: () => dayRange(today, -(n ?? 0), 1),
    NEXT_N_DAYS: () => dayRange(today, 1, 1 + (n ?? 0)),
  };
  return ranges[name]();
}

/** A date field's value `YYYY-MM-DD` as the day's UTC midnight. */
export function dayValue(text: string): number {
  return Date.parse(`${text}T00:00:00Z`);
}

/** Salesforce's REST datetime form: `2024-03-01T10:15:00.000+0000`. */
export function formatDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('Z', '+0000');
}

export function parseDateTime(text: string): number {
  return Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}
