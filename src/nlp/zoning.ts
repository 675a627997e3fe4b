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

/**
 * Words that match in any case, for a pattern that must also see case: a byline's "By" or "BY",
 * but the capital of the name after it (a regular expression's `i` flag would make \p{Lu} match
 * any letter).
 */
function anyCase(words: string): string {
  return words.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
}

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
const LONG_SENTENCE_STOPWORDS = 0.15;

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
  new RegExp(String.raw`^(?:${anyCase('photo|photos|photograph|image|picture|illustration|video')}) ${anyCase('by')}\s+\p{Lu}`, 'u'),
  /[•|/(]\s*(?:getty images|afp|reuters|ap photo|ap|epa|shutterstock|alamy|pa wire|pa|flickr|istock|efe|anadolu|xinhua|supplied|handout|file)(?:\s*\/\s*[\p{L} ]+)?\s*\)?\.?$/iu,
  /\b(?:getty images|shutterstock|istockphoto|ap photo)\b/i,
  // "... Photograph by Calum MacNeil for The Review", "... Courier photo by Jane Doe"
  /\b(?:[Pp]hotos?|[Pp]hotograph|[Pp]icture|[Ii]mage)s? by \p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}(?: for [^.]{1,60})?\.?\)?$/u,
  // "... REUTERS/Jane Doe", "... LPS/Omar Haddad"
  /(?:^|[\s.])(?:[A-Z]{2,8}|Reuters|Getty)\/\p{Lu}\p{Ll}+(?:[ -]\p{Lu}[\p{L}'’-]+){0,3}\)?\.?$/u,
  // "... (Staff photo)", "(Photo courtesy of the family)", "(Jane Doe / Coastline Daily)"
  /\((?:staff|file|courtesy|contributed|submitted|handout) (?:photo|image|picture)\)\.?$|\((?:photo|image) courtesy\b[^)]{0,60}\)\.?$/i,
  /\(\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){0,3} \/ [\p{L}\d .&'’-]{2,40}\)\.?$/u,
  // "... (Sentinel photo/Jane Doe)", "(Staff photo by Jane Doe)"
  /\((?:\p{Lu}[\p{L}]+ )*(?:staff |file )?(?:photo|photograph|image)\s*(?:\/|by|:)\s*[^)]{2,60}\)\.?$/iu,
  // Where the people in the picture stand: "Jane Doe, left, and John Roe ...", "(from left)"
  /, (?:left|right|centre|center|second from (?:left|right)|far (?:left|right)|front|rear)(?:,| and\b)|\((?:left|right|centre|center|from left|l-r|l to r)\)|^(?:from left|left to right|l-r)\b/i,
];

/** A whole line of one widget: a button, a counter, a notice. */
const WIDGET =
  /^(?:advertisement|advertising|adverti[sz]e with us|ad|ads|sponsored(?: (?:content|article|post|story|links?))?|paid (?:content|post)|promoted|story continues below.*|article continues below.*|continue reading.*|read more\W*|read full (?:story|article)\W*|show more|show \\d+ more(?: \\w+)?|load more(?: comments| stories)?|see more|view (?:all|more)(?: \S+)?|more|reply|like|report|flag|sign in|log in|log out|sign up|register|subscribe(?: now| today)?|menu|search|close|skip to (?:main )?content|back to top|top|next|previous|next (?:article|story|post)|previous (?:article|story|post)|home|share|share this(?: article| story| post)?|tweet|print|email|listen(?: to this article)?|\d+ min(?:ute)?s? read|\d+ comments?|watch(?: live| now)?|play(?: video)?|download(?: (?:the )?(?:press release|pdf|images?|photos?|report|app|files?)\b.*)?|loading.*|accept(?: all)?(?: cookies)?|reject(?: all)?|manage (?:cookies|preferences)|got it|ok|toggle navigation|open menu|sort by.*|newest|oldest|trending|follow|following|unfollow|jump to(?: comments)?|send flowers|plant a tree|get directions|add to calendar|(?:return|back) to [a-z ]{1,30}|listen to this (?:article|story)\b.*|(?:gift|give|save) this (?:article|story)|\d{1,2}:\d{2}(?: min)?|(?:you|your\.?name|name|email|me)@[\w.-]+|(?:type |enter )?your e-?mail(?: address)?(?:\.{3}|…)?|(?:photo |image |slide )?\d{1,3} (?:of|\/) \d{1,3})[.!:…]*$/i;

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
  /\b(?:legitimate interests?|withdraw (?:your )?consent|manage (?:your )?(?:choices|options|preferences|consent))\b/i,
  /\b(?:reader-supported (?:newsletter|publication|site)|(?:consider )?becom(?:e|ing) a (?:free or )?paid (?:subscriber|member)|support (?:our|independent) journalism)\b/i,
  /^this (?:entry|post|article) was posted\b/i,
  /^a version of this (?:article|story) (?:appears|appeared) in print\b/i,
  /\bbookmark the permalink\b/i,
  /^(?:sign up|subscribe) (?:to|for) (?:our|the)\b/i,
  /^(?:get|sign up for|subscribe to) (?:the|our) [\p{L}’' ]{2,40}(?:newsletter|briefing|bulletin|digest)\b/iu,
  /\b(?:unsubscribe (?:at )?any ?time|(?:straight |delivered )?(?:to|in) your inbox)\b/i,
  /\b(?:enter your e-?mail|your e-?mail address will not be published|required fields are marked)\b/i,
  /^(?:you are commenting using|fill in your details below|notify me of (?:new|follow-up))/i,
  /\b(?:click here|tap here) to\b/i,
  /^(?:posted|published|written|filed) (?:in|under) \p{Lu}/u,
];

