/** Word tables for the date tagger. */
import { daysFromCivil, easterSunday, nthWeekday } from './calendar.js';

export const MONTH_FULL = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** Abbreviations count only next to a day or year ("Sept 13", "Jan 2016"). */
export const MONTH_ABBR = 'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
export const MONTH_CAPS =
  'JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC';

const MONTH_KEYS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Month number (1-12) from any spelling the patterns accept, or 0. */
export function monthNumber(word: string): number {
  return MONTH_KEYS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

/** Whether the matched month is written out in full title case ("May", not "MAY"/"Sept"). */
export function isFullMonth(word: string): boolean {
  return /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/.test(word);
}

export const WEEKDAY_FULL = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
export const WEEKDAY_ABBR = 'Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun';
const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** ISO weekday (Monday 1) from a weekday word, or 0. */
export function weekdayNumber(word: string): number {
  return WEEKDAY_KEYS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

export const PART_OF_DAY: Record<string, string> = {
  morning: 'MO',
  afternoon: 'AF',
  evening: 'EV',
  night: 'NI',
  tonight: 'NI',
};

export const SEASONS: Record<string, number> = { spring: 0, summer: 1, autumn: 2, fall: 2, winter: 3 };

const SMALL = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** A cardinal written in digits or words (up to ninety-nine; "a"/"an" = 1); NaN if fuzzy/unknown. */
export function parseCount(raw: string): number {
  const w = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d+$/.test(w)) return Number(w);
  if (w === 'a' || w === 'an') return 1;
  if (w === 'a couple of' || w === 'a couple') return 2;
  const small = SMALL.indexOf(w);
  if (small >= 0) return small;
  const [t, u] = w.split('-');
  const tens = TENS.indexOf(t ?? '');
  if (tens >= 2) {
    if (u === undefined) return tens * 10;
    const unit = SMALL.indexOf(u);
    if (unit >= 1 && unit <= 9) return tens * 10 + unit;
  }
  if (w === 'hundred' || w === 'a hundred') return 100;
  return NaN;
}

const WORD_NUM = [...SMALL.slice(1), ...TENS.slice(2)].join('|');
/** A count as the ago/from-now patterns accept it (case-insensitive first letter). */
export const COUNT = `\\d{1,3}|[Aa]n?|[Aa]\\s+few|[Aa]\\s+couple(?:\\s+of)?|[Ss]everal|[Ss]ome|[Mm]any|(?:${capAlt(WORD_NUM)})(?:-(?:${SMALL.slice(1, 10).join('|')}))?`;

/** "one|two" -> "[Oo]ne|[Tt]wo". */
export function capAlt(alt: string): string {
  return alt
    .split('|')
    .map((w) => (/^[a-z]/.test(w) ? `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}` : w))
    .join('|');
}

export const ORDINAL: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4,
};

export const CENTURY_WORDS: Record<string, number> = {
  fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
  'twenty-first': 21, 'twenty first': 21,
};

export const DECADE_WORDS: Record<string, number> = {
  twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9,
};

/** Time zones to UTC offsets (the common ones in English-language news). */
export const ZONES: Record<string, string> = {
  GMT: 'Z', UTC: 'Z', Z: 'Z', BST: '+01:00', IST: '+05:30', CET: '+01:00', CEST: '+02:00', EET: '+02:00',
  EEST: '+03:00', WET: 'Z', WEST: '+01:00', MSK: '+03:00', EST: '-05:00', EDT: '-04:00', CST: '-06:00',
  CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00', JST: '+09:00', KST: '+09:00',
  HKT: '+08:00', SGT: '+08:00', AEST: '+10:00', AEDT: '+11:00',
};

export interface Holiday {
  /** Regex source for the name (case-sensitive, as written in news). */
  re: string;
  /** Day number of the holiday in year y. */
  day: (y: number) => number;
  /** Month-day when it is fixed (for unresolved values such as XXXX-12-25). */
  fixed?: string;
}

