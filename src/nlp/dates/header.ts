/**
 * The document header: its headline and its own date (issue 5 item 1).
 */
import type { PublishedFrom, Span } from '../../core/types.js';
import { daysFromCivil, isValidDate, pad } from './calendar.js';
import { extractDates } from './extract.js';

export interface PublishedOptions {
  fileName?: string;
  referenceDate: string | null;
  /** findTitle(text), when the caller has it already. */
  title?: string | null;
}
export interface Published { value: string | null; from: PublishedFrom | null }

const SKIP_LINE = [
  /^[•·*►▶|»>■◦▪–—-]/u,
  /^(?:photos?|images?|pictures?|credits?|videos?|source|caption|illustration|file photo)\s*[:：]/i,
  /^(?:published|updated|posted|last\s+updated|first\s+published|date|by|from|written\s+by|filed)\b/i,
  /^(?:home|menu|skip to\b|search|advertisement|sponsored|share|subscribe|sign in|log in|close)\b/i,
  /^https?:\/\//i,
  /^[A-Z]{2,6}\s*[·•|-]\s*\d/, // "AFP · 13 Sep 2016"
];

function lines(text: string, max: number): string[] {
  const out: string[] = [];
  let pos = 0;
  while (pos < text.length && out.length < max) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    out.push(text.slice(pos, nl).replace(/\r$/, ''));
    pos = nl + 1;
  }
  return out;
}

/**
 * The dates of one header line, kept for the rest of the document: the headline test and the
 * search for the article's date read the same top lines (a one-line text is all top line).
 */
let memoText: string | null = null;
const memo = new Map<string, Span[]>();
function lineDates(text: string, line: string, anchor: string | null): Span[] {
  if (memoText !== text) {
    memoText = text;
    memo.clear();
  }
  const key = `${anchor ?? ''}\u0000${line}`;
  let spans = memo.get(key);
  if (spans === undefined) {
    spans = extractDates(line, { anchor });
    memo.set(key, spans);
  }
  return spans;
}

function looksLikeHeadline(text: string, line: string): boolean {
  if (line.length < 12 || line.length > 300) return false;
  if (SKIP_LINE.some((re) => re.test(line))) return false;
  if (line.split(/\s+/).length < 3) return false;
  if (!/[A-Za-z]/.test(line)) return false;
  // A line that is mostly a date is a dateline, not a headline.
  const dates = lineDates(text, line, null);
  const dateChars = dates.reduce((n, d) => n + d.end - d.start, 0);
  return dateChars < line.length / 2;
}

/**
 * The headline: the first line near the top that reads like one, skipping bullets, site
 * banners, photo credits and date lines. A line that the page repeats (headline above the
 * photo and again above the story) wins over an earlier one.
 */
export function findTitle(text: string): string | null {
  // Whitespace is normalised (no-break spaces, tabs, runs): the title is for display and search.
  const raw = lines(text.replace(/^\uFEFF/, ''), 40);
  const top = raw.slice(0, 12).map(normaliseSpace);
  // The first repeated line that reads like a headline, else the first line that does; the
  // (costlier) headline test runs only on the lines that can decide, and the lines below the
  // top are normalised only when a top line may be a headline (most texts' first line is).
  let head: string[] | null = null;
  for (const line of top) {
    if (line.length < 12 || line.length > 300) continue;
    head ??= [...top, ...raw.slice(12).map(normaliseSpace)];
    if (head.indexOf(line) !== head.lastIndexOf(line) && looksLikeHeadline(text, line)) return line;
  }
  for (const line of top) if (looksLikeHeadline(text, line)) return line;
  return null;
}

const FULL_DAY = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?)?$/;
const HEADER_LABEL = /^\s*(?:(published|first\s+published|posted|created|date|dated|updated|last\s+updated|modified)\b)\s*(?:on|at)?\s*[:：]?/i;

function normaliseSpace(line: string): string {
  // Most lines have nothing to change: a test allocates nothing, a replace copies the line.
  return NOT_NORMAL_SPACE.test(line) ? line.replace(/\s+/g, ' ').trim() : line;
}

/** Whitespace that normaliseSpace changes: a run, any but a plain space, or at either end. */
const NOT_NORMAL_SPACE = /\s\s|[^\S ]|^\s|\s$/;

/** The first full calendar date of a line, with its clock time when the line gives one ("... at 8:05 AM"). */
function firstFullDate(text: string, line: string, anchor: string | null): string | null {
  const spans = lineDates(text, line, anchor);
  for (let i = 0; i < spans.length; i++) {
    const v = spans[i]!.value;
    if (!v || !FULL_DAY.test(v)) continue;
    if (!v.includes('T')) {
      const timed = spans.slice(i + 1).find((s) => s.value?.startsWith(`${v}T`) && FULL_DAY.test(s.value));
      if (timed) return timed.value!;
    }
    return v;
  }
  return null;
}

