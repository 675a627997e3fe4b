/**
 * Which way a sentence points in time, from cheap lexical cues around a date mention:
 * auxiliaries (will/would/shall/'ll/going to; was/were/had/did), past-tense verbs (-ed and a
 * list of irregular ones, "said"), "ago", and a few future-marking phrases ("is expected to",
 * "are due", "plans to"). The verb group nearest to the left of the mention decides; with none
 * on the left, the nearest on the right; with none at all, the direction is 'none' (nearest
 * occurrence). No parse: this runs on every candidate sentence.
 */
import type { Dir } from './resolve.js';

type Cue = 'P' | 'F' | 'N';

const FUTURE = new Set([
  'will', 'shall', "won't", 'wont', 'gonna', 'would', 'upcoming', 'expected', 'expects', 'due',
  'scheduled', 'slated', 'planned', 'plans', 'plan', 'intends', 'intend', 'aims', 'aim', 'vowed',
  'vows', 'promised', 'promises', 'pledged', 'pledges', 'next', 'forthcoming', 'tomorrow',
]);

/** Past markers that are never participles. */
const PAST_AUX = new Set([
  'was', 'were', 'had', 'did', "didn't", "wasn't", "weren't", "hadn't", 'ago', 'yesterday', 'earlier',
  'previously', 'recently', 'last', 'since', 'former', 'formerly', 'once',
]);

/** Irregular past forms; most double as participles ("was held", "will be held"). */
const PAST = new Set([
  'said', 'told',
  'met', 'made', 'took', 'gave', 'went', 'came', 'saw', 'found', 'left', 'began', 'fell', 'rose',
  'won', 'lost', 'held', 'brought', 'thought', 'became', 'knew', 'ran', 'sent', 'spent', 'built',
  'paid', 'sold', 'struck', 'shot', 'fought', 'led', 'wrote', 'spoke', 'broke', 'chose', 'drove',
  'flew', 'grew', 'kept', 'meant', 'stood', 'stole', 'swore', 'taught', 'threw', 'understood',
  'woke', 'wore', 'slit', 'got', 'felt', 'heard', 'hid', 'bought', 'caught', 'sought', 'fled',
  'dealt', 'drew', 'forgot', 'froze', 'overtook', 'withdrew', 'sank', 'sang', 'swam', 'bore',
  'beat', 'bit', 'blew', 'dug', 'fed', 'forbade', 'forgave', 'laid', 'lay', 'lent', 'lit', 'rode',
  'rang', 'sat', 'shook', 'shone', 'slept', 'slid', 'spun', 'sprang', 'stuck', 'stung', 'strove',
  'swept', 'swung', 'tore', 'undertook', 'upheld', 'wept', 'wound',
]);

/** Present-tense scheduling verbs: "the trial begins Monday" announces what is coming. */
const SCHEDULE = new Set([
  'begins', 'starts', 'opens', 'closes', 'ends', 'resumes', 'meets', 'visits', 'arrives', 'leaves',
  'returns', 'launches', 'convenes', 'travels', 'heads', 'hosts', 'kicks', 'expires', 'debuts',
  'premieres', 'reopens', 'reconvenes', 'concludes', 'continues', 'goes',
]);

const PRESENT = new Set(['is', 'are', 'am', 'says', 'say', 'does', 'do', "isn't", "aren't", 'now', 'currently', 'today']);

const BE_NONPAST = new Set(['is', 'are', 'am', 'be', 'being', "'s", 'get', 'gets', 'will', 'would', 'shall', 'to']);
const HAVE = new Set(['has', 'have', "'ve", 'having']);

/** -ed words that are not past-tense verbs. */
const ED_STOP = new Set([
  'need', 'needed', 'indeed', 'red', 'bed', 'speed', 'seed', 'feed', 'weed', 'bleed', 'breed',
  'greed', 'hundred', 'shed', 'sled', 'wed', 'fled', 'bred', 'shred', 'proceed', 'succeed',
  'exceed', 'embed', 'naked', 'wicked', 'sacred', 'rugged', 'ragged', 'beloved', 'learned',
  'aged', 'based', 'related', 'limited', 'united', 'detailed', 'advanced', 'concerned', 'interested',
  'alleged', 'armed', 'supposed', 'so-called', 'skilled', 'qualified', 'experienced',
  'talented', 'renowned', 'noted', 'tired', 'married', 'retired', 'dedicated', 'encrypted',
  'sophisticated', 'complicated', 'unprecedented', 'unexpected', 'expected', 'scheduled',
  'planned', 'slated', 'vowed', 'promised', 'pledged', 'suspected',
  'infested', 'crowded', 'isolated', 'sustained', 'automated', 'biased', 'closed-sourced',
]);