/** A comment's own header line: "Name · 3 years ago", "2 April 2016, 17:12" after a name. */
const COMMENT_META = [
  /\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\s*$/i,
  /^(?:reply|like|report)\s*(?:[|·•]|\(\d+\))/i,
  // "Jane Doe (12)": a count in brackets, the line's only figure ("Hawthorn 15.13 (103)" is a
  // score, "Pittsburgh Pirates (2012)" a year).
  /^[^\d]*\(\d{1,3}\)\s*$/,
];

/** A forum member's line over a post: "Member · Joined Mar 2016 · Posts: 412". */
const USER_META = /\bjoined:?\s+(?:\p{L}{3,9}\.? )?(?:\d{1,2} )?\d{4}\b|\bposts:\s*[\d,.]+k?\b|\bmember since\b/iu;

/** A header that opens a block of teasers, an author box or a sidebar. */
const TEASER_HEAD =
  /^(?:related(?: (?:stories|articles|content|coverage|news|posts|reading|links|topics|videos|items|headlines))?|more (?:from|on|in|about|stories|news|headlines|like this|to read|top stories)\b.*|more [\w ]{0,30}(?:news|headlines|stories|articles|videos)|topics|also (?:on|in|from)\b.*|you (?:may|might) (?:also )?(?:like|enjoy|be interested in).*|if you (?:liked|enjoyed) this.*|recommended(?: for you| reading| stories| articles)?|most (?:read|popular|viewed|shared|commented|watched)(?: .*)?|trending(?: now| stories| today)?|popular(?: now| posts| stories| today)?|top stories|top headlines|latest(?: news| stories| headlines| videos| articles| posts)?|today'?s headlines|today'?s top stories|headlines|editor'?s picks|sponsored(?: content| stories| links| articles)?|promoted(?: stories| content)?|around the web|from the web|from around the web|in other news|what to read next|read next|up next|what'?s next|more headlines|key events|recent posts|recent articles|popular posts|archives?|blog archive|categories|further reading|more stories|you may have missed|don'?t miss|must read|in case you missed it|news in brief|about the (?:author|authors|columnist|writer|reporter|contributor)|(?:about )?[\d,]+ results? for\b.*|search results(?: for\b.*)?|about me|the author|author|more by (?:this author|.*)|more articles by .*|other stories|other news|similar stories|related links|similar threads|related threads|similar posts|latest scores|scores|live scores|trending on .*|most popular on .*|popular on .*|more on .*)\s*[:.]?$/i;

/** A header after which nothing is the article: the comments and what follows them. */
const END_HEAD = [
  /^(?:\d+\s+)?(?:comments?|responses?|replies|reactions?|thoughts?)(?:\s*\(\d+\))?\s*:?$/i,
  /^(?:comments?|responses?|replies)\s*\(\d+\)/i,
  /^(?:leave a (?:reply|comment|response)|post a comment|post your comment|add (?:a|your) comment|write a comment|join the (?:discussion|conversation|debate)|discussion|conversation|comments are (?:closed|disabled|turned off)\b.*|show comments|view comments|see comments|reader comments|have your say|what do you think\??|\d+ (?:thoughts?|responses?|comments?) on\b.*|one (?:thought|response|comment) on\b.*|be the first to comment.*|no comments yet.*|(?:sign |view )?(?:the )?guest ?book|condolences|share a (?:memory|condolence))$/i,
  // A paywall: what follows it is the offer, not the article.
  /^(?:(?:subscribe|sign up|log in|register) (?:now )?to (?:continue|keep) reading|you(?:'|’)ve (?:read|reached) (?:your|the) (?:\d+|last) free articles?|this (?:article|story|content) is (?:for|only available to|exclusive to) (?:subscribers|members)|to continue reading,? (?:subscribe|log in|sign in))\b.*$/i,
];

/** The article's own header lines: byline, date line, reading-time line. */
const BYLINE = new RegExp(
  String.raw`^(?:${anyCase('by|from|written by|words by|reporting by|posted by|published by|report by|story by|text by|analysis by|interview by|review by')})\s+\p{Lu}`,
  'u',
);
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
  new RegExp(String.raw`^(?:${anyCase('contact|write to|email|e-mail|reach')})\s+\p{Lu}[^\n]{0,80}\b(?:at|on|via)\b`, 'u'),
  /^(?:posted|published) by\b/i,
  new RegExp(String.raw`^\(?(?:${anyCase('source|sources')})\s*:\s*\p{Lu}`, 'u'),
];

/** Arrows around a button's word: "<< Previous", "Next >>", "‹ Back". */
const ARROWS = /^[\s<>«»‹›←→]+|[\s<>«»‹›←→]+$/g;

/**
 * Cells of a table: "12", "5 4 1 0 12", "+4.0%", "$3.41B", "+2.7 pts", "(1-0)". Each cell starts
 * after a blank, so a long run of figures is matched in one pass.
 */
const CELL = String.raw`\(?[-+–]?[$€£¥]?\d[\d.,:()–-]*(?:%|[kmbt]|bn|mn|pts?)?`;
const FIGURE = new RegExp(String.raw`^${CELL}(?:\s+${CELL})*$`, 'i');

const SEPARATORS = /\s[|•·»›>/]\s|\s{2,}|\s[–—]\s/g;

/**
 * Zone the text; the ranges of its body, in JS string indices, sorted and disjoint. `furniture`
 * lists lines a project knows to be furniture (its config's `furniture:`, as furnitureLine gives
 * them): such a line is never body, and on a page it weighs against the run it sits in.
 */
export function zone(text: string, furniture?: readonly string[]): TextRange[] {
  const lines = splitLines(text);
  if (lines.length === 0) return [];
  const listed = furniture && furniture.length > 0 ? listedLines(lines, furniture) : null;
  const body = zoneLines(lines, listed);
  if (listed) listed.forEach((l, i) => l && (body[i] = false));
  return toRanges(lines, body);
}

/** A line as `furniture:` lists it: trimmed, each run of blanks one space. */
export function furnitureLine(t: string): string {
  return t.trim().replace(/\s+/g, ' ');
}

/** Which lines the list names. */
function listedLines(lines: Line[], furniture: readonly string[]): boolean[] | null {
  const set = new Set(furniture);
  const listed = lines.map((l) => set.has(furnitureLine(l.text)));
  return listed.includes(true) ? listed : null;
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
  // A long sentence dense with names ("FRESNO COUNTY, Calif. (KVTR) - Firefighters had ...") is
  // prose all the same: a menu or a list of links does not end in a full stop.
  else if (len > LENGTH_HIGH && sentence && density >= LONG_SENTENCE_STOPWORDS) cls = 'near';
  else cls = 'bad';
  if (c.cue) cls = 'bad';
  return { cls, length: len, ...c, words: lower.length, sentence };
}

/** What kind of furniture a cue on the line says it is ('' for none). */
type CueKind = '' | 'widget' | 'label' | 'notice' | 'credit' | 'comment' | 'share' | 'menu' | 'listed';

function cueKind(t: string): CueKind {
  const len = t.length;
  if (len <= 60 && WIDGET.test(t)) return 'widget';
  if (LABEL.test(t)) return 'label';
  if (NOTICE.some((re) => re.test(t))) return 'notice';
  if (CREDIT.some((re) => re.test(t))) return 'credit';
  if (len <= 80 && (COMMENT_META.some((re) => re.test(t)) || USER_META.test(t))) return 'comment';
  // A share bar: most of its words are button names.
  if (len <= 120) {
    const lower = bareWords(t);
    const buttons = lower.filter((w) => BUTTON_WORDS.has(w)).length;
    const named = buttons + lower.filter((w) => w === '').length;
    if (lower.length >= 2 && buttons >= 1 && named / lower.length >= 0.75) return 'share';
  }
  // A menu or breadcrumb: three or more short items between separators, no sentence. A row of a
  // table ("Club Ostend    5 4 1 0 12  3 13") is no menu: its items are figures.
  const items = t.split(SEPARATORS).filter((s) => s.trim() !== '');
  const figures = items.filter((s) => FIGURE.test(s.trim())).length;
  if ((items.length >= 4 || (items.length >= 3 && /\s[|»›>/]\s/.test(t))) && figures * 3 < items.length) {
    const avg = items.reduce((n, s) => n + s.trim().split(/\s+/).length, 0) / items.length;
    if (avg <= 4 && !/[.!?]$/.test(t)) return 'menu';
  }
  if (/^(?:home|news)\s*[/>›»|]/i.test(t)) return 'menu';
  if (items.length >= 2 && items.every((s) => WIDGET.test(s.replace(ARROWS, '')))) return 'widget';
  return '';
}

/**
 * How sure the cues make us that the text is a page: the kinds that only pages have count
 * whole, the ones a tweet or an e-mail may have too ("Photo: ...", "Reply") count half.
 */
const EVIDENCE: Record<Exclude<CueKind, ''>, number> = { widget: 0.5, label: 0.5, notice: 1, credit: 0.5, comment: 0.5, share: 1, menu: 1, listed: 0 };

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
function zoneLines(lines: Line[], listed: boolean[] | null): boolean[] {
  const c = lines.map((l) => cues(l.text));
  // No sign of a page: a wire story, a plain article, an e-mail, all of it body.
  if (!isPage(c)) return lines.map(() => true);
  if (listed) listed.forEach((l, i) => l && !c[i]!.cue && (c[i] = { ...c[i]!, cue: true, kind: 'listed' }));
  boxes(lines, c);
  const f = lines.map((l, i) => facts(l, c[i]!));
  promoteShortProse(lines, f);
  const cls = revise(f.map((x) => x.cls));
  const inBlock = blocks(lines, f);
  const body = new Array<boolean>(lines.length).fill(false);
  const run = articleRun(lines, f, cls, inBlock);
  if (run === null) return body;
  fillArticle(lines, f, cls, inBlock, body, run);
  trailingTeasers(lines, f, body, run);
  let first = run.start;
  while (first < run.end && !body[first]) first++;
  let last = run.end;
  while (last > first && !body[last]) last--;
  if (!body[first]) return body;
  widenHead(lines, f, body, first);
  widenTail(lines, f, body, last);
  pullQuotes(lines, body);
  authorBio(lines, body);
  return body;
}

/**
 * Teasers that the article's run takes in after its last paragraph: past a share bar or an
 * advert, headlines each over a one-sentence blurb, two or more of them, perhaps under short
 * section headings ("Obituaries", "Around Cedar Bluff"), to the end of the run.
 */
function trailingTeasers(lines: Line[], f: Facts[], body: boolean[], run: { start: number; end: number }): void {
  const headline = (i: number): boolean => {
    const x = f[i]!;
    const t = lines[i]!.text;
    if (x.cue || x.sentence || x.length > 100) return false;
    // Two words of letters at least: a live blog's time stamp ("17.41 BST") is no headline.
    const named = t.split(/\s+/).filter((w) => /\p{L}{3}/u.test(w)).length;
    return named >= 2 && !BYLINE.test(t) && !isDated(t);
  };
  const heading = (i: number): boolean => !f[i]!.cue && !f[i]!.sentence && f[i]!.length <= 40 && f[i]!.words <= 4;
  const blurb = (i: number): boolean => !f[i]!.cue && f[i]!.sentence && f[i]!.length < LENGTH_HIGH + 10 && f[i]!.words >= 5;
  // From the end: ok[i] when the body lines from i to the run's end are headings and teasers,
  // with pairs[i] teasers among them.
  const n = run.end + 1;
  const next = new Array<number>(n + 1).fill(n);
  for (let i = n - 1; i >= 0; i--) next[i] = body[i + 1] ? i + 1 : next[i + 1]!;
  const ok = new Array<boolean>(n + 1).fill(false);
  const pairs = new Array<number>(n + 1).fill(0);
  ok[n] = true;
  for (let i = n - 1; i >= run.start; i--) {
    if (!body[i]) {
      ok[i] = ok[next[i]!]!;
      pairs[i] = pairs[next[i]!]!;
      continue;
    }
    const j = next[i]!;
    if (j < n && headline(i) && blurb(j) && ok[next[j]!]) {
      ok[i] = true;
      pairs[i] = pairs[next[j]!]! + 1;
    } else if (heading(i) && ok[j]) {
      ok[i] = true;
      pairs[i] = pairs[j]!;
    }
  }
  for (let k = run.start + 1; k < n; k++) {
    if (!body[k] || !ok[k] || pairs[k]! < 2) continue;
    const before = f[k - 1]!;
    if (!body[k - 1] && before.cue && before.kind !== 'credit') {
      for (let i = k; i < n; i++) body[i] = false;
      return;
    }
  }
}

/**
 * A pull quote: a sentence of the article set again in display type, a line of its own that
 * another, longer body line holds word for word.
 */
function pullQuotes(lines: Line[], body: boolean[]): void {
  const KEY = 6;
  const MAX_HOLDERS = 4;
  // Each run of six words of the body, and the lines that hold it (a few at most: a phrase many
  // lines share is a refrain, not a quote).
  const holders = new Map<string, number[]>();
  const words: string[][] = lines.map((l, i) => (body[i] ? bareWords(l.text).filter(Boolean) : []));
  words.forEach((w, i) => {
    for (let k = 0; k + KEY <= w.length; k++) {
      const key = w.slice(k, k + KEY).join(' ');
      const at = holders.get(key);
      if (at === undefined) holders.set(key, [i]);
      else if (at[at.length - 1] !== i && at.length <= MAX_HOLDERS) at.push(i);
    }
  });
  lines.forEach((l, i) => {
    const w = words[i]!;
    if (w.length < KEY || l.text.length > 300) return;
    const at = holders.get(w.slice(0, KEY).join(' ')) ?? [];
    if (at.length > MAX_HOLDERS) return;
    const text = ` ${w.join(' ')} `;
    if (at.some((j) => j !== i && words[j]!.length > w.length && ` ${words[j]!.join(' ')} `.includes(text))) body[i] = false;
  });
}

const BYLINE_NAME = /^\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){1,3}$/u;

/** The writer's biography under the article: "Fiona Drummond-Hale is a writer based in Inverness." */
function authorBio(lines: Line[], body: boolean[]): void {
  const names: string[] = [];
  // The byline is in the article's header: its first dozen lines.
  for (let i = 0, seen = 0; i < lines.length && seen < 12; i++) {
    if (!body[i]) continue;
    seen++;
    const m = /^[Bb][Yy]:?\s+(.{3,120})$/u.exec(lines[i]!.text);
    // "By Jane Doe and John Roe", "By Jane Doe, John Roe and Ann Poe"
    if (m) for (const part of m[1]!.split(/,\s*|\s+and\s+|\s+&\s+/)) if (BYLINE_NAME.test(part)) names.push(part);
    // A name alone over the date is the byline too.
    if (!m && NAME_LINE.test(lines[i]!.text) && i + 1 < lines.length && isDateLine(lines[i + 1]!.text)) names.push(lines[i]!.text);
    if (names.length > 0) break;
  }
  if (names.length === 0) return;
  for (let i = lines.length - 1, seen = 0; i >= 0 && seen < 3; i--) {
    if (!body[i]) continue;
    seen++;
    const t = lines[i]!.text;
    if (names.some((n) => t.startsWith(`${n} `) && /^\s(?:is|was|has|covers|writes|reports|teaches|lives|joined)\b/.test(t.slice(n.length)))) body[i] = false;
  }
}

/**
 * Furniture told by the line next to it: a gallery's caption under its counter ("3 of 12"), a
 * newsletter box's heading and blurb over its e-mail field.
 */
function boxes(lines: Line[], c: Pick<Facts, 'cue' | 'kind' | 'teaserHead' | 'endHead'>[]): void {
  const free = (i: number): boolean => i >= 0 && i < lines.length && !c[i]!.cue && !c[i]!.teaserHead && !c[i]!.endHead;
  const mark = (i: number, kind: CueKind): void => {
    c[i] = { ...c[i]!, cue: true, kind };
  };
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (GALLERY_COUNTER.test(t) && free(i + 1)) mark(i + 1, 'credit');
    if (!EMAIL_FIELD.test(t)) continue;
    const heading = (j: number): boolean => free(j) && lines[j]!.text.length <= 60 && !/[.!?]$/.test(lines[j]!.text);
    if (heading(i - 1)) mark(i - 1, 'notice');
    else if (free(i - 1) && lines[i - 1]!.text.length <= 200 && heading(i - 2)) {
      mark(i - 1, 'notice');
      mark(i - 2, 'notice');
    }
  }
}

