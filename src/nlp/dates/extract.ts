/**
 * Date and time expressions with TIMEX3 values (issue 5).
 *
 * How it runs: one prefilter regex finds trigger words (month and weekday names, digits in
 * date-like shapes, "today", "week", "ago", seasons, holidays, ...); only the sentence around a
 * trigger is examined, with one small regex per expression family. Each family's handler
 * checks the context (to reject names, durations, sets, bare numbers) and computes the value.
 * Overlapping candidates keep the longest; a date directly followed by a clock time merges.
 *
 * Resolution: against the anchor (the article's date) with pure integer calendar code; the
 * direction for underspecified dates ("November", "Monday") comes from the sentence's tense
 * (tense.ts). Without an anchor, values stay in unresolved TIMEX3 form (XXXX-11, XXXX-WXX-1).
 *
 * Rules chosen where the issue is silent (see src/nlp/dates/README.md):
 * - numeric dates: dd/mm/yyyy unless the document shows month-first (a first field > 12 never
 *   appears but a second field > 12 does); dd.mm.yyyy is always day-first; yyyy/mm/dd as ISO.
 * - a bare 4-digit number is a year only in a year context (after in/since/by/until/during/...,
 *   with a modifier like mid-/early/late, after "the" before an event word, in a range with
 *   another year, or starting a sentence before a verb) and not before a counted noun
 *   ("in 2000 police").
 */
import type { Span } from '../../core/types.js';
import { addMonths, daysFromCivil, fmtDay, fmtMonth, fmtWeek, isoWeekday, isValidDate, pad } from './calendar.js';
import {
  capAlt, CENTURY_WORDS, COUNT, DECADE_WORDS, HOLIDAYS, isFullMonth, MONTH_ABBR, MONTH_CAPS, MONTH_FULL,
  monthNumber, ORDINAL, parseCount, PART_OF_DAY, SEASONS, WEEKDAY_ABBR, WEEKDAY_FULL, weekdayNumber, ZONES,
} from './lexicon.js';
import { type Anchor, chooseCycle, type Dir, parseAnchor, SEASON_CODES, seasonIndexOf, weekdayFrom } from './resolve.js';
import { TenseScope } from './tense.js';

export interface DateOptions { anchor: string | null }

interface Ctx {
  s: string;
  a: Anchor | null;
  tense: TenseScope;
  dayFirst: () => boolean;
}

interface TimeOfDay { hh: number; mm: number; ss: number | null; zone: string }

interface Cand {
  start: number;
  end: number;
  value: string;
  /** Set when the value is a calendar day (resolved or not), so a clock time can attach. */
  day?: boolean;
  time?: TimeOfDay;
}

/** What a handler returns: a value, optionally with bounds narrowed inside the match. */
interface Hit {
  value: string;
  start?: number;
  end?: number;
  day?: boolean;
  time?: TimeOfDay;
}

type Handler = (m: RegExpExecArray, c: Ctx) => Hit | null;

// ---------------------------------------------------------------------------------------
// Regex fragments

const MON_ANY = `(?:${MONTH_FULL}|(?:${MONTH_ABBR}|${MONTH_CAPS})\\.?)`;
const WKD_ANY = `(?:${WEEKDAY_FULL}|(?:${WEEKDAY_ABBR})\\.?)`;
const DAY = '([12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th|ST|ND|RD|TH)?';
const YEAR = '(1[0-9]\\d\\d|2[01]\\d\\d)(?!\\d)';
const MODW = '[Ee]arly|[Ll]ate|[Mm]id|(?:[Tt]he\\s+)?(?:very\\s+)?(?:end|beginning|start|middle)\\s+of';
const REL = '[Ll]ast|[Nn]ext|[Tt]his(?:\\s+past|\\s+coming)?';
const SEASON = '[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter';
const PARTS = 'morning|afternoon|evening|night';
const ZONE = `(?:\\s*\\(?\\b(${Object.keys(ZONES).join('|')})\\b(?:\\s*([+-])\\s?(\\d{1,2})(?::?(\\d{2}))?)?\\)?)?`;

// ---------------------------------------------------------------------------------------
// Small helpers

const isUpper = (ch: string | undefined): boolean => ch !== undefined && ch >= 'A' && ch <= 'Z';
const isLower = (ch: string | undefined): boolean => ch !== undefined && ch >= 'a' && ch <= 'z';

