/**
 * Zoning: which lines of a scraped page are the article and which are page furniture (menus,
 * share bars, photo credits, teasers, comments, footers).
 *
 * Boilerplate removers (jusText, boilerpipe, trafilatura) read HTML; a corpus of text files has
 * lost the markup, so this works on what a scraper leaves: one line per block. It is jusText's
 * idea carried over to lines: each line is first classed by its length and its share of stop
 * words, then short lines take the class of their neighbours. On top of that come the cues a
 * flattened page still carries: share bars, credit lines, menus and breadcrumbs, and the
 * headers that open a block of teasers ("Related", "Today's headlines"), which lasts until real
 * paragraphs resume, or the comments, which last to the end. The article is then
 * the run of lines with the most prose in it, widened up to its title, byline and date and down
 * to its sign-off.
 *
 * A text with none of those cues (a wire story, a plain article, an e-mail) is all body: zoning
 * never takes a line from a text that shows no sign of being a page.
 */
import type { TextRange } from '../core/types.js';

/** One non-blank line: its trimmed extent in the text. */
interface Line {
  start: number;
  end: number;
  text: string;
}

/** jusText's classes, plus the furniture that a cue on the line itself proves. */
type LineClass = 'good' | 'near' | 'short' | 'bad';

const LENGTH_LOW = 70;
const LENGTH_HIGH = 150;
const STOPWORDS_LOW = 0.3;
const STOPWORDS_HIGH = 0.32;

/** English function words: their share tells prose from lists of names and links. */
const STOP_WORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him ' +
    'himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other ' +
    'our ours ourselves out over own same she should so some such than that the their theirs them themselves then there ' +
    'these they this those through to too under until up very was we were what when where which while who whom why will ' +
    'with would you your yours yourself yourselves also said says say told may might must shall us one two three new its ' +
    'last year years since ago still even back well like just many much another every against within without upon yet ' +
    'who\'s it\'s he\'s she\'s they\'re we\'re don\'t didn\'t doesn\'t isn\'t wasn\'t can\'t won\'t i\'m i\'ve'
  ).split(' '),
);

/** Words of a share bar or a row of buttons. */
const BUTTON_WORDS = new Set(
  (
    'share shares sharing facebook twitter x google google+ reddit email e-mail mail whatsapp linkedin pinterest print tweet ' +
    'messenger flipboard tumblr pocket sms copy link url save comment comments like likes reply report permalink embed ' +
    'hacker news telegram threads bluesky mastodon instagram youtube rss feed follow us on via this article story page post'
  ).split(' '),
);