const GALLERY_COUNTER = /^(?:photo |image |slide )?\d{1,3} (?:of|\/) \d{1,3}$/i;
const EMAIL_FIELD = /^(?:(?:you|your\.?name|name|email|me)@[\w.-]+|(?:type |enter )?your e-?mail(?: address)?(?:\.{3}|…)?|enter your e-?mail\b.*)$/i;

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
    else if (mode === 'teaser' && resumes(lines, f, i)) mode = 'none';
    inBlock[i] = mode !== 'none';
    if (!inBlock[i] && (x.cls === 'good' || x.cls === 'near')) prose += lines[i]!.text.length;
  }
  return inBlock;
}

/**
 * The article: the run of lines with the most prose (good lines count for their length,
 * furniture against it), cut before the first of several reply buttons (a thread of posts or
 * comments, of which only what comes before the first button can be an article). Null when
 * the page has no prose to speak of, or when the run opens with a forum member's post.
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
  // A thread of posts: the first post is not an article, however long.
  let first = run.start;
  while (first < run.end && cls[first] !== 'good') first++;
  for (let i = first - 1; i >= 0 && i >= first - 3; i--) if (USER_META.test(lines[i]!.text)) return null;
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
 * sentence over a photo credit, or a long line that is no sentence and holds no figure (a
 * list of names, "Jane Doe (Spain), John Roe (Italy)").
 */