interface Tok { start: number; end: number; w: string; cap: boolean }

const WORD = /[A-Za-z]+(?:['’][A-Za-z]+)*|['’]ll\b|['’]s\b|['’]ve\b/g;

function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(s); m; m = WORD.exec(s)) {
    const w = m[0].replace(/’/g, "'");
    out.push({ start: m.index, end: m.index + m[0].length, w: w.toLowerCase(), cap: w[0]! >= 'A' && w[0]! <= 'Z' });
  }
  return out;
}

function isParticiple(t: Tok | undefined): boolean {
  if (!t) return false;
  return t.w === 'been' || (/^[a-z]{3,}ed$/.test(t.w) && !ED_STOP.has(t.w)) || /^[a-z]{3,}en$/.test(t.w) || PAST.has(t.w);
}

function cueAt(toks: Tok[], k: number): Cue | null {
  const t = toks[k]!;
  const w = t.w;
  if (w.endsWith("'ll")) return 'F';
  if (w === 'going' && toks[k + 1]?.w === 'to') return 'F';
  if ((w === 'set' || w === 'about') && toks[k + 1]?.w === 'to' && BE_NONPAST.has(toks[k - 1]?.w ?? '')) return 'F';
  if ((w === 'is' || w === 'are') && toks[k + 1]?.w === 'to') return 'F';
  if (FUTURE.has(w)) {
    // "expected"/"planned" are future markers ("is expected to vote"), but a finite past verb
    // after "was/had" ("was planned in May") is handled by the auxiliary further left.
    if ((w === 'planned' || w === 'expected' || w === 'vowed' || w === 'promised' || w === 'pledged')) {
      const prev = toks[k - 1]?.w ?? '';
      if (prev === 'was' || prev === 'were' || prev === 'had' || prev === 'been') return 'P';
    }
    return 'F';
  }
  if (HAVE.has(w)) return isParticiple(toks[k + 1]) || isParticiple(toks[k + 2]) ? 'P' : 'N';
  if (PAST_AUX.has(w)) return 'P';
  if (SCHEDULE.has(w)) return 'F';
  if (PRESENT.has(w)) return 'N';
  if (PAST.has(w) || (w.length > 4 && w.endsWith('ed') && !ED_STOP.has(w) && !t.cap)) {
    const p1 = toks[k - 1]?.w ?? '';
    const p2 = toks[k - 2]?.w ?? '';
    // Passive or perfect participle: the auxiliary to its left decides.
    if (BE_NONPAST.has(p1) || BE_NONPAST.has(p2) || HAVE.has(p1) || HAVE.has(p2) || p1 === 'been') return null;
    if (p1.endsWith("'s") || p1.endsWith("'re") || p1.endsWith("'ll")) return null;
    return 'P';
  }
  return null;
}

/** "France to clear ..." (an infinitive, not "to the", "to Paris"). */
const HEADLINE_TO = /\bto\s+(?!(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|some|all|every|each|no|one|two|three)\b)[a-z]{2,}/;

const toDir = (c: Cue): Dir => (c === 'P' ? 'past' : c === 'F' ? 'future' : 'none');

/** Lazily tokenised sentence; `dirAt` gives the direction for a mention spanning [start, end). */
export class TenseScope {
  private toks: Tok[] | null = null;
  private cues: (Cue | null)[] = [];
  constructor(private readonly s: string) {}

  dirAt(start: number, end: number): Dir {
    const cue = this.cueFor(start, end);
    if (cue === 'since') return 'past';
    if (cue) return toDir(cue.cue);
    // Headline style with no finite verb: "France to clear camp Monday" announces a plan.
    if (HEADLINE_TO.test(this.s) && !this.cues.some((c) => c)) return 'future';
    return 'none';
  }

  /** The cue that decides the direction of [start, end) and its word, or null without one. */
  cueFor(start: number, end: number): { cue: Cue; word: string } | 'since' | null {
    if (!this.toks) {
      this.toks = tokenize(this.s);
      this.cues = this.toks.map((_, k) => cueAt(this.toks!, k));
    }
    const toks = this.toks;
    // "since November" always looks back.
    if (/\bsince\s+$/i.test(this.s.slice(Math.max(0, start - 8), start))) return 'since';
    for (let k = toks.length - 1; k >= 0; k--) {
      if (toks[k]!.end > start) continue;
      const c = this.cues[k];
      if (c) return { cue: c, word: toks[k]!.w };
    }
    for (let k = 0; k < toks.length; k++) {
      if (toks[k]!.start < end) continue;
      const c = this.cues[k];
      if (c) return { cue: c, word: toks[k]!.w };
    }
    return null;
  }
}
