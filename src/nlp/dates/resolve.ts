/**
 * Resolving underspecified dates ("November", "Monday", "the summer") against the anchor
 * (the article's own date) in the direction the sentence points.
 */
import { civilFromDays, daysFromCivil, isoWeekday } from './calendar.js';

/** past: the latest occurrence not after the anchor; future: the earliest not before it;
 *  none: the nearest one (ties go to the past, the more common case in news). */
export type Dir = 'past' | 'future' | 'none';

export interface Anchor {
  /** Day number (days since 1970-01-01). */
  day: number;
  y: number;
  m: number;
  d: number;
}

const ANCHOR_RE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/** Parses a TIMEX3 / ISO value that has at least a full date; anything else gives null. */
export function parseAnchor(value: string | null | undefined): Anchor | null {
  if (!value) return null;
  const m = ANCHOR_RE.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const day = daysFromCivil(y, mo, d);
  const back = civilFromDays(day);
  if (back.y !== y || back.m !== mo || back.d !== d) return null;
  return { day, y, m: mo, d };
}

/**
 * Picks the cycle (usually a year) whose key lies in `dir` from the anchor key.
 * `keyOf(c)` maps a cycle number to a comparable key (a day, month or season index);
 * candidates are `around - 1 .. around + 1`. `strict` excludes the anchor's own key.
 */
export function chooseCycle(
  around: number,
  keyOf: (cycle: number) => number,
  anchorKey: number,
  dir: Dir,
  strict = false,
): number {
  const cands = [around - 1, around, around + 1];
  if (dir === 'past') {
    for (let i = cands.length - 1; i >= 0; i--) {
      const k = keyOf(cands[i]!);
      if (strict ? k < anchorKey : k <= anchorKey) return cands[i]!;
    }
    return around - 1;
  }
  if (dir === 'future') {
    for (const c of cands) {
      const k = keyOf(c);
      if (strict ? k > anchorKey : k >= anchorKey) return c;
    }
    return around + 1;
  }
  let best = around;
  let bestDist = Infinity;
  for (const c of cands) {
    const k = keyOf(c);
    if (strict && k === anchorKey) continue;
    const dist = Math.abs(k - anchorKey);
    if (dist < bestDist) {
      best = c;
      bestDist = dist;
    }
  }
  return best;
}

/** The day of ISO weekday `wd` in the given direction from the anchor day. */
export function weekdayFrom(anchorDay: number, wd: number, dir: Dir, strict = false): number {
  const aw = isoWeekday(anchorDay);
  let back = (aw - wd + 7) % 7;
  let fwd = (wd - aw + 7) % 7;
  if (strict) {
    if (back === 0) back = 7;
    if (fwd === 0) fwd = 7;
  }
  if (dir === 'past') return anchorDay - back;
  // "will be cleared on Monday" written on a Monday means next week's Monday.
  if (dir === 'future') return anchorDay + (fwd === 0 ? 7 : fwd);
  return back <= fwd ? anchorDay - back : anchorDay + fwd;
}

/** Season index: year * 4 + (SP 0, SU 1, FA 2, WI 3); winter belongs to the year of its December. */
export function seasonIndexOf(y: number, m: number): number {
  if (m <= 2) return (y - 1) * 4 + 3;
  if (m <= 5) return y * 4;
  if (m <= 8) return y * 4 + 1;
  if (m <= 11) return y * 4 + 2;
  return y * 4 + 3;
}

export const SEASON_CODES = ['SP', 'SU', 'FA', 'WI'] as const;