function fillArticle(lines: Line[], f: Facts[], cls: LineClass[], inBlock: boolean[], body: boolean[], run: { start: number; end: number }): void {
  const caption = (i: number): boolean => !f[i]!.sentence && f[i]!.length < LENGTH_HIGH && f[i + 1]?.kind === 'credit';
  const furniture = (i: number): boolean => f[i]!.cue || inBlock[i]! || f[i]!.teaserHead || f[i]!.endHead;
  for (let i = run.start; i <= run.end; i++) body[i] = !furniture(i) && cls[i] === 'good' && !caption(i);
  for (let i = run.end - 1; i >= run.start; i--) {
    if (body[i] || furniture(i)) continue;
    const t = lines[i]!.text;
    if ((f[i]!.cls === 'bad' && !f[i]!.sentence && !/\d/.test(t)) || caption(i)) continue;
    body[i] = body[i + 1]! || f[i]!.cls !== 'short';
  }
  // The items of a list that a body line leads in to ("The churches were in:").
  for (let i = run.start; i <= run.end; i++) {
    if (!body[i] || !lines[i]!.text.endsWith(':')) continue;
    for (let j = i + 1; j <= run.end && j <= i + 20 && !body[j] && !furniture(j) && f[j]!.length <= 100; j++) body[j] = true;
  }
}