/** The word just before index i (letters, apostrophes, hyphens), '' if a non-word char or the start comes first. */
function prevWord(s: string, i: number): string {
  let j = i - 1;
  while (j >= 0 && (s[j] === ' ' || s[j] === '\t' || s[j] === '\u00a0')) j--;
  const end = j + 1;
  while (j >= 0 && /[A-Za-z'’-]/.test(s[j]!)) j--;
  return s.slice(j + 1, end);
}

/** Where the word returned by prevWord(s, i) starts. */
function prevWordStart(s: string, i: number): number {
  let j = i - 1;
  while (j >= 0 && (s[j] === ' ' || s[j] === '\t' || s[j] === '\u00a0')) j--;
  while (j >= 0 && /[A-Za-z'’-]/.test(s[j]!)) j--;
  return j + 1;
}

/** The word just after index i, '' if punctuation or the end comes first. */
function nextWord(s: string, i: number): string {
  let j = i;
  while (j < s.length && (s[j] === ' ' || s[j] === '\t' || s[j] === '\u00a0')) j++;
  const start = j;
  while (j < s.length && /[A-Za-z'’-]/.test(s[j]!)) j++;
  return s.slice(start, j);
}

/** Whether i is the first word of the sentence (only spaces, quotes or bullets before it). */
function atSentenceStart(s: string, i: number): boolean {
  return /^[\s"'“‘(•·*-]*$/.test(s.slice(0, i));
}

/** Words that may follow a year, a month or a season without making it a modifier of a noun. */
const FOLLOW_OK = new Set([
  'the', 'a', 'an', 'and', 'or', 'but', 'by', 'to', 'when', 'after', 'before', 'as', 'with', 'at', 'in',
  'on', 'for', 'from', 'of', 'was', 'were', 'is', 'are', 'had', 'has', 'have', 'saw', 'until', 'till',
  'that', 'which', 'while', 'he', 'she', 'they', 'it', 'we', 'i', 'you', 'there', 'this', 'these', 'those',
  'his', 'her', 'its', 'their', 'our', 'my', 'so', 'because', 'where', 'if', 'than', 'then', 'not',
  'also', 'only', 'already', 'through', 'following', 'compared', 'versus', 'vs', 'amid', 'despite',
  'under', 'over', 'into', 'against', 'during', 'will', 'would', 'could', 'can', 'may', 'might',
  'should', 'must', 'did', 'do', 'does', 'since', 'alone', 'onwards', 'onward', 'last', 'next', 'this',
  'year', 'about', 'around', 'up', 'down', 'out', 'off', 'just', 'even', 'still', 'again', 'ago',
  'election', 'elections', 'season', 'budget', 'census', 'vote', 'referendum', 'campaign', 'whereas',
  'although', 'though', 'unless', 'once', 'who', 'whom', 'whose', 'what', 'how', 'why', 'be', 'been',
  'being', 'well', 'however', 'too', 'either', 'each', 'every', 'all', 'both', 'some', 'many', 'most',
  'more', 'less', 'among', 'between', 'without', 'within', 'per', 'via', 'like', 'unlike', 'including',
  'say', 'said', 'says', 'according', 'became', 'began', 'followed', 'saying', 'showed', 'shows',
  'rose', 'fell', 'grew', 'came', 'went', 'won', 'lost', 'left', 'took', 'brought', 'made', 'ran',
  'hit', 'become', 'begin', 'begins', 'ended', 'marked', 'is', 'remains', 'remained',
]);

/** A lowercase word after the expression that makes it a noun modifier ("summer holidays", "2000 police"). */
function nounFollows(s: string, end: number): boolean {
  if (s[end] !== ' ') return false;
  const w = nextWord(s, end);
  if (!w || !isLower(w[0])) return false;
  const lw = w.toLowerCase().replace(/['’]s$/, '');
  if (FOLLOW_OK.has(lw)) return false;
  if (/ed$/.test(lw) && lw.length > 4) return false; // "in 2013 launched ..." reads as a verb
  return true;
}

const NAMEISH_NEXT = new Set([
  'Times', 'Telegraph', 'Mirror', 'Express', 'Post', 'Herald', 'Mail', 'Independent', 'Star', 'People',
  'Sport', 'Tribune', 'Observer', 'Business', 'Night', 'Service', 'School', 'Trading', 'Review',
  'Edition', 'Magazine', 'Show', 'Club', 'League', 'Football', 'Assembly', 'Morning', 'Bloody',
]);
const NAMEISH_PREV = new Set([
  'Black', 'Good', 'Super', 'Ash', 'Holy', 'Palm', 'Easter', 'Bloody', 'Cyber', 'Maundy', 'Shrove',
  'Whit', 'Mothering', 'Remembrance', 'Giving', 'Manic', 'Blue', 'Man', 'Girl', 'Big', 'Ruby',
]);
const MONTH_OR_WEEKDAY = new RegExp(`^(?:${MONTH_FULL}|${WEEKDAY_FULL})$`);

/** Words before a month name that make it a date ("in May", "since March", "of June"). */
const MONTH_CTX = new Set([
  'in', 'since', 'until', 'till', 'til', 'by', 'from', 'to', 'through', 'throughout', 'during', 'of',
  'before', 'after', 'between', 'and', 'or', 'early', 'late', 'mid', 'last', 'next', 'this', 'around',
  'for', 'on', 'into', 'past', 'that', 'than', 'as', 'at', 'except', 'circa', 'each', 'every',
]);

/** Words before a bare year that make it a year ("in 2013", "since 1995"). */
const YEAR_CTX = new Set([
  'in', 'since', 'by', 'until', 'till', 'from', 'of', 'during', 'before', 'after', 'through',
  'throughout', 'between', 'circa', 'c', 'ca', 'year', 'for', 'fiscal', 'fy', 'early', 'late', 'mid',
  'spring', 'summer', 'autumn', 'fall', 'winter', 'around', 'into', 'as', 'than', 'en', 'vintage',
  'class', 'season', 'election', 'elections', 'census', 'budget',
]);

const WEAK_YEAR_CTX = new Set(['of', 'for', 'around', 'than', 'as', 'into', 'from', 'to', 'c', 'ca']);

const EVENT_NOUN = new Set([
  'election', 'elections', 'presidential', 'general', 'campaign', 'attacks', 'attack', 'crisis',
  'tournament', 'championship', 'championships', 'final', 'finals', 'race', 'vote', 'referendum',
  'season', 'budget', 'census', 'games', 'olympics', 'summit', 'war', 'earthquake', 'tsunami',
  'floods', 'riots', 'protests', 'uprising', 'revolution', 'coup', 'crash', 'merger', 'law', 'act',
  'report', 'study', 'survey', 'edition', 'model', 'agreement', 'deal', 'accord', 'treaty', 'plan',
  'strategy', 'midterms', 'midterm', 'primary', 'primaries', 'world', 'film', 'movie', 'album',
  'period', 'quarter', 'results', 'fiscal', 'presidential', 'legislative', 'parliamentary', 'municipal',
  'local', 'olympic', 'winter', 'summer', 'storm', 'cyclone', 'hurricane', 'typhoon', 'flood', 'fire',
  'quake', 'drought', 'famine', 'massacre', 'bombing', 'bombings', 'shooting', 'invasion', 'census',
  'recession', 'crash', 'scandal', 'visit', 'trip', 'tour', 'festival', 'conference', 'session',
]);

function isoDayOfWeek(a: Anchor, weekOffset: number, wd: number): number {
  const monday = a.day - isoWeekday(a.day) + 1 + weekOffset * 7;
  return monday + wd - 1;
}

function relK(rel: string | undefined): number {
  if (!rel) return 0;
  const r = rel.toLowerCase().replace(/\s+/g, ' ');
  if (r === 'last' || r === 'this past' || r === 'past' || r === 'previous') return -1;
  if (r === 'next' || r === 'this coming' || r === 'coming') return 1;
  return 0;
}

function dayHit(n: number): Hit {
  return { value: fmtDay(n), day: true };
}

// ---------------------------------------------------------------------------------------
// Expression families

/**
 * Trigger categories: a rule runs on a sentence only if the prefilter saw one of its categories
 * there (months, weekdays, 4-digit numbers, digit shapes, ...). This keeps the per-sentence cost
 * to the few rules that can match.
 */
const M = 1; // month names
const W = 2; // weekday names
const N4 = 4; // four digits
const NS = 8; // digit shapes: 12:37, 13/09, 8 p.m., 1430 GMT
const NO = 16; // ordinals, '98, 90s, Q3
const R = 32; // today, now, recently, ago, noon, o'clock
const U = 64; // week, month, year, decade, century, quarter, half
const S = 128; // seasons
const D = 256; // decade words
const H = 512; // holidays
const P = 1024; // parts of day, the past/future, present

const RULES: { gate: number; re: RegExp; fn: Handler }[] = [];
function rule(gate: number, src: string, fn: Handler): void {
  RULES.push({ gate, re: new RegExp(src, 'g'), fn });
}

// ISO 8601: 2016-09-13, 2016-09-13T12:37, 2016-09-13 12:37:00+02:00
rule(NS | N4,
  '(?<![\\w.\\/-])(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2}))?(Z|[+-]\\d{2}:?\\d{2})?)?(?![\\w\\/]|[-.]\\d)',
  (m) => {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (!isValidDate(y, mo, d) || y < 1000) return null;
    const date = `${m[1]}-${m[2]}-${m[3]}`;
    if (m[4] === undefined) return { value: date, day: true };
    const hh = Number(m[4]);
    const mm = Number(m[5]);
    if (hh > 24 || mm > 59) return { value: date, day: true, end: m.index + 10 };
    const zone = m[7] === undefined ? '' : m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].slice(-2)}`;
    return { value: `${date}T${m[4]}:${m[5]}${m[6] ? `:${m[6]}` : ''}${zone}` };
  },
);

function resolveMonthDay(c: Ctx, mo: number, d: number, at: number, end: number, weekday?: string): Hit | null {
  if (d > (mo === 2 ? 29 : [4, 6, 9, 11].includes(mo) ? 30 : 31)) return null;
  if (!c.a) return { value: `XXXX-${pad(mo, 2)}-${pad(d, 2)}`, day: true };
  const a = c.a;
  const keyOf = (y: number): number => daysFromCivil(y, mo, isValidDate(y, mo, d) ? d : 28);
  let y = chooseCycle(a.y, keyOf, a.day, c.tense.dirAt(at, end));
  // "Thursday, November 3": the weekday tells which year is meant, when one nearby fits.
  const wd = weekday ? weekdayNumber(weekday) : 0;
  if (wd && !(isValidDate(y, mo, d) && isoWeekday(daysFromCivil(y, mo, d)) === wd)) {
    for (const cand of [a.y, a.y - 1, a.y + 1]) {
      if (isValidDate(cand, mo, d) && isoWeekday(daysFromCivil(cand, mo, d)) === wd) {
        y = cand;
        break;
      }
    }
  }
  if (!isValidDate(y, mo, d)) return null;
  return dayHit(daysFromCivil(y, mo, d));
}

// 13 September 2016, Tuesday 13 Sep 2016, the 13th of September, 13 Sept
rule(M,
  `(?:\\b(${WKD_ANY}),?\\s+)?(?:\\b(the)\\s+)?(?<![\\d,.])${DAY}(?:\\s+of)?\\s+(${MON_ANY})(?![A-Za-z])(?:,?\\s+${YEAR})?`,
  (m, c) => {
    const d = Number(m[3]);
    const mo = monthNumber(m[4]!);
    const start = m[2] && !/\d(?:st|nd|rd|th)/.test(m[0]) ? m.index + m[0].indexOf(m[3]!) : undefined;
    if (m[5]) {
      const y = Number(m[5]);
      if (!isValidDate(y, mo, d)) return null;
      return { value: `${m[5]}-${pad(mo, 2)}-${pad(d, 2)}`, day: true, start };
    }
    const hit = resolveMonthDay(c, mo, d, m.index, m.index + m[0].length, m[1]);
    return hit && { ...hit, start };
  },
);

// September 13, 2016; Sept. 13; Tuesday, Sept 13; March 3rd
rule(M,
  `(?:\\b(${WKD_ANY}),?\\s+)?\\b(${MON_ANY})\\s+${DAY}(?![\\d:]|,\\d{3})(?:,?\\s+${YEAR})?`,
  (m, c) => {
    const mo = monthNumber(m[2]!);
    const d = Number(m[3]);
    if (m[4]) {
      const y = Number(m[4]);
      if (!isValidDate(y, mo, d)) return null;
      return { value: `${m[4]}-${pad(mo, 2)}-${pad(d, 2)}`, day: true };
    }
    const end = m.index + m[0].length;
    // "May 5" is a date, "May 5 people" is not (nor "March 10 miles"); "Sept. 11 attacks" is.
    if ((mo === 5 || mo === 3) && nounFollows(c.s, end) && !/(?:st|nd|rd|th)$/i.test(m[0])) return null;
    if (mo === 9 && d === 11 && /^\s+attacks?\b/.test(c.s.slice(end, end + 9))) return { value: '2001-09-11', day: true };
    return resolveMonthDay(c, mo, d, m.index, end, m[1]);
  },
);

// Months: November, late August, mid-May, last March, September 2015, March last year
rule(M,
  `(?:\\b(${MODW})(?:\\s+|-))?(?:\\b(${REL})\\s+)?\\b(${MON_ANY})(?![A-Za-z])(?:(?:\\s+of)?,?\\s+${YEAR}|(?:\\s+of)?\\s+['’](\\d\\d)(?![\\w'’])|\\s+(this|last|next)\\s+year\\b)?`,
  (m, c) => {
    const [, mod, rel, monText, yearText, shortYear, relYear] = m;
    const mo = monthNumber(monText!);
    const full = isFullMonth(monText!);
    const end = m.index + m[0].length;
    if (yearText) return { value: fmtMonth(Number(yearText), mo) };
    if (shortYear) return { value: fmtMonth(twoDigitYear(Number(shortYear), c.a), mo) };
    if (!full) return null;
    if (relYear) return { value: c.a ? fmtMonth(c.a.y + relK(relYear), mo) : `XXXX-${pad(mo, 2)}` };
    const monStart = m.index + m[0].lastIndexOf(monText!);
    const before = prevWord(c.s, m.index);
    const lb = before.toLowerCase();
    if (lb === 'every' || lb === 'each' || lb === 'per') return null;
    if (!mod && !rel) {
      const after = nextWord(c.s, end);
      const strong = MONTH_CTX.has(lb);
      if (monText === 'May' && !strong) return null;
      if (!strong) {
        if (after && isUpper(after[0]) && !MONTH_OR_WEEKDAY.test(after) && c.s[end] === ' ') return null;
        if (before && isUpper(before[0]) && !atSentenceStart(c.s, prevWordStart(c.s, m.index))) return null;
        if (nounFollows(c.s, end)) return null;
      } else if (after && isUpper(after[0]) && !MONTH_OR_WEEKDAY.test(after) && c.s[end] === ' ' && monText === 'May') {
        // "in May Day parades", "by May Smith": not the month.
        return null;
      }
    }
    if (!c.a) return { value: `XXXX-${pad(mo, 2)}` };
    const a = c.a;
    const keyOf = (y: number): number => y * 12 + mo - 1;
    const anchorKey = a.y * 12 + a.m - 1;
    let y: number;
    if (rel) {
      const k = relK(rel);
      y = k === 0 ? a.y : chooseCycle(a.y, keyOf, anchorKey, k < 0 ? 'past' : 'future', true);
    } else {
      y = chooseCycle(a.y, keyOf, anchorKey, c.tense.dirAt(monStart, end));
    }
    return { value: fmtMonth(y, mo) };
  },
);

// Years: in 2013, since 1995, mid-2015, early 2016, between 2010 and 2015
rule(N4,
  `(?:\\b(${MODW})(?:\\s+|-))?(?<![\\w$€£.,:/])(1\\d{3}|20\\d{2}|21\\d{2})(?![\\w%°]|[,.:/-]\\d)`,
  (m, c) => {
    const [, mod, yearText] = m;
    const yStart = m.index + m[0].length - 4;
    const end = m.index + m[0].length;
    const s = c.s;
    if (!mod) {
      if (s[yStart - 1] === '-' || s[yStart - 1] === '–') return null;
      if (/^\s*(?:per\s*cent|percent|pc)\b/.test(s.slice(end, end + 12))) return null;
      const before = prevWord(s, yStart);
      const lb = before.toLowerCase();
      const after = nextWord(s, end);
      let ok = false;
      const y = Number(yearText);
      if (lb === 'to' && /\b(?:back|dates?|dating)\s+to\s+$/i.test(s.slice(Math.max(0, yStart - 16), yStart))) ok = true;
      else if (y >= 1900 && y <= 2100 && EVENT_NOUN.has(after.toLowerCase()) && s[end] === ' ') ok = true; // fellow 2012 presidential candidate
      else if (YEAR_CTX.has(lb) || lb.endsWith('-year')) {
        // Weak contexts ("a high of 1051", "for 2000") need a plausible modern year.
        ok = !nounFollows(s, end) && (!WEAK_YEAR_CTX.has(lb) || (y >= 1800 && y <= 2100));
      }
      else if ((lb === 'and' || lb === 'or' || lb === 'to' || lb === 'through' || lb === 'till' || lb === 'until') &&
        /(?:1\d|20)\d\d\s*[,)]?\s+(?:and|or|to|through|till|until)\s+$/.test(s.slice(Math.max(0, yStart - 20), yStart))) ok = true;
      else if ((lb === 'the' || lb === 'its' || lb === 'his' || lb === 'her' || lb === 'their') && after) {
        ok = (isUpper(after[0]) && s[end] === ' ') || EVENT_NOUN.has(after.toLowerCase());
      } else if (before === '' && s[yStart - 1] === '(' && s[end] === ')') ok = true;
      else if (atSentenceStart(s, yStart)) {
        ok = s[end] === ',' || /^(?:was|saw|has|had|will|is|marked|brought|began|ended|proved|would)$/.test(after);
      } else if (/['’]s$/.test(s.slice(end, end + 2))) ok = YEAR_CTX.has(lb) || before === '';
      if (!ok) return null;
    }
    // "fiscal 1989", "fiscal year 1990": the TIMEX3 span includes the qualifier.
    const fiscal = mod ? null : /\b(?:[Ff]iscal(?:\s+[Yy]ear)?|FY)\s*$/.exec(s.slice(Math.max(0, yStart - 16), yStart));
    return { value: yearText!, start: mod ? undefined : fiscal ? yStart - fiscal[0].length : yStart };
  },
);

/** '72 -> 1972, '08 -> 2008: the latest such year not after the anchor's next year. */
function twoDigitYear(yy: number, a: Anchor | null): number {
  if (a) return 2000 + yy <= a.y + 1 ? 2000 + yy : 1900 + yy;
  return yy < 50 ? 2000 + yy : 1900 + yy;
}

// '98 after a year context
rule(NO, `(?<![\\w'’])['’](\\d\\d)(?![\\w'’])`, (m, c) => {
  const lb = prevWord(c.s, m.index).toLowerCase();
  if (!YEAR_CTX.has(lb) && lb !== 'of') return null;
  return { value: String(twoDigitYear(Number(m[1]), c.a)) };
});

// Two-digit years in a list next to a full year: "Reagan in 80 and 84, ... Bush in 2000 and, Romney in 08".
rule(N4, `(?<=\\b(?:in|and)\\s)(\\d\\d)(?=\\s*(?:[,.;]|and\\b|$))`, (m, c) => {
  const list = c.s.match(/\b(?:in|and)\s\d\d(?=\s*(?:[,.;]|and\b|$))/g);
  if (!list || list.length < 2) return null;
  const yy = Number(m[1]);
  const y = c.a ? (2000 + yy <= c.a.y ? 2000 + yy : 1900 + yy) : yy < 30 ? 2000 + yy : 1900 + yy;
  return { value: String(y) };
});

// Decades: the 1970s, the 90's, the late 1990s, mid-1980s, the nineties
rule(NO | N4,
  `(?:\\b([Tt]he)\\s+)?(?:\\b([Ee]arly|[Ll]ate|[Mm]id)(?:\\s+|-))?(?<![\\w$€£.,])(?:(1\\d|20)(\\d)0|(['’])?(\\d)0)['’]?s(?![\\w'’])`,
  (m, c) => {
    const [, the, mod, cent, dec, apos, dec2] = m;
    if (cent !== undefined) {
      const ce = Number(cent);
      if (dec === '0' && ce < 20) return { value: pad(ce, 2) };
      return { value: `${cent}${dec}` };
    }
    if (!the && !mod && !apos) return null;
    if (!the && !mod) {
      const lb = prevWord(c.s, m.index).toLowerCase();
      if (['his', 'her', 'their', 'its', 'my', 'our', 'your', 'mid'].includes(lb)) return null;
    }
    const d = Number(dec2);
    let y: number;
    if (c.a) y = 2000 + d * 10 <= c.a.y ? 2000 + d * 10 : 1900 + d * 10;
    else y = d >= 2 ? 1900 + d * 10 : 2000 + d * 10;
    return { value: String(y).slice(0, 3) };
  },
);

rule(D,
  `(?:\\b([Tt]he)\\s+)?(?:\\b([Ee]arly|[Ll]ate|[Mm]id)(?:\\s+|-))?\\b(?:[Nn]ineteen[\\s-])?(${capAlt(Object.keys(DECADE_WORDS).join('|'))})\\b`,
  (m, c) => {
    if (!m[1]) return null;
    const d = DECADE_WORDS[m[3]!.toLowerCase()]!;
    const y = c.a && 2000 + d * 10 <= c.a.y ? 2000 + d * 10 : 1900 + d * 10;
    return { value: String(y).slice(0, 3) };
  },
);

// Centuries: the 19th century, the twenty-first century, this century
rule(U,
  `(?:\\b([Tt]he)\\s+)?(?:\\b([Ee]arly|[Ll]ate|[Mm]id)(?:\\s+|-))?\\b(?:(\\d{1,2})(?:st|nd|rd|th)|(${Object.keys(CENTURY_WORDS).join('|')}))[\\s-]+[Cc]entury\\b`,
  (m) => {
    const n = m[3] ? Number(m[3]) : CENTURY_WORDS[m[4]!.toLowerCase()]!;
    if (n < 1 || n > 22) return null;
    return { value: pad(n - 1, 2) };
  },
);

// Seasons: the summer, this winter, last spring, summer 2015, the autumn of 2015, winter this year
rule(S,
  `(?:\\b(${MODW})(?:\\s+|-))?(?:\\b([Tt]he|[Tt]his(?:\\s+past|\\s+coming)?|[Ll]ast|[Nn]ext)\\s+)?(?:\\b([Ee]arly|[Ll]ate|[Mm]id)(?:\\s+|-))?\\b(${SEASON})(?![\\w-])(?:\\s+of\\s+${YEAR}|,?\\s+${YEAR}|\\s+(this|last|next)\\s+year\\b)?`,
  (m, c) => {
    const [, mod, det, mod2, word, y1, y2, relYear] = m;
    const code = SEASONS[word!.toLowerCase()]!;
    const seasonCode = SEASON_CODES[code];
    const yearText = y1 ?? y2;
    const end = m.index + m[0].length;
    const wStart = m.index + m[0].lastIndexOf(word!);
    const lw = word!.toLowerCase();
    if (lw === 'fall' && !det && !mod && !mod2 &&
      !['in', 'during', 'since', 'until', 'by', 'through', 'throughout', 'of'].includes(prevWord(c.s, m.index).toLowerCase())) return null;
    if (yearText) return { value: `${yearText}-${seasonCode}` };
    if (relYear) return { value: c.a ? `${c.a.y + relK(relYear)}-${seasonCode}` : `XXXX-${seasonCode}` };
    const ld = det?.toLowerCase();
    if (isUpper(word![0]) && !atSentenceStart(c.s, wStart) && !det && !mod && !mod2) return null;
    if (isUpper(word![0]) && isUpper(nextWord(c.s, end)[0]) && c.s[end] === ' ') return null; // Summer Olympics
    if (!ld || ld === 'the') {
      const lb = prevWord(c.s, m.index).toLowerCase();
      const ctx = ['in', 'during', 'over', 'through', 'throughout', 'since', 'until', 'till', 'by', 'before', 'after', 'for', 'this', 'around', 'into', 'of'];
      if (!mod && !mod2 && !ctx.includes(lb)) return null;
      if (lw === 'fall' && !mod && !mod2 && lb === 'of') return null;
      if (lw === 'fall' && (!ld || /^\s+(?:of|in)\b/.test(c.s.slice(end, end + 4)))) return null;
      if (lw === 'spring' && !ld && !mod && !mod2) return null;
      if (nounFollows(c.s, end)) return null;
      if (ld === 'the' && /^\s+of\b/.test(c.s.slice(end, end + 4))) return null;
    }
    if (!c.a) return { value: `XXXX-${seasonCode}` };
    const a = c.a;
    const keyOf = (y: number): number => y * 4 + code;
    const anchorKey = seasonIndexOf(a.y, a.m);
    const around = Math.floor(anchorKey / 4);
    let y: number;
    if (ld && ld !== 'the') {
      const k = relK(ld);
      y = k === 0 ? around : chooseCycle(around, keyOf, anchorKey, k < 0 ? 'past' : 'future', true);
      // "this winter" in January is the winter that began in December.
      if (k === 0) y = code === 3 && a.m <= 2 ? a.y - 1 : a.y;
    } else {
      y = chooseCycle(around, keyOf, anchorKey, c.tense.dirAt(wStart, end));
    }
    return { value: `${y}-${seasonCode}` };
  },
);

const FINANCE = /\b(?:profits?|sales|revenues?|earnings|income|growth|economy|GDP|output|results|forecasts?|percent|per\s+cent|shares|prices|demand|quarter|fiscal)\b|%/i;
const SPORT = /\b(?:scor\w*|game|match|points?|goals?|touchdowns?|play(?:ed|ing)?|minutes?|period|innings?|lead)\b/i;

// Quarters and halves: the third quarter of 2015, the first half of the year, Q3 2016, last quarter
rule(U,
  `(?:\\b([Tt]he)\\s+)?\\b(${capAlt('first|second|third|fourth|final|last')}|1st|2nd|3rd|4th)(\\s+|-)(quarter|half)(?:\\s+of\\s+(?:${YEAR}|(this|last|next)\\s+year\\b|the\\s+(year))|,?\\s+${YEAR})?(?![\\w-])`,
  (m, c) => {
    const [, the, ord, sep, unit, y1, relYear, theYear, y2] = m;
    const isQ = unit === 'quarter';
    const letter = isQ ? 'Q' : 'H';
    const count = isQ ? 4 : 2;
    const yearText = y1 ?? y2;
    const lo = ord!.toLowerCase();
    if (lo === 'last' && !the && !yearText && !relYear && !theYear) {
      if (!isQ) return null;
      if (!c.a) return { value: 'XXXX-QX' };
      const idx = c.a.y * 4 + Math.floor((c.a.m - 1) / 3) - 1;
      return { value: `${Math.floor(idx / 4)}-Q${(idx % 4) + 1}` };
    }
    const n = lo === 'final' || lo === 'last' ? count : ORDINAL[lo]!;
    if (n > count) return null;
    if (yearText) return { value: `${yearText}-${letter}${n}` };
    if (relYear || theYear) return { value: c.a ? `${c.a.y + relK(relYear)}-${letter}${n}` : `XXXX-${letter}${n}` };
    // "the first half" is usually a match; "first-half profit", "third-quarter results" are periods.
    if (SPORT.test(c.s) || (!isQ && sep !== '-' && !FINANCE.test(c.s))) return null;
    if (!c.a) return { value: `XXXX-${letter}${n}` };
    const a = c.a;
    const per = isQ ? 3 : 6;
    // Past tense reports on a completed period: not the one the article is written in.
    const dir = c.tense.dirAt(m.index, m.index + m[0].length);
    const y = chooseCycle(a.y, (yy) => yy * count + n - 1, a.y * count + Math.floor((a.m - 1) / per), dir, dir === 'past');
    return { value: `${y}-${letter}${n}` };
  },
);

rule(NO, `\\b([QH])([1-4])(?:(?:\\s+|-)${YEAR}|\\s*['’](\\d\\d))?(?![\\w-])`, (m, c) => {
  const [, letter, nText, yearText, yy] = m;
  const n = Number(nText);
  if (letter === 'H' && n > 2) return null;
  if (/quartile/i.test(c.s)) return null; // statistics: Q1 and Q3 are quartiles
  let y: number | null = yearText ? Number(yearText) : yy ? 2000 + Number(yy) : null;
  if (y === null) {
    if (letter === 'H') return null;
    if (!c.a) return { value: `XXXX-Q${n}` };
    y = chooseCycle(c.a.y, (v) => v * 4 + n - 1, c.a.y * 4 + Math.floor((c.a.m - 1) / 3), c.tense.dirAt(m.index, m.index + m[0].length));
  }
  return { value: `${y}-${letter}${n}` };
});

rule(NO | N4, `(?<![\\w-])${YEAR}\\s*([QH])([1-4])\\b`, (m) => {
  if (m[2] === 'H' && Number(m[3]) > 2) return null;
  return { value: `${m[1]}-${m[2]}${m[3]}` };
});

// Weekdays: Monday, last Friday, early Sunday morning, Monday night, Tuesday last week
rule(W,
  `(?:\\b([Ee]arly|[Ll]ate)\\s+)?(?:\\b(${REL})\\s+)?\\b(${WEEKDAY_FULL})(?![\\w-])(?:\\s+(${PARTS})(?![\\w-]))?(?:\\s+(last|this|next)\\s+week\\b)?`,
  (m, c) => {
    const [, , rel, wdText, part, relWeek] = m;
    const wd = weekdayNumber(wdText!);
    const end = m.index + m[0].length;
    const wdStart = m.index + m[0].indexOf(wdText!);
    const before = prevWord(c.s, m.index);
    const lb = before.toLowerCase();
    if (lb === 'every' || lb === 'each' || lb === 'per') return null;
    if (NAMEISH_PREV.has(before) && !rel) return null;
    if (/\bMail\s+on\s+$/.test(c.s.slice(Math.max(0, m.index - 10), m.index))) return null; // The Mail on Sunday
    const wdEnd = wdStart + wdText!.length;
    const after = nextWord(c.s, wdEnd);
    if (!part && after && isUpper(after[0]) && c.s[wdEnd] === ' ' && (NAMEISH_NEXT.has(after) || lb === 'the')) return null;
    const suffix = part ? `T${PART_OF_DAY[part]}` : '';
    if (!c.a) return { value: `XXXX-WXX-${wd}${suffix}`, day: !part };
    const a = c.a;
    let n: number;
    if (relWeek) n = isoDayOfWeek(a, relK(relWeek), wd);
    else if (rel) {
      const k = relK(rel);
      n = k === 0 ? isoDayOfWeek(a, 0, wd) : weekdayFrom(a.day, wd, k < 0 ? 'past' : 'future', true);
    } else n = weekdayFrom(a.day, wd, c.tense.dirAt(wdStart, end));
    return { value: fmtDay(n) + suffix, day: !part };
  },
);

// today, tonight, yesterday morning, the day before yesterday, this morning, last night
rule(R | P,
  `(?:\\b([Ee]arly|[Ll]ate)\\s+)?\\b(?:([Tt]oday|[Tt]onight|[Tt]omorrow|[Yy]esterday)|([Tt]he)\\s+day\\s+(before\\s+yesterday|after\\s+tomorrow)|([Tt]his|[Ll]ast)\\s+(${PARTS}))(?:\\s+(${PARTS}))?(?![\\w-])`,
  (m, c) => {
    const [, , word, , dayPhrase, thisLast, part1, part2] = m;
    const before = prevWord(c.s, m.index);
    if (word && isUpper(word[0]) && !atSentenceStart(c.s, m.index)) return null; // USA Today, the Today Show
    if (word && before.toLowerCase() === 'the') return null; // the Today programme
    if (word && /^Today$/.test(word) && isUpper(nextWord(c.s, m.index + m[0].length)[0]) && c.s[m.index + m[0].length] === ' ') {
      if (!atSentenceStart(c.s, m.index)) return null; // the Today Show
    }
    let offset = 0;
    let part = part2 ?? part1;
    const lw = word?.toLowerCase();
    if (lw === 'tomorrow') offset = 1;
    else if (lw === 'yesterday') offset = -1;
    else if (lw === 'tonight') part = part ?? 'tonight';
    else if (dayPhrase) offset = dayPhrase.startsWith('before') ? -2 : 2;
    else if (thisLast?.toLowerCase() === 'last') {
      if (part1 === 'morning' || part1 === 'afternoon') return null; // "last morning" is not idiomatic
      offset = -1;
    }
    const suffix = part ? `T${PART_OF_DAY[part]}` : '';
    if (part1 && part2) return null;
    if (lw === 'today' && !part) {
      // "Today, this issue is more complex" / "he would be a Libertarian today": nowadays.
      const cue = c.tense.cueFor(m.index, m.index + m[0].length);
      const opening = atSentenceStart(c.s, m.index) && c.s[m.index + m[0].length] === ',';
      if (cue && cue !== 'since' && (cue.word === 'would' || (opening && cue.cue === 'N'))) return { value: 'PRESENT_REF' };
    }
    if (!c.a) return { value: `XXXX-XX-XX${suffix}`, day: !suffix };
    return { value: fmtDay(c.a.day + offset) + suffix, day: !suffix };
  },
);

// this week, last month, next year, earlier this year, late last year, the end of the month, the weekend
rule(U,
  `(?:\\b([Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate|[Mm]id)(?:\\s+|-))?(?:\\b(?:[Tt]he\\s+)?(?:very\\s+)?(end|beginning|start|middle)\\s+of\\s+)?\\b(${REL}|[Tt]he(?:\\s+current)?)\\s+(?:(fiscal)\\s+)?(week|weekend|month|year|quarter|decade|century)(?![\\w-])`,
  (m, c) => {
    const [, mod, endOf, relText, fiscal, unit] = m;
    if (fiscal && unit !== 'year' && unit !== 'quarter') return null;
    const rel = relText!.toLowerCase().replace(/\s+/g, ' ');
    const before = prevWord(c.s, m.index).toLowerCase();
    if (rel === 'the') {
      if (!endOf && unit !== 'weekend' && !(fiscal && unit === 'year' && /^\s+\d{4}/.test(c.s.slice(m.index + m[0].length)))) return null;
      if (unit === 'weekend' && !endOf &&
        !['over', 'at', 'on', 'during', 'by', 'until', 'after', 'before', 'since', 'for', 'throughout'].includes(before)) return null;
    }
    if (!mod && !endOf && (before === 'the' || before === 'every' || before === 'each' || before === 'per')) return null;
    if (rel === 'last' && !mod && !endOf && /^\s+(?:few|two|three|several|\d)/.test(c.s.slice(m.index + m[0].length))) return null;
    let k = relK(rel);
    const a = c.a;
    if (unit === 'weekend') {
      if (!a) return { value: 'XXXX-WXX-WE' };
      if (rel === 'the') {
        const wd = isoWeekday(a.day);
        const dir: Dir = c.tense.dirAt(m.index, m.index + m[0].length);
        k = wd >= 6 ? 0 : dir === 'future' ? 0 : dir === 'past' ? -1 : wd <= 3 ? -1 : 0;
      }
      return { value: `${fmtWeek(a.day + 7 * k)}-WE` };
    }
    if (unit === 'decade' && rel === 'last' && !endOf && !mod) return null; // "the last decade" reads as a duration
    return { value: shiftedPeriod(a, unit as PeriodUnit, k) };
  },
);

type PeriodUnit = 'week' | 'month' | 'year' | 'quarter' | 'decade' | 'century';

/** The TIMEX3 value of the period `k` units from the anchor's (unresolved form without one). */
function shiftedPeriod(a: Anchor | null, unit: PeriodUnit, k: number): string {
  switch (unit) {
    case 'week':
      return a ? fmtWeek(a.day + 7 * k) : 'XXXX-WXX';
    case 'month': {
      if (!a) return 'XXXX-XX';
      const r = addMonths(a.y, a.m, k);
      return fmtMonth(r.y, r.m);
    }
    case 'year':
      return a ? pad(a.y + k, 4) : 'XXXX';
    case 'quarter': {
      if (!a) return 'XXXX-QX';
      const idx = a.y * 4 + Math.floor((a.m - 1) / 3) + k;
      return `${Math.floor(idx / 4)}-Q${(idx % 4) + 1}`;
    }
    case 'decade':
      return a ? String(Math.floor(a.y / 10) + k) : 'XXX';
    case 'century':
      return a ? pad(Math.floor(a.y / 100) + k, 2) : 'XX';
  }
}

// three years ago, two days ago, a week ago, a decade ago, a year from now, years ago
rule(R,
  `\\b(${COUNT})\\s+(days?|weeks?|months?|years?|decades?|centuries|century)\\s+(ago|from\\s+now)\\b`,
  (m, c) => {
    const [, countText, unitText, dirText] = m;
    const n = parseCount(countText!);
    const future = dirText !== 'ago';
    if (Number.isNaN(n)) return { value: future ? 'FUTURE_REF' : 'PAST_REF' };
    const k = future ? n : -n;
    const unit = unitText!.replace(/s$/, '').replace(/ie$/, 'y');
    const a = c.a;
    if (unit === 'day') return a ? dayHit(a.day + k) : { value: 'XXXX-XX-XX', day: true };
    return { value: shiftedPeriod(a, unit as PeriodUnit, k) };
  },
);

rule(R, `\\b([Yy]ears|[Mm]onths|[Ww]eeks|[Dd]ecades|[Ll]ong)\\s+ago\\b`, () => ({ value: 'PAST_REF' }));

// year-end: the end of the anchor's year ("by year-end", "at the year end")
rule(U, `\\b[Yy]ear[- ]end(?![\\w-])`, (m, c) => {
  if (c.s.slice(m.index + m[0].length).startsWith("'s") || /^\s+(?:bonus|party|results|figures|accounts|report|review|sale|sales)\b/.test(c.s.slice(m.index + m[0].length))) return null;
  return { value: c.a ? pad(c.a.y, 4) : 'XXXX' };
});

// "a year earlier" in financial news compares with the year before the article's.
rule(U, `\\b[Aa]\\s+year\\s+(?:earlier|before)\\b`, (m, c) => {
  if (!FINANCE.test(c.s)) return null;
  return { value: c.a ? pad(c.a.y - 1, 4) : 'XXXX' };
});

// now, recently, currently, nowadays, lately, these days, in the past, in the future, at present
rule(R | P,
  `\\b(?:([Nn]ow)|([Rr]ecently|[Ll]ately)|([Cc]urrently|[Nn]owadays|[Tt]hese\\s+days|(?<=\\b[Aa]t\\s)the\\s+moment(?![\\w-]|\\s+(?:of|when|that)\\b))|(the\\s+past)|(the\\s+(?:near\\s+|distant\\s+|foreseeable\\s+)?future)|(present))\\b`,
  (m, c) => {
    const [, now, past, present, thePast, theFuture, presentWord] = m;
    const end = m.index + m[0].length;
    const before = prevWord(c.s, m.index);
    const lb = before.toLowerCase();
    if (now) {
      if (c.s[end] === '-' || c.s[end] === '’' || c.s[end] === "'") return null; // now-defunct
      if (isUpper(before[0]) && isUpper(now[0])) return null; // Apocalypse Now
      return { value: 'PRESENT_REF' };
    }
    if (past) return { value: 'PAST_REF' };
    if (present) return { value: 'PRESENT_REF' };
    if (thePast) {
      if (lb !== 'in' && lb !== 'than') return null;
      if (nounFollows(c.s, end) || /^\s+(?:few|two|three|several|\d)/.test(c.s.slice(end))) return null;
      return { value: 'PAST_REF' };
    }
    if (theFuture) {
      if (!['in', 'for', 'into'].includes(lb)) return null;
      if (nounFollows(c.s, end)) return null;
      return { value: 'FUTURE_REF' };
    }
    if (presentWord && lb === 'at' && !nounFollows(c.s, end)) return { value: 'PRESENT_REF' };
    return null;
  },
);

// Holidays: Christmas, this Christmas, Easter 2015, Thanksgiving, Bastille Day
const HOLIDAY_RES = HOLIDAYS.map((h) => ({ h, re: new RegExp(`^(?:${h.re})$`) }));
rule(H | M | W | P,
  `(?:\\b([Tt]his|[Ll]ast|[Nn]ext)\\s+)?\\b(${HOLIDAYS.map((h) => h.re).join('|')})(?![\\w-])(?:,?\\s+${YEAR})?`,
  (m, c) => {
    const [, rel, name, yearText] = m;
    const entry = HOLIDAY_RES.find((e) => e.re.test(name!));
    if (!entry) return null;
    let end = m.index + m[0].length;
    const before = prevWord(c.s, m.index).toLowerCase();
    if (before === 'every' || before === 'each') return null;
    // "Christmas morning": the holiday's part of the day.
    const partMatch = yearText ? null : new RegExp(`^\\s+(${PARTS})(?![\\w-])`).exec(c.s.slice(end, end + 12));
    const suffix = partMatch ? `T${PART_OF_DAY[partMatch[1]!]}` : '';
    if (partMatch) end += partMatch[0].length;
    else if (!yearText) {
      const after = nextWord(c.s, end);
      if (after && c.s[end] === ' ' && isUpper(after[0]) && !MONTH_OR_WEEKDAY.test(after) && after !== 'Day' && after !== 'Eve') return null;
      if (nounFollows(c.s, end)) return null;
    }
    const h = entry.h;
    const hit = (n: number): Hit => (suffix ? { value: fmtDay(n) + suffix, end } : dayHit(n));
    if (yearText) return hit(h.day(Number(yearText)));
    if (!c.a) return { value: (h.fixed ? `XXXX-${h.fixed}` : 'XXXX-XX-XX') + suffix, day: !suffix, end };
    const a = c.a;
    const k = relK(rel);
    let y: number;
    if (rel && k === 0) y = a.y;
    else if (rel) y = chooseCycle(a.y, h.day, a.day, k < 0 ? 'past' : 'future', true);
    else y = chooseCycle(a.y, h.day, a.day, c.tense.dirAt(m.index, end));
    return hit(h.day(y));
  },
);

// Clock times
function zoneOf(name: string | undefined, sign: string | undefined, hh: string | undefined, mm: string | undefined): string {
  if (!name) return '';
  if (sign && hh) {
    const off = `${sign}${pad(Number(hh), 2)}:${mm ?? '00'}`;
    return off === '+00:00' || off === '-00:00' ? 'Z' : off;
  }
  return ZONES[name] ?? '';
}

rule(NS, `(?<![\\w:.,$£€])(\\d{1,2})(?:[:.](\\d{2})(?::(\\d{2}))?)?\\s*([AaPp])\\.?\\s?[Mm]\\b\\.?${ZONE}`, (m) => {
  let hh = Number(m[1]);
  const mm = m[2] ? Number(m[2]) : 0;
  if (hh < 1 || hh > 12 || mm > 59) return null;
  const pm = m[4]!.toLowerCase() === 'p';
  if (hh === 12) hh = pm ? 12 : 0;
  else if (pm) hh += 12;
  return { value: '', time: { hh, mm, ss: m[3] ? Number(m[3]) : null, zone: zoneOf(m[5], m[6], m[7], m[8]) } };
});

rule(NS, `(?<![\\w:.,$£€/])([01]?\\d|2[0-3]):([0-5]\\d)(?::([0-5]\\d))?(?![\\d:])(?:\\s*h(?:rs)?\\b)?${ZONE}`, (m, c) => {
  const before = prevWord(c.s, m.index);
  if (/^(?:verse|verses|chapter|ratio|odds|John|Matthew|Mark|Luke|Genesis)$/i.test(before)) return null;
  return {
    value: '',
    time: { hh: Number(m[1]), mm: Number(m[2]), ss: m[3] ? Number(m[3]) : null, zone: zoneOf(m[4], m[5], m[6], m[7]) },
  };
});

rule(NS, `(?<![\\w:.,$£€])([01]\\d|2[0-3])([0-5]\\d)\\s*(?:hrs\\s*)?\\b(GMT|UTC)\\b(?:\\s*([+-])\\s?(\\d{1,2})(?::?(\\d{2}))?)?`, (m) => ({
  value: '',
  time: { hh: Number(m[1]), mm: Number(m[2]), ss: null, zone: zoneOf(m[3], m[4], m[5], m[6]) },
}));

rule(R, `\\b([Nn]oon|[Mm]idnight|[Mm]idday)\\b`, (m, c) => {
  if (c.s[m.index + m[0].length] === '-') return null;
  const lw = m[1]!.toLowerCase();
  return { value: '', time: { hh: lw === 'midnight' ? 24 : 12, mm: 0, ss: null, zone: '' } };
});

rule(R, `\\b(\\d{1,2}|${capAlt('one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve')})\\s+o['’]clock\\b`, (m) => {
  const hh = parseCount(m[1]!);
  if (!(hh >= 1 && hh <= 12)) return null;
  return { value: '', time: { hh, mm: 0, ss: null, zone: '' } };
});

// Numeric dates: 13/09/2016, 13.09.2016, 9/13/16, 2016/09/13
rule(NS, `(?<![\\w/.:-])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\w]|[/.:-]\\d)`, (m, c) => {
  const [, aText, sep, bText, yText] = m;
  if (yText!.length === 2 && sep !== '/') return null;
  const a = Number(aText);
  const b = Number(bText);
  let y = Number(yText);
  if (yText!.length === 2) y += c.a ? (2000 + y <= c.a.y + 1 ? 2000 : 1900) : y < 50 ? 2000 : 1900;
  if (y < 1000) return null;
  let d: number;
  let mo: number;
  if (sep === '.' || a > 12) [d, mo] = [a, b];
  else if (b > 12) [d, mo] = [b, a];
  else if (c.dayFirst()) [d, mo] = [a, b];
  else [d, mo] = [b, a];
  if (!isValidDate(y, mo, d)) return null;
  return { value: `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`, day: true };
});

rule(NS, `(?<![\\w/.:-])(\\d{4})([/.])(\\d{1,2})\\2(\\d{1,2})(?![\\w]|[/.:-]\\d)`, (m) => {
  const y = Number(m[1]);
  const mo = Number(m[3]);
  const d = Number(m[4]);
  if (y < 1000 || !isValidDate(y, mo, d)) return null;
  return { value: `${m[1]}-${pad(mo, 2)}-${pad(d, 2)}`, day: true };
});

// ---------------------------------------------------------------------------------------
// Driver

/**
 * The prefilter: a sentence is examined only if it contains one of these. It must be a superset
 * of what the rules can match (every rule needs one of these words or digit shapes).
 */
const TRIGGER_GROUPS: [number, string][] = [
  [M, `\\b(?:${MONTH_FULL}|${MONTH_ABBR}|${MONTH_CAPS})(?![a-z])`],
  [W, `\\b(?:${WEEKDAY_FULL})(?![a-z])`],
  [NS, '\\d{4}\\s*(?:GMT|UTC)|\\d[:/.-]\\d|\\d\\s*[AaPp]\\.?\\s?[Mm]\\b'],
  [NO, '\\d0[\'’]?s\\b|[\'’]\\d\\d\\b|\\d(?:st|nd|rd|th)\\b|\\b[QH][1-4]\\b'],
  [N4, '\\d{4}'],
  [R, '\\b(?:[Tt]o(?:day|night|morrow)|[Yy]esterday|[Nn]ow|[Rr]ecently|[Ll]ately|[Cc]urrently|[Nn]owadays|ago|o[\'’]clock|[Nn]oon|[Mm]id(?:night|day))\\b'],
  [U, '\\b(?:[Ww]eek|[Mm]onth|[Yy]ear|[Dd]ecade|[Cc]entur|[Qq]uarter|half)'],
  [S, '\\b(?:[Ss]ummer|[Ww]inter|[Ss]pring|[Aa]utumn|[Ff]all)\\b'],
  [P, '\\b(?:[Mm]orning|[Aa]fternoon|[Ee]vening|[Nn]ight|[Tt]hese\\s+days|the\\s+(?:past|future|near|distant|foreseeable|moment)|present)\\b'],
  [D, `\\b(?:${capAlt(Object.keys(DECADE_WORDS).join('|'))})\\b`],
  [H, '\\b(?:Christmas|Xmas|Easter|Hogmanay|Hallowe[\'’]?en|Thanksgiving|Pentecost|Day|Eve)\\b'],
];
const TRIGGER = new RegExp(TRIGGER_GROUPS.map(([, src]) => `(${src})`).join('|'), 'g');

function categoryOf(m: RegExpExecArray): number {
  for (let i = 0; i < TRIGGER_GROUPS.length; i++) if (m[i + 1] !== undefined) return TRIGGER_GROUPS[i]![0];
  return 0;
}

const ABBREV = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec', 'gen', 'sen', 'rep', 'gov', 'no', 'co', 'inc', 'ltd', 'corp', 'vs', 'prof', 'lt', 'col',
  'capt', 'mt', 'jr', 'sr', 'approx', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat',
  'sun', 'est', 'fig', 'vol', 'rev', 'sgt', 'maj', 'adm', 'cmdr', 'hon', 'pres', 'u.s', 'e.g', 'i.e', 'a.m', 'p.m',
]);

const MAX_SENTENCE = 1500;

/** Whether the [.!?] at index i ends a sentence. */
function endsSentence(text: string, i: number): boolean {
  let j = i + 1;
  while (j < text.length && /["'”’)\]]/.test(text[j]!)) j++;
  if (j < text.length && !/\s/.test(text[j]!)) return false;
  if (text[i] !== '.') return true;
  let k = i - 1;
  while (k >= 0 && /[A-Za-z.]/.test(text[k]!)) k--;
  const word = text.slice(k + 1, i).toLowerCase();
  while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
  if (word === 'a.m' || word === 'p.m') {
    // "... at 8 p.m. Police said" ends a sentence; "8 p.m. Monday", "8 p.m. EST" do not.
    const next = /^[A-Za-z]+/.exec(text.slice(j, j + 12))?.[0] ?? '';
    return isUpper(next[0]) && !MONTH_OR_WEEKDAY.test(next) && !(next in ZONES) && next !== 'ET' && next !== 'PT';
  }
  // Initials and abbreviations (U.S., Mr., Sept.) do not end a sentence.
  if (word.length === 1 || ABBREV.has(word)) return false;
  const next = text[j];
  return !(next !== undefined && (isLower(next) || (next >= '0' && next <= '9')));
}

function sentenceBounds(text: string, pos: number, floor: number): [number, number] {
  let start = pos;
  const lo = Math.max(floor, pos - MAX_SENTENCE);
  while (start > lo) {
    const ch = text[start - 1]!;
    if (ch === '\n') break;
    if ((ch === ' ' || ch === '\t') && start >= 2) {
      let q = start - 2;
      while (q > lo && /["'”’)\]]/.test(text[q]!)) q--;
      const p = text[q];
      if ((p === '.' || p === '!' || p === '?') && endsSentence(text, q)) break;
    }
    start--;
  }
  let end = pos;
  const hi = Math.min(text.length, pos + MAX_SENTENCE);
  while (end < hi) {
    const ch = text[end]!;
    if (ch === '\n' || ch === '\r') break;
    if ((ch === '.' || ch === '!' || ch === '?') && endsSentence(text, end)) {
      end++;
      break;
    }
    end++;
  }
  return [start, end];
}

/** Document-level order of ambiguous numeric dates: day-first unless the document shows month-first. */
function dayFirstOrder(text: string): boolean {
  const re = /(?<![\w/.:-])(\d{1,2})[/-](\d{1,2})[/-](?:\d{4}|\d{2})(?![\w]|[/.:-]\d)/g;
  let dayFirst = 0;
  let monthFirst = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) dayFirst++;
    else if (b > 12 && a <= 12) monthFirst++;
  }
  return monthFirst <= dayFirst;
}

/** Whether [start, end) sits inside a URL, an e-mail address or a @handle ("@September_babyy"). */
function inUrlOrHandle(s: string, start: number, end: number): boolean {
  const before = s[start - 1];
  const after = s[end];
  if (before === '@' || before === '/' || before === '_' || after === '_' || after === '/' || after === '@') return true;
  let i = start;
  while (i > 0 && !/\s/.test(s[i - 1]!)) i--;
  if (i === start) return false;
  const token = s.slice(i, start);
  return token.includes('://') || token.startsWith('www.') || token.includes('@');
}

function timeString(t: TimeOfDay): string {
  return `T${pad(t.hh, 2)}:${pad(t.mm, 2)}${t.ss !== null ? `:${pad(t.ss, 2)}` : ''}${t.zone}`;
}

function processSentence(s: string, base: number, mask: number, a: Anchor | null, dayFirst: () => boolean, out: Span[], text: string): void {
  const ctx: Ctx = { s, a, tense: new TenseScope(s), dayFirst };
  const cands: Cand[] = [];
  for (const r of RULES) {
    if ((r.gate & mask) === 0) continue;
    r.re.lastIndex = 0;
    for (let m = r.re.exec(s); m; m = r.re.exec(s)) {
      const hit = m[0].length > 0 && !inUrlOrHandle(s, m.index, m.index + m[0].length) ? r.fn(m, ctx) : null;
      if (hit) {
        cands.push({
          start: hit.start ?? m.index,
          end: hit.end ?? m.index + m[0].length,
          value: hit.value,
          day: hit.day,
          time: hit.time,
        });
      }
      if (m[0].length === 0) r.re.lastIndex++;
    }
  }
  if (cands.length === 0) return;
  // Longest first; on equal length the earlier start, then the earlier rule.
  const order = cands.map((c, i) => ({ c, i }));
  order.sort((x, y) => y.c.end - y.c.start - (x.c.end - x.c.start) || x.c.start - y.c.start || x.i - y.i);
  const picked: Cand[] = [];
  for (const { c } of order) {
    if (picked.every((p) => p.end <= c.start || c.end <= p.start)) picked.push(c);
  }
  picked.sort((x, y) => x.start - y.start);
  // A calendar day directly followed (or preceded) by a clock time is one expression.
  const merged: Cand[] = [];
  for (let i = 0; i < picked.length; i++) {
    const c = picked[i]!;
    const nx = picked[i + 1];
    if (nx && ((c.day && nx.time) || (c.time && nx.day)) && /^,?\s{1,2}$/.test(s.slice(c.end, nx.start))) {
      const dayC = c.day ? c : nx;
      const timeC = c.time ? c : nx;
      merged.push({ start: c.start, end: nx.end, value: dayC.value + timeString(timeC.time!) });
      i++;
      continue;
    }
    merged.push(c);
  }
  for (let i = 0; i < merged.length; i++) {
    const c = merged[i]!;
    if (c.time) {
      // A lone clock time takes the day of the nearest calendar day in its sentence, else the anchor's.
      let dayValue: string | null = null;
      for (let j = i - 1; j >= 0 && dayValue === null; j--) if (merged[j]!.day) dayValue = merged[j]!.value;
      for (let j = i + 1; j < merged.length && dayValue === null; j++) if (merged[j]!.day) dayValue = merged[j]!.value;
      dayValue ??= a ? fmtDay(a.day) : 'XXXX-XX-XX';
      c.value = dayValue + timeString(c.time);
    }
    const start = base + c.start;
    const end = base + c.end;
    out.push({ start, end, label: 'DATE', text: text.slice(start, end), value: c.value });
  }
}

/** Every date and time expression in `text`, with TIMEX3 values resolved against `anchor`. */
export function extractDates(text: string, options: DateOptions): Span[] {
  const a = parseAnchor(options.anchor);
  const out: Span[] = [];
  let order: boolean | null = null;
  const dayFirst = (): boolean => (order ??= dayFirstOrder(text));
  const trigger = new RegExp(TRIGGER.source, 'g');
  let floor = 0;
  let m = trigger.exec(text);
  while (m) {
    const [start, end] = sentenceBounds(text, m.index, floor);
    let mask = categoryOf(m);
    let next = trigger.exec(text);
    while (next && next.index < end) {
      mask |= categoryOf(next);
      next = trigger.exec(text);
    }
    processSentence(text.slice(start, end), start, mask, a, dayFirst, out, text);
    floor = end;
    m = next;
  }
  return out;
}