/** A date in a file name: 2016-09-13-story.txt, 20160913_story.txt, story_2016.09.13.txt. */
export function dateFromFileName(fileName: string): string | null {
  const base = fileName.replace(/^.*[\\/]/, '');
  const re = /(?<!\d)((?:19|20)\d\d)([-_.]?)(\d\d)\2(\d\d)(?!\d)/g;
  for (let m = re.exec(base); m; m = re.exec(base)) {
    const y = Number(m[1]);
    const mo = Number(m[3]);
    const d = Number(m[4]);
    if (isValidDate(y, mo, d)) return `${m[1]}-${m[3]}-${m[4]}`;
  }
  return null;
}

function validReference(value: string | null): string | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m || !isValidDate(Number(m[1]), Number(m[2]), Number(m[3]))) return null;
  daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  return value;
}

/** Lowercase words that header lines (by-lines, agency lines) may hold. */
const HEADER_WORDS = new Set(['at', 'on', 'of', 'the', 'am', 'pm', 'by', 'and', 'in', 'updated', 'published', 'posted', 'last', 'gmt', 'utc', 'local', 'time']);

/** Datelines: "PARIS, Sept 13 (Reuters) -", "AL-AIN, United Arab Emirates 1996-12-06". */
const DATELINE = /^\s*[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .'’-]{1,40})?[,\s]\s*/;

/**
 * The article's own date: a labelled header line ("Published: ..."), else a short line near the
 * top that is mostly a full date (agency lines, datelines), else the first full date in the
 * first lines of text; else the file name; else --reference-date; else null. Never the clock.
 * A date without a year (a "PARIS, Sept 13 (Reuters)" dateline) is completed from the file name
 * or reference date when there is one, and skipped otherwise.
 */
export function findPublished(text: string, options: PublishedOptions): Published {
  const fromName = options.fileName ? dateFromFileName(options.fileName) : null;
  const reference = validReference(options.referenceDate);
  const hint = fromName ?? reference;
  const head = lines(text.replace(/^\uFEFF/, ''), 30);
  let labelled: string | null = null;
  let updated: string | null = null;
  let shortLine: string | null = null;
  let nearTop: string | null = null;
  let chars = 0;
  let nonEmpty = 0;
  let inBody = false;
  const title = options.title === undefined ? findTitle(text) : options.title;
  for (const raw of head) {
    const line = raw.trim();
    chars += raw.length + 1;
    if (!line) continue;
    nonEmpty++;
    const label = HEADER_LABEL.exec(line);
    if (label) {
      const v = firstFullDate(text, line, hint);
      if (v) {
        if (/updated|modified/i.test(label[1]!)) updated ??= v;
        else labelled ??= v;
        continue;
      }
    }
    // A short line holding a date: agency lines, by-lines, datelines; not the headline
    // ("Remembering 11 September 2001") nor a sentence (four lowercase words or more).
    // (Each test is made only where it can decide: this runs on the top lines of every text.)
    const dateline = !inBody && DATELINE.test(line);
    if (dateline || (!inBody && line.length <= 60 && lowerWords(line) < 2 && !isTitle(line, title) && !/[.!?]["'”’]?$/.test(line))) {
      const v = firstFullDate(text, dateline ? line.slice(0, 100) : line, hint);
      if (v) {
        shortLine ??= v;
        continue;
      }
    }
    // The opening lines of the text ("The minister resigned on 13 September 2016 ...").
    if (nonEmpty <= 3 && chars <= 600 && nearTop === null && !(isTitle(line, title) && !/[.!?]["'”’]?$/.test(line))) nearTop = firstFullDate(text, line, null);
    if (!inBody && line.length >= 80 && lowerWords(line) >= 4) inBody = true;
  }
  const fromText = labelled ?? shortLine ?? updated ?? nearTop;
  if (fromText && !fromText.startsWith('X')) return { value: normalise(fromText), from: 'text' };
  if (fromName) return { value: fromName, from: 'filename' };
  if (reference) return { value: reference, from: 'option' };
  return { value: null, from: null };
}

/** Lower-case words of a line that header lines (by-lines, agency lines) do not hold. */
function lowerWords(line: string): number {
  return (line.match(/\b[a-z]{2,}\b/g) ?? []).filter((w) => !HEADER_WORDS.has(w)).length;
}

/** Whether a (trimmed) line is the headline findTitle gave. */
function isTitle(line: string, title: string | null): boolean {
  return title !== null && normaliseSpace(line) === title;
}

/** Keeps published values to date, date-time or date-time-with-offset precision. */
function normalise(v: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2})?(Z|[+-]\d{2}:\d{2})?)?/.exec(v);
  if (!m) return v;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (!m[4]) return date;
  return `${date}T${pad(Number(m[4]), 2)}:${m[5]}${m[6] ?? ''}`;
}