/** A live blog's time stamp or a minute of play between entries: "17.41 BST", "90+4'", "Half-time". */
function isStamp(t: string): boolean {
  return t.length <= 12 || (t.length <= 20 && /\d/.test(t) && !/[.!?]$/.test(t));
}

/** After a teaser block, the article goes on: one long paragraph, or two in a row. */
function resumes(lines: Line[], f: Facts[], i: number): boolean {
  // The line under a teaser header is its first teaser (or the author's bio), however long.
  if (f[i]!.cue || (i > 0 && f[i - 1]!.teaserHead)) return false;
  // A teaser's blurb under its headline is no paragraph of the article, whatever follows it.
  if (i > 0 && f[i - 1]!.cls === 'short' && !f[i - 1]!.sentence && f[i]!.length < LENGTH_HIGH) return false;
  // Nor one under its headline and date (a list of search results, an archive).
  if (i > 1 && f[i - 2]!.cls === 'short' && !f[i - 2]!.sentence && isDateLine(lines[i - 1]!.text)) return false;
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

/**
 * Up from the first paragraph: the article's date and byline lines, a standfirst, its title, and
 * the date line or the second title line (a deck) right above the title. A salutation or a
 * lead-in right above the text ("Hi all,") is the text's; a few short lines between the text and
 * its header (a video player's buttons, a like counter, "Font size: A A A") are passed over when
 * a byline or a date line comes within a few lines above them.
 */
function widenHead(lines: Line[], f: Facts[], body: boolean[], first: number): void {
  let standfirst = false;
  let header = false;
  // A drop cap set on a line of its own: "W" over "hen Ruth Okonjo-Price takes ...".
  if (first > 0 && /^\p{Lu}$/u.test(lines[first - 1]!.text) && /^\p{Ll}/u.test(lines[first]!.text)) body[--first] = true;
  for (let i = first - 1, steps = 0; i >= 0 && steps < 12; i--, steps++) {
    const t = lines[i]!.text;
    const x = f[i]!;
    if (x.teaserHead || x.endHead) return;
    if (x.cue) {
      if (isHeaderLine(t)) body[i] = true;
      continue; // a photo credit between the title and the text
    }
    // The header's own lines; in a match report, its score line and attendance too.
    if (isHeaderLine(t) || isScoreLine(t, x) || isBylinePart(lines, f, i)) {
      body[i] = true;
      header = true;
      continue;
    }
    if (i === first - 1 && x.words <= 4 && /[,:]$/.test(t)) {
      body[i] = true;
      continue;
    }
    if (!standfirst && x.sentence && t.length >= 40 && x.words >= 6) {
      standfirst = true;
      body[i] = true;
      continue;
    }
    const junk = (t.length <= 40 && x.words <= 3) || (t.length <= 60 && /^[\p{L} ]{1,20}:/u.test(t) && !x.sentence);
    if (!header && junk && headerWithin(lines, f, i)) continue;
    if (isTitle(t, x)) {
      body[i] = true;
      aboveTitle(lines, f, body, i);
    }
    return;
  }
}

/**
 * Right above the title: a wire page's date line ("April 17, 1996" over the headline), or the
 * headline itself when the line taken for the title is its deck ("Order from Estonian operator
 * worth NOK 410 million" under "Halvorsen Maritime to supply battery systems for six Baltic
 * ferries"). A headline reads as a phrase of six words or more with lower-case words in it, not
 * as a row of capitalised menu items or a site's name in capitals, and is not much longer than
 * its deck.
 */
function aboveTitle(lines: Line[], f: Facts[], body: boolean[], title: number): void {
  const i = title - 1;
  if (i < 0 || f[i]!.cue || f[i]!.teaserHead || f[i]!.endHead) return;
  const t = lines[i]!.text;
  if ((isDated(t) && t.length <= 40 && !/:\s+\p{L}/u.test(t)) || isScoreLine(t, f[i]!)) body[i] = true;
  else if (isTitle(t, f[i]!) && f[i]!.words >= 6 && t.length <= lines[title]!.text.length + 10 && lowerWords(t)) body[i] = true;
}

/** A phrase, not a row of capitalised menu items: a lower-case word beyond "the", or two small ones. */
function lowerWords(t: string): boolean {
  const lower = t.split(/\s+/).filter((w) => /^\p{Ll}/u.test(w));
  return lower.length >= 2 || lower.some((w) => w.length >= 3 && !SMALL_WORDS.has(w));
}
const SMALL_WORDS = new Set(['the', 'and', 'for', 'with', 'from', 'into', 'over', 'after']);

/** A byline or a date line within eight lines above line i, before any teaser or comments header. */
function headerWithin(lines: Line[], f: Facts[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 8; j--) {
    if (f[j]!.teaserHead || f[j]!.endHead) return false;
    if (isHeaderLine(lines[j]!.text) || isBylinePart(lines, f, j)) return true;
  }
  return false;
}

/**
 * A byline set over several lines: "By" alone, the name under it and the reporter's role under
 * the name ("By" / "Jodie Treharne" / "Local Democracy Reporter"); or a name alone over the
 * date ("Hannah Okonjo" over "Jan 28, 2024").
 */
function isBylinePart(lines: Line[], f: Facts[], i: number): boolean {
  const t = lines[i]!.text;
  const by = (j: number): boolean => j >= 0 && /^by:?$/i.test(lines[j]!.text);
  if (by(i)) return true;
  const role = (s: string): boolean => s.length <= 50 && !/[\d.!?]$/.test(s) && !/\d/.test(s) && s.split(/\s+/).length <= 6;
  if (by(i - 1) && role(t)) return true;
  if (by(i - 2) && role(t) && role(lines[i - 1]!.text)) return true;
  if (!NAME_LINE.test(t) || f[i]!.cue || bareWords(t).some((w) => STOP_WORDS.has(w))) return false;
  const j = i + 1;
  return j < lines.length && !f[j]!.teaserHead && isDated(lines[j]!.text);
}

/** A person's name alone on a line: two or three capitalised words. */
const NAME_LINE = /^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)?(?: \p{Lu}\.?)?(?: \p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)?){1,2}$/u;