const fixed = (m: number, d: number): Holiday['day'] => (y) => daysFromCivil(y, m, d);
const md = (m: number, d: number): string => `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function h(re: string, m: number, d: number): Holiday {
  return { re, day: fixed(m, d), fixed: md(m, d) };
}

/** Longest names first so the alternation prefers them. */
export const HOLIDAYS: Holiday[] = [
  h('Christmas\\s+Day', 12, 25),
  h('Christmas\\s+Eve', 12, 24),
  h('New\\s+Year[\'’]s\\s+Day', 1, 1),
  h('New\\s+Year[\'’]s\\s+Eve', 12, 31),
  { re: 'Easter\\s+Sunday', day: easterSunday },
  { re: 'Easter\\s+Monday', day: (y) => easterSunday(y) + 1 },
  { re: 'Good\\s+Friday', day: (y) => easterSunday(y) - 2 },
  { re: 'Maundy\\s+Thursday', day: (y) => easterSunday(y) - 3 },
  { re: 'Palm\\s+Sunday', day: (y) => easterSunday(y) - 7 },
  { re: 'Ash\\s+Wednesday', day: (y) => easterSunday(y) - 46 },
  { re: 'Whit\\s+Monday', day: (y) => easterSunday(y) + 50 },
  { re: 'Pentecost', day: (y) => easterSunday(y) + 49 },
  { re: 'Black\\s+Friday', day: (y) => nthWeekday(y, 11, 4, 4) + 1 },
  { re: 'Cyber\\s+Monday', day: (y) => nthWeekday(y, 11, 4, 4) + 4 },
  { re: 'Thanksgiving(?:\\s+Day)?', day: (y) => nthWeekday(y, 11, 4, 4) },
  { re: 'Labor\\s+Day', day: (y) => nthWeekday(y, 9, 1, 1) },
  { re: 'Memorial\\s+Day', day: (y) => nthWeekday(y, 5, 1, -1) },
  { re: 'Martin\\s+Luther\\s+King(?:\\s+Jr\\.?)?\\s+Day', day: (y) => nthWeekday(y, 1, 1, 3) },
  { re: 'Presidents[\'’]?\\s+Day', day: (y) => nthWeekday(y, 2, 1, 3) },
  { re: 'Columbus\\s+Day', day: (y) => nthWeekday(y, 10, 1, 2) },
  { re: 'Mother[\'’]s\\s+Day', day: (y) => nthWeekday(y, 5, 7, 2) },
  { re: 'Father[\'’]s\\s+Day', day: (y) => nthWeekday(y, 6, 7, 3) },
  { re: 'Remembrance\\s+Sunday', day: (y) => nthWeekday(y, 11, 7, 2) },
  { re: 'Easter', day: easterSunday },
  h('Christmas', 12, 25),
  h('Xmas', 12, 25),
  h('Boxing\\s+Day', 12, 26),
  h('Hogmanay', 12, 31),
  h('Halloween', 10, 31),
  h('Hallowe[\'’]en', 10, 31),
  h('Independence\\s+Day', 7, 4),
  h('(?:the\\s+)?Fourth\\s+of\\s+July', 7, 4),
  h('July\\s+Fourth', 7, 4),
  h('Bastille\\s+Day', 7, 14),
  h('(?:St\\.?\\s+)?Valentine[\'’]s\\s+Day', 2, 14),
  h('St\\.?\\s+Patrick[\'’]s\\s+Day', 3, 17),
  h('Saint\\s+Patrick[\'’]s\\s+Day', 3, 17),
  h('Remembrance\\s+Day', 11, 11),
  h('Armistice\\s+Day', 11, 11),
  h('Veterans[\'’]?\\s+Day', 11, 11),
  h('Guy\\s+Fawkes\\s+Night', 11, 5),
  h('Bonfire\\s+Night', 11, 5),
  h('May\\s+Day', 5, 1),
  h('Australia\\s+Day', 1, 26),
  h('Anzac\\s+Day', 4, 25),
  h('Canada\\s+Day', 7, 1),
];