/** A caption or credit anywhere on its line: "Photo: AFP", "Image by ...", "• Getty Images". */
const CREDIT = [
  /(?:^|[\s.•|(\[])(?:photos?|photograph|image|picture|pic|credit|illustration|graphic|video|footage|caption|file photo|source)\s*(?:by\s*)?[:：|]\s*\S/i,
  /^(?:photos?|photograph|image|picture|illustration|video) by\s+\p{Lu}/iu,
  /[•|/(]\s*(?:getty images|afp|reuters|ap photo|ap|epa|shutterstock|alamy|pa wire|pa|flickr|istock|efe|anadolu|xinhua|supplied|handout|file)(?:\s*\/\s*[\p{L} ]+)?\s*\)?\.?$/iu,
  /\b(?:getty images|shutterstock|istockphoto|ap photo)\b/i,
];

/** A whole line of one widget: a button, a counter, a notice. */
const WIDGET =
  /^(?:advertisement|advertising|adverti[sz]e with us|ad|ads|sponsored(?: (?:content|article|post|story|links?))?|paid (?:content|post)|promoted|story continues below.*|article continues below.*|continue reading.*|read more\W*|read full (?:story|article)\W*|show more|show \\d+ more(?: \\w+)?|load more(?: comments| stories)?|see more|view (?:all|more)(?: \S+)?|more|reply|like|report|flag|sign in|log in|log out|sign up|register|subscribe(?: now| today)?|menu|search|close|skip to (?:main )?content|back to top|top|next|previous|next (?:article|story|post)|previous (?:article|story|post)|home|share|share this(?: article| story| post)?|tweet|print|email|listen(?: to this article)?|\d+ min(?:ute)?s? read|\d+ comments?|watch(?: live| now)?|play(?: video)?|loading.*|accept(?: all)?(?: cookies)?|reject(?: all)?|manage (?:cookies|preferences)|got it|ok|toggle navigation|open menu|sort by.*|newest|oldest|trending|follow|following|unfollow|jump to(?: comments)?)[.!:…]*$/i;

/** A line that opens with a furniture label. */
const LABEL =
  /^(?:read more|related|see also|also read|read also|more|watch|listen|tags?|tagged|filed under|categories|category|posted in|topics?|keywords|sections?|follow us|follow|subscribe|sign up|newsletter|get (?:the|our)\b.*newsletter|you might also like|recommended|sponsored|advertisement|editor'?s note)\s*[:：|]/i;

/** A notice or footer anywhere on its line. */
const NOTICE = [
  /^(?:©|copyright\b)/i,
  /\(c\)\s*(?:\d{4}|\p{Lu}\p{L}+ (?:inc|ltd|llc|corp))/iu,
  /©\s*(?:\d{4}|[\p{Lu}])/u,
  /\ball rights reserved\b/i,
  /\b(?:privacy policy|terms of (?:use|service)|cookie (?:policy|settings|preferences)|do not sell\b)/i,
  /\b(?:we|this (?:site|website)) uses? cookies\b/i,
  // A consent banner: cookies or the reader's device, and the choices it offers.
  /^(?=.*\b(?:cookies?|your device|privacy settings|personali[sz]ed (?:ads|advertising|content))\b)(?=.*\b(?:partners|accept|reject|consent|choices|settings|preferences|vendors)\b)/i,
  /^we (?:value|care about|respect) your privacy\b/i,
  /^this (?:entry|post|article) was posted\b/i,
  /\bbookmark the permalink\b/i,
  /^(?:sign up|subscribe) (?:to|for) (?:our|the)\b/i,
  /\b(?:enter your e-?mail|your e-?mail address will not be published|required fields are marked)\b/i,
  /^(?:you are commenting using|fill in your details below|notify me of (?:new|follow-up))/i,
  /\b(?:click here|tap here) to\b/i,
  /^(?:posted|published|written|filed) (?:in|under) \p{Lu}/u,
];

/** A comment's own header line: "Name · 3 years ago", "2 April 2016, 17:12" after a name. */
const COMMENT_META = [
  /\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\s*$/i,
  /^(?:reply|like|report)\s*(?:[|·•]|\(\d+\))/i,
  /\((?:\d+)\)\s*$/,
];

/** A header that opens a block of teasers, an author box or a sidebar. */
const TEASER_HEAD =
  /^(?:related(?: (?:stories|articles|content|coverage|news|posts|reading|links|topics|videos))?|more (?:from|on|in|about|stories|news|headlines|like this|to read|top stories)\b.*|more [\w ]{0,30}(?:news|headlines|stories|articles|videos)|topics|also (?:on|in|from)\b.*|you (?:may|might) (?:also )?(?:like|enjoy|be interested in).*|if you (?:liked|enjoyed) this.*|recommended(?: for you| reading| stories| articles)?|most (?:read|popular|viewed|shared|commented|watched)(?: .*)?|trending(?: now| stories| today)?|popular(?: now| posts| stories| today)?|top stories|top headlines|latest(?: news| stories| headlines| videos| articles| posts)?|today'?s headlines|today'?s top stories|headlines|editor'?s picks|sponsored(?: content| stories| links| articles)?|promoted(?: stories| content)?|around the web|from the web|from around the web|in other news|what to read next|read next|up next|what'?s next|more headlines|key events|recent posts|recent articles|popular posts|archives?|blog archive|categories|further reading|more stories|you may have missed|don'?t miss|must read|in case you missed it|news in brief|about the author|about me|the author|author|more by (?:this author|.*)|more articles by .*|other stories|other news|similar stories|related links|similar threads|related threads|similar posts|latest scores|scores|live scores|trending on .*|most popular on .*|popular on .*|more on .*)\s*[:.]?$/i;

/** A header after which nothing is the article: the comments and what follows them. */
const END_HEAD = [
  /^(?:\d+\s+)?(?:comments?|responses?|replies|reactions?|thoughts?)(?:\s*\(\d+\))?\s*:?$/i,
  /^(?:comments?|responses?|replies)\s*\(\d+\)/i,
  /^(?:leave a (?:reply|comment|response)|post a comment|post your comment|add (?:a|your) comment|write a comment|join the (?:discussion|conversation|debate)|discussion|conversation|comments are closed\.?|show comments|view comments|see comments|reader comments|have your say|what do you think\??|\d+ (?:thoughts?|responses?|comments?) on\b.*|one (?:thought|response|comment) on\b.*|be the first to comment.*|no comments yet.*)$/i,
];

/** The article's own header lines: byline, date line, reading-time line. */
const BYLINE = /^(?:by|from|written by|words by|reporting by|posted by|published by)\s+\p{Lu}/iu;
/** "Jane Doe, Special to the Post", "Jane Doe at Trent Bridge", "Jane Doe in Cardiff and John Roe". */
const NAMED_BYLINE = /^\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){1,3}(?:,| [-–|]| at| in) [^.!?]{2,60}$/u;
const DATE_LINE =
  /^(?:(?:published|updated|posted|first published|last updated|modified|created|date|dated)\b[^\n]{0,80}|[^\n]{0,40}\b(?:\d{1,2}[:.]\d{2}|\d{4}|\d{1,2}(?:st|nd|rd|th)?)\b[^\n]{0,40})$/i;
const MONTH_OR_DAY =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|today|yesterday|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{1,2}-\w{3}-\d{4}|ago|gmt|utc|[ap]\.?m\.?)\b/i;

/** An agency's or a reporter's sign-off that closes the article. */
const SIGN_OFF = [
  /^\(?(?:reporting|writing|additional reporting|editing|compiled|edited) by\b/i,
  /^\((?:\p{Lu}\p{L}+ ){0,3}(?:reporting|writing|editing)\b/iu,
  /^[A-Z]{2,}(?: [A-Z]{2,})?$/, // REUTER, AP, DPA
  /^[a-z]{2,3}(?:\/[a-z]{2,3})+$/, // kd/sp/jh
  /^[-–—]\s*\p{Lu}[\p{L} ]{1,40}$/u, // - Asia Newsline
  /\bcontributed (?:to )?(?:this )?report(?:ing)?\.?$/i,
  /^(?:contact|write to|email|e-mail|reach)\s+\p{Lu}[^\n]{0,80}\b(?:at|on|via)\b/iu,
  /^(?:posted|published) by\b/i,
  /^\(?(?:source|sources)\s*:\s*\p{Lu}/iu,
];

const SEPARATORS = /\s[|•·»›>/]\s|\s{2,}|\s[–—]\s/g;

/** Zone the text; the ranges of its body, in JS string indices, sorted and disjoint. */
export function zone(text: string): TextRange[] {
  const lines = splitLines(text);
  if (lines.length === 0) return [];
  const body = zoneLines(lines);
  return toRanges(lines, body);
}

/**
 * The body's text alone, its ranges joined by line breaks: where the article's title and date
 * are looked for. A text that is all body is returned as it is.
 */
export function bodyText(text: string, body: readonly TextRange[]): string {
  if (body.length === 1 && body[0]!.start <= firstNonSpace(text) && body[0]!.end >= lastNonSpace(text)) return text;
  return body.map((r) => text.slice(r.start, r.end)).join('\n');
}

function firstNonSpace(text: string): number {
  let i = 0;
  while (i < text.length && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === 10)) i++;
  return i;
}

function lastNonSpace(text: string): number {
  let i = text.length;
  while (i > 0 && (isSpace(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 10)) i--;
  return i;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let s = pos;
    let e = nl;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) {
      out.push({ start: s, end: e, text: text.slice(s, e) });
    }
    pos = nl + 1;
  }
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 0xa0 || c === 0xfeff || c === 0x200b || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}

interface Facts {
  cls: LineClass;
  /** The line's length. */
  length: number;
  /** A cue on the line proves it furniture. */
  cue: boolean;
  kind: CueKind;
  teaserHead: boolean;
  endHead: boolean;
  words: number;
  /** Ends like a sentence. */
  sentence: boolean;
}

/** The cues of a line: all that decides whether a text is a page at all. */
function cues(t: string): Pick<Facts, 'cue' | 'kind' | 'teaserHead' | 'endHead'> {
  const short = t.length <= 80;
  const teaserHead = short && TEASER_HEAD.test(t);
  const endHead = short && END_HEAD.some((re) => re.test(t));
  const kind = teaserHead || endHead ? '' : cueKind(t);
  return { cue: kind !== '', kind, teaserHead, endHead };
}

/**
 * A line's words, lower-cased, without the punctuation around them; a word of punctuation alone
 * ("•", "|") becomes empty. Letters beyond ASCII count as letters, so that a word in Cyrillic
 * is not taken for punctuation.
 */
function bareWords(t: string): string[] {
  return t.split(/\s+/).map((w) => w.toLowerCase().replace(EDGE_PUNCTUATION, ''));
}
const EDGE_PUNCTUATION = /^[^a-z0-9+\u00c0-\u024f\u0370-\u1fff\u3040-\ud7ff]+|[^a-z0-9+'\u00c0-\u024f\u0370-\u1fff\u3040-\ud7ff]+$/g;

/** The rest of a line's facts: its jusText class by length and stop words. */
function facts(line: Line, c: Pick<Facts, 'cue' | 'kind' | 'teaserHead' | 'endHead'>): Facts {
  const t = line.text;
  const lower = bareWords(t);
  let stops = 0;
  for (const w of lower) if (STOP_WORDS.has(w)) stops++;
  const density = stops / lower.length;
  const len = t.length;
  const sentence = /[.!?…]["'”’»)\]]*$/.test(t);
  let cls: LineClass;
  // A one-sentence paragraph is prose however short ("He denied it."), if its neighbours are.
  if (len < LENGTH_LOW) cls = sentence && lower.length >= 4 && /^["'“‘(]?\p{Lu}/u.test(t) ? 'near' : 'short';
  else if (density >= STOPWORDS_HIGH) cls = len > LENGTH_HIGH ? 'good' : 'near';
  else if (density >= STOPWORDS_LOW) cls = 'near';
  else cls = 'bad';
  if (c.cue) cls = 'bad';
  return { cls, length: len, ...c, words: lower.length, sentence };
}

/** What kind of furniture a cue on the line says it is ('' for none). */
type CueKind = '' | 'widget' | 'label' | 'notice' | 'credit' | 'comment' | 'share' | 'menu';

function cueKind(t: string): CueKind {
  const len = t.length;
  if (len <= 60 && WIDGET.test(t)) return 'widget';
  if (LABEL.test(t)) return 'label';
  if (NOTICE.some((re) => re.test(t))) return 'notice';
  if (CREDIT.some((re) => re.test(t))) return 'credit';
  if (len <= 80 && COMMENT_META.some((re) => re.test(t))) return 'comment';
  // A share bar: most of its words are button names.
  if (len <= 120) {
    const lower = bareWords(t);
    const named = lower.filter((w) => w === '' || BUTTON_WORDS.has(w)).length;
    if (lower.length >= 2 && named / lower.length >= 0.75) return 'share';
  }
  // A menu or breadcrumb: three or more short items between separators, no sentence.
  const items = t.split(SEPARATORS).filter((s) => s.trim() !== '');
  if (items.length >= 4 || (items.length >= 3 && /\s[|»›>/]\s/.test(t))) {
    const avg = items.reduce((n, s) => n + s.trim().split(/\s+/).length, 0) / items.length;
    if (avg <= 4 && !/[.!?]$/.test(t)) return 'menu';
  }
  if (/^(?:home|news)\s*[/>›»|]/i.test(t)) return 'menu';
  return '';
}

/**
 * How sure the cues make us that the text is a page: the kinds that only pages have count
 * whole, the ones a tweet or an e-mail may have too ("Photo: ...", "Reply") count half.
 */
const EVIDENCE: Record<Exclude<CueKind, ''>, number> = { widget: 0.5, label: 0.5, notice: 1, credit: 0.5, comment: 0.5, share: 1, menu: 1 };

function isPage(f: Pick<Facts, 'kind' | 'teaserHead' | 'endHead'>[]): boolean {
  const kinds = new Set<string>();
  for (const x of f) {
    if (x.kind) kinds.add(x.kind);
    if (x.teaserHead) kinds.add('teaser');
    if (x.endHead) kinds.add('end');
  }
  let score = 0;
  for (const k of kinds) score += k === 'teaser' || k === 'end' ? 1 : EVIDENCE[k as Exclude<CueKind, ''>];
  return score >= 1.5;
}

/** Which lines are body. */
function zoneLines(lines: Line[]): boolean[] {
  const c = lines.map((l) => cues(l.text));
  // No sign of a page: a wire story, a plain article, an e-mail, all of it body.
  if (!isPage(c)) return lines.map(() => true);
  const f = lines.map((l, i) => facts(l, c[i]!));
  promoteShortProse(lines, f);
  const cls = revise(f.map((x) => x.cls));
  const inBlock = blocks(lines, f);
  const body = new Array<boolean>(lines.length).fill(false);
  const run = articleRun(lines, f, cls, inBlock);
  if (run === null) return body;
  fillArticle(lines, f, cls, inBlock, body, run);
  widenHead(lines, f, body, run.start);
  widenTail(lines, f, body, run.end);
  return body;
}

/**
 * Pages of short paragraphs (mobile pages, one sentence a line) have few lines long enough to be
 * good: two sentences in a row, a photo credit, an advert or a time stamp apart at most, are
 * paragraphs too (the blurbs of a list of links alternate with headlines instead).
 */
function promoteShortProse(lines: Line[], f: Facts[]): void {
  const prose = f.map((x) => x.cls === 'near' && x.sentence);
  const next = (i: number, step: number): number => {
    let j = i + step;
    while (j >= 0 && j < f.length && (f[j]!.cue || isStamp(lines[j]!.text))) j += step;
    return j;
  };
  prose.forEach((p, i) => {
    if (p && (prose[next(i, -1)] || prose[next(i, 1)])) f[i]!.cls = 'good';
  });
}

/**
 * The lines inside a block of teasers (until real paragraphs resume) or of comments (to the
 * end). A comment counter above the article is a widget, not the start of the comments.
 */
function blocks(lines: Line[], f: Facts[]): boolean[] {
  const inBlock = new Array<boolean>(f.length).fill(false);
  let mode: 'none' | 'teaser' | 'end' = 'none';
  let prose = 0;
  for (let i = 0; i < f.length; i++) {
    const x = f[i]!;
    if (x.endHead && prose >= LENGTH_HIGH) mode = 'end';
    else if (x.endHead) {
      x.cue = true;
      x.endHead = false;
    } else if (x.teaserHead) mode = mode === 'end' ? 'end' : 'teaser';
    else if (mode === 'teaser' && resumes(f, i)) mode = 'none';
    inBlock[i] = mode !== 'none';
    if (!inBlock[i] && (x.cls === 'good' || x.cls === 'near')) prose += lines[i]!.text.length;
  }
  return inBlock;
}

/**
 * The article: the run of lines with the most prose (good lines count for their length,
 * furniture against it), cut before the first of several reply buttons (a thread of posts or
 * comments, of which only what comes before the first button can be an article). Null when
 * the page has no prose to speak of.
 */
function articleRun(lines: Line[], f: Facts[], cls: LineClass[], inBlock: boolean[]): { start: number; end: number } | null {
  const weight = (i: number): number => {
    const len = lines[i]!.text.length;
    if (inBlock[i] || f[i]!.teaserHead || f[i]!.endHead) return -len;
    if (f[i]!.cue) return -Math.min(len, 40) / 4;
    if (cls[i] === 'good') return f[i]!.cls === 'short' ? 0 : len;
    return -len / 2;
  };
  let best = -Infinity;
  let run = { start: 0, end: -1 };
  let sum = 0;
  let start = 0;
  for (let i = 0; i < f.length; i++) {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += weight(i);
    if (sum > best) {
      best = sum;
      run = { start, end: i };
    }
  }
  if (best < LENGTH_LOW) return null;
  const replies: number[] = [];
  for (let i = run.start; i <= run.end; i++) if (f[i]!.cue && /\breply\b/i.test(lines[i]!.text) && lines[i]!.text.length <= 60) replies.push(i);
  if (replies.length >= 2) {
    let end = replies[0]! - 1;
    while (end >= run.start && cls[end] !== 'good') end--;
    if (end < run.start) return null;
    run = { start: run.start, end };
  }
  return run;
}

/**
 * The lines of the article's run: its good lines, and a subheading or a lead-in ("They said:")
 * with the text it opens (body when the next line is). Not a caption: a line that is no
 * sentence beside a photo credit, or a long line that is no sentence and holds no figure (a
 * list of names, "Jane Doe (Spain), John Roe (Italy)").
 */
function fillArticle(lines: Line[], f: Facts[], cls: LineClass[], inBlock: boolean[], body: boolean[], run: { start: number; end: number }): void {
  const caption = (i: number): boolean => !f[i]!.sentence && f[i]!.length < LENGTH_HIGH && (f[i + 1]?.kind === 'credit' || f[i - 1]?.kind === 'credit');
  const furniture = (i: number): boolean => f[i]!.cue || inBlock[i]! || f[i]!.teaserHead || f[i]!.endHead;
  for (let i = run.start; i <= run.end; i++) body[i] = !furniture(i) && cls[i] === 'good' && !caption(i);
  for (let i = run.end - 1; i >= run.start; i--) {
    if (body[i] || furniture(i)) continue;
    const t = lines[i]!.text;
    if ((f[i]!.cls === 'bad' && !f[i]!.sentence && !/\d/.test(t)) || caption(i)) continue;
    body[i] = body[i + 1]! || f[i]!.cls !== 'short';
  }
}

/** A live blog's time stamp or a minute of play between entries: "17.41 BST", "90+4'", "Half-time". */
function isStamp(t: string): boolean {
  return t.length <= 12 || (t.length <= 20 && /\d/.test(t) && !/[.!?]$/.test(t));
}

/** After a teaser block, the article goes on: one long paragraph, or two in a row. */
function resumes(f: Facts[], i: number): boolean {
  if (f[i]!.cue) return false;
  // A teaser's blurb under its headline is no paragraph of the article, whatever follows it.
  if (i > 0 && f[i - 1]!.cls === 'short' && !f[i - 1]!.sentence && f[i]!.length < LENGTH_HIGH) return false;
  if (f[i]!.cls === 'good') return true;
  return isParagraph(f, i) && i + 1 < f.length && isParagraph(f, i + 1);
}

/** A line that reads as a paragraph of prose on its own. */
function isParagraph(f: Facts[], i: number): boolean {
  const x = f[i]!;
  return !x.cue && !x.teaserHead && !x.endHead && (x.cls === 'good' || (x.cls === 'near' && x.sentence));
}

/** jusText's context step: short and near-good lines take the class of their neighbours. */
function revise(initial: LineClass[]): LineClass[] {
  const cls = [...initial];
  const n = cls.length;
  // The nearest class either side, passing over short lines (and near-good ones, for the
  // `Far` tables), filled in one sweep each way: a page of a hundred thousand short lines must
  // not look a hundred thousand lines away for each of them.
  const sweep = (ignoreNear: boolean, step: 1 | -1): LineClass[] => {
    const out = new Array<LineClass>(n);
    let seen: LineClass = 'bad';
    for (let k = 0; k < n; k++) {
      const i = step === 1 ? k : n - 1 - k;
      out[i] = seen;
      const c = initial[i]!;
      if (c !== 'short' && !(ignoreNear && c === 'near')) seen = c;
    }
    return out;
  };
  const prevFar = sweep(true, 1);
  const nextFar = sweep(true, -1);
  const prevNear = sweep(false, 1);
  const nextNear = sweep(false, -1);
  for (let i = 0; i < n; i++) {
    if (initial[i] === 'short') {
      const prev = prevFar[i]!;
      const next = nextFar[i]!;
      if (prev === 'good' && next === 'good') cls[i] = 'good';
      else if (prev === 'bad' && next === 'bad') cls[i] = 'bad';
      else if ((prev === 'bad' && prevNear[i] === 'near') || (next === 'bad' && nextNear[i] === 'near')) cls[i] = 'good';
      else cls[i] = 'bad';
    } else if (initial[i] === 'near') cls[i] = prevFar[i] === 'bad' && nextFar[i] === 'bad' ? 'bad' : 'good';
  }
  return cls;
}

/** Up from the first paragraph: the article's date and byline lines, a standfirst, its title. */
function widenHead(lines: Line[], f: Facts[], body: boolean[], first: number): void {
  let standfirst = false;
  for (let i = first - 1, steps = 0; i >= 0 && steps < 8; i--, steps++) {
    const t = lines[i]!.text;
    const x = f[i]!;
    if (x.teaserHead || x.endHead) return;
    if (x.cue) {
      if (isHeaderLine(t)) body[i] = true;
      continue; // a photo credit between the title and the text
    }
    // The header's own lines; in a match report, its score line and attendance too.
    if (isHeaderLine(t) || (isTableLine(t) && /\d/.test(t) && !x.sentence)) {
      body[i] = true;
      continue;
    }
    if (!standfirst && x.sentence && t.length >= 40 && x.words >= 6) {
      standfirst = true;
      body[i] = true;
      continue;
    }
    if (isTitle(t, x)) body[i] = true;
    return;
  }
}

/**
 * Down from the last paragraph: the sign-off, and the results table or list between the text
 * and a sign-off (a wire story's standings end with "(Reporting by ...)").
 */
function widenTail(lines: Line[], f: Facts[], body: boolean[], last: number): void {
  // A table the story gives (scorers, standings, results), under a heading of its own and with a
  // sentence or two after it, ends where the page's furniture starts: the article's too.
  let table = 0;
  let rows = 0;
  const take = (to: number) => {
    for (let j = last + 1; j <= to; j++) if (!f[j]!.cue) body[j] = true;
    last = to;
    table = 0;
    rows = 0;
  };
  for (let i = last + 1; i < lines.length && i <= last + 40; i++) {
    const t = lines[i]!.text;
    const x = f[i]!;
    if (SIGN_OFF.some((re) => re.test(t)) && t.length <= 160 && !x.teaserHead && !x.endHead) {
      take(i);
      continue;
    }
    const ends = x.teaserHead || x.endHead || (x.cue && x.kind !== 'credit');
    if (ends || i === lines.length - 1) {
      if (!ends && (isTableLine(t) || x.sentence)) i++;
      if (rows >= 2) take(i - 1);
      return;
    }
    if (x.cue) continue;
    const heading = table === 0 && x.cls === 'short' && !x.sentence && i + 1 < lines.length && isTableLine(lines[i + 1]!.text);
    if (isTableLine(t) && table < 30) {
      table++;
      if (/\d/.test(t)) rows++;
    } else if (heading || (rows > 0 && x.sentence)) table++;
    else return;
  }
}

/** A line of a results table or a list: short, with a number or a leading marker, or a label. */
function isTableLine(t: string): boolean {
  return t.length <= 100 && (/\d/.test(t) || /^[-*•–]\s/.test(t) || /:$/.test(t));
}

function isHeaderLine(t: string): boolean {
  if (t.length > 120) return false;
  if (BYLINE.test(t) || NAMED_BYLINE.test(t)) return true;
  return DATE_LINE.test(t) && MONTH_OR_DAY.test(t);
}

function isTitle(t: string, x: Facts): boolean {
  return t.length >= 12 && t.length <= 200 && x.words >= 3 && !/[.,;:]$/.test(t) && /\p{Lu}/u.test(t);
}

function toRanges(lines: Line[], body: boolean[]): TextRange[] {
  const out: TextRange[] = [];
  let open: TextRange | null = null;
  for (let i = 0; i < lines.length; i++) {
    if (body[i]) {
      if (open) open.end = lines[i]!.end;
      else {
        open = { start: lines[i]!.start, end: lines[i]!.end };
        out.push(open);
      }
    } else open = null;
  }
  return out;
}