/**
 * Down from the last paragraph: the sign-off (a wire agency's, a letter's "Cheers," over the
 * writer's name, a press release's media contact), the results table or list between the text
 * and a sign-off (a wire story's standings end with "(Reporting by ...)"), and a last paragraph
 * that an inline link or an advert sets apart ("Read more: ..." between the text and its last
 * sentence).
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
    if (x.teaserHead || x.endHead) {
      if (rows >= 2) take(i - 1);
      return;
    }
    if (VALEDICTION.test(t)) {
      take(i + 1 < lines.length && !f[i + 1]!.cue && isSignature(lines[i + 1]!.text) ? i + 1 : i);
      i = last;
      continue;
    }
    if (CONTACT_HEAD.test(t)) {
      let end = i;
      let reached = false;
      while (end + 1 < lines.length && end < i + 6 && !f[end + 1]!.cue) {
        const kind = contactLine(lines[end + 1]!.text);
        if (kind === '' || (reached && kind === 'name')) break;
        reached ||= kind === 'address';
        end++;
      }
      take(end);
      i = last;
      continue;
    }
    if (SIGN_OFF.some((re) => re.test(t)) && t.length <= 160) {
      take(i);
      continue;
    }
    const ends = x.cue && x.kind !== 'credit';
    if (ends || i === lines.length - 1) {
      if (!ends && (isTableLine(t) || x.sentence)) i++;
      if (rows >= 2) take(i - 1);
      if (ends && table === 0 && INLINE.has(x.kind)) {
        const j = lastParagraph(lines, f, i);
        if (j > 0) {
          take(j);
          i = last;
          continue;
        }
      }
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

/** Furniture that sits inside an article's text: a caption, an inline link, an advert. */
const INLINE = new Set<CueKind>(['credit', 'label', 'widget']);

