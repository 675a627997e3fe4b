/**
 * Pure integer proleptic-Gregorian calendar arithmetic. Days are counted from 1970-01-01
 * (day 0). No `Date` object is used anywhere, so results never depend on the machine's time
 * zone or clock (algorithms: Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms").
 */

export interface Ymd { y: number; m: number; d: number }

export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(n: number): Ymd {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return { y, m, d };
}

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** ISO weekday: Monday 1 ... Sunday 7. Day 0 (1970-01-01) was a Thursday. */
export function isoWeekday(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** ISO 8601 week-numbering year and week of a day. */
export function isoWeek(n: number): { year: number; week: number } {
  const thursday = n - isoWeekday(n) + 4;
  const year = civilFromDays(thursday).y;
  return { year, week: Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1 };
}

/** Gregorian Easter Sunday (anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(y, month, day);
}

/** The n-th (1-based; -1 = last) ISO weekday `wd` of a month. */
export function nthWeekday(y: number, m: number, wd: number, n: number): number {
  if (n < 0) {
    const last = daysFromCivil(y, m, daysInMonth(y, m));
    return last - ((isoWeekday(last) - wd + 7) % 7);
  }
  const first = daysFromCivil(y, m, 1);
  return first + ((wd - isoWeekday(first) + 7) % 7) + (n - 1) * 7;
}

/** Adds k months to (y, m). */
export function addMonths(y: number, m: number, k: number): { y: number; m: number } {
  const idx = y * 12 + (m - 1) + k;
  const ny = Math.floor(idx / 12);
  return { y: ny, m: idx - ny * 12 + 1 };
}

export function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

export function fmtDay(n: number): string {
  const { y, m, d } = civilFromDays(n);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

export function fmtMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}`;
}

export function fmtWeek(n: number): string {
  const { year, week } = isoWeek(n);
  return `${pad(year, 4)}-W${pad(week, 2)}`;
}