/**
 * The article's last paragraph past the inline furniture at line i: a paragraph of prose after
 * at most three such lines, with the page's furniture or more prose after it, and no headline
 * over it (a teaser's blurb has one). -1 when there is none.
 */
function lastParagraph(lines: Line[], f: Facts[], i: number): number {
  let j = i + 1;
  while (j < lines.length && j <= i + 3 && f[j]!.cue && INLINE.has(f[j]!.kind)) j++;
  if (j >= lines.length || !isParagraph(f, j) || f[j]!.length < 60) return -1;
  const next = f[j + 1];
  if (next && !next.cue && !next.teaserHead && !next.endHead && !isParagraph(f, j + 1)) return -1;
  return j;
}

/** A letter's closing: "Cheers,", "Best wishes,", "Until next week," */
const VALEDICTION =
  /^(?:cheers|thanks|thank you|many thanks|thanks for reading|best|best wishes|all best|all the best|regards|kind regards|warm regards|warmly|yours|love|take care|talk soon|more soon|until next (?:time|week)|see you (?:next week|soon)|onwards)[,.!]?$/i;

/** The writer's name under a closing: a word or two, capitalised. */
function isSignature(t: string): boolean {
  return t.length <= 30 && /^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,2}$/u.test(t);
}

/** The heading of a press release's contact block: "Media contact:", "For more information:". */
const CONTACT_HEAD = /^(?:media|press|investor|investors|for (?:more|further) information|contacts?|media (?:contacts?|enquiries|inquiries|relations)|press (?:contacts?|office|enquiries|inquiries)|investor relations)\s*:?$/i;

/**
 * A line of a contact block: a phone number or an e-mail address, or a name or a role (which come
 * before them); '' for none.
 */
function contactLine(t: string): '' | 'name' | 'address' {
  if (t.length > 80) return '';
  if (/\S+@\S+\.\S+/.test(t) || /(?:^|\s)\+?\(?\d[\d ()./-]{6,}\d\b/.test(t)) return 'address';
  return !/[.!?]$/.test(t) && !/[\d()]/.test(t) && t.split(/\s+/).length <= 8 && /^\p{Lu}/u.test(t) ? 'name' : '';
}

/**
 * A match report's header line: its score ("Ashcombe United 3 Millbridge 1", "Falcons 94,
 * Eastport 89"), or a labelled figure ("Attendance: 6,214", "Scorers: Tobin 12', Okafor 38'").
 */
function isScoreLine(t: string, x: Facts): boolean {
  if (!isTableLine(t)) return false;
  if (/^\p{Lu}[\p{L} ]{1,20}:\s*\S/u.test(t) && /\d/.test(t)) return true;
  return !x.sentence && SCORE.test(t);
}

/**
 * Two sides and their scores, the scorers in brackets or not: "Leicester 1 Southampton 0",
 * "Falcons 94, Eastport Mariners 89", "Fairlie 3 (Kirkwood 23, 67) Glenmuir 1 (Baird 55)",
 * "Ayr 2-2 Kilbannock".
 */
const SIDE = String.raw`\p{Lu}[\p{L}.'’& -]*? \d{1,3}(?: \([^)]{1,80}\))?`;
const TEAM = String.raw`\p{Lu}[\p{L}.'’& -]*?`;
const SCORE = new RegExp(String.raw`^(?:${SIDE},? ${SIDE}|${TEAM} \d{1,3}\s*[-–]\s*\d{1,3} ${TEAM})(?: \(?(?:FT|HT|OT|AET|F|final)\)?)?$`, 'u');

/**
 * A line of a results table or a list: short, with a number or a leading marker, or a label; or
 * a labelled row of figures ("1st period: KOO Fairbairn (Lindqvist) 4:18; PRA Larocque 11:02").
 */
function isTableLine(t: string): boolean {
  if (t.length > 100) return t.length <= 200 && /^[\p{L}\d ]{1,20}:\s/u.test(t) && (t.match(/\d+/g)?.length ?? 0) >= 3;
  return /\d/.test(t) || /^[-*•–]\s/.test(t) || /:$/.test(t);
}

/** A date line alone: "Jan 9, 2025", "Published 3 May 2021 at 10:02". */
function isDateLine(t: string): boolean {
  return t.length <= 60 && isDated(t);
}

/** A line that reads as a date: a date line's shape with a month, a weekday or a time in it. */
function isDated(t: string): boolean {
  return DATE_LINE.test(t) && MONTH_OR_DAY.test(t);
}

function isHeaderLine(t: string): boolean {
  if (t.length > 120) return false;
  if (BYLINE.test(t) || NAMED_BYLINE.test(t)) return true;
  return isDated(t);
}

function isTitle(t: string, x: Facts): boolean {
  return t.length >= 12 && t.length <= 200 && x.words >= 3 && !/[.,;:]$/.test(t) && /\p{Lu}/u.test(t) && !/\s[/|>›»]\s/.test(t);
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
