/**
 * Text -> entity spans with a given model: tokenize, extract features, Viterbi per line,
 * BILOU tags -> spans. Used by the runtime (index.ts) and by the trainer's evaluation.
 */
import type { EntityLabel, Span } from '../../core/types.js';
import { TAGS, lineCaseKinds, type GazetteerFn, type Lexicon } from './features.js';
import { viterbi, type TaggerModel } from './model.js';
import { tokenize, type Token } from './tokenize.js';

export function tagText(model: TaggerModel, lex: Lexicon, text: string, gazetteer?: GazetteerFn): Span[] {
  const tokens = tokenize(text);
  if (tokens.length === 0) return [];
  const em = model.emissions(tokens, lex, gazetteer);
  const tags = decodeLines(tokens, em, model.T, model.trans, model.start, model.end);
  return relabelHeadlines(tokens, tagsToSpans(text, tokens, tags), lex);
}

/**
 * In a CAPS or Title Case line case says little, so a name that running text of the same
 * document tags takes the label the running text gives it most often ("EU" in
 * "FRANCE AND GERMANY URGE EU TO ACT").
 */
function relabelHeadlines(tokens: Token[], spans: Span[], lex: Lexicon): Span[] {
  const kinds = lineCaseKinds(tokens, lex);
  let any = false;
  for (const k of kinds.values()) if (k !== '') { any = true; break; }
  if (!any || spans.length === 0) return spans;
  // Line of each span, from its first token.
  const lineAt = new Map<number, number>();
  for (const t of tokens) lineAt.set(t.start, t.line);
  const lineOf = (s: Span): number => lineAt.get(s.start) ?? -1;
  const votes = new Map<string, Map<string, number>>();
  for (const s of spans) {
    if ((kinds.get(lineOf(s)) ?? '') !== '') continue;
    const key = s.text.toLowerCase();
    let v = votes.get(key);
    if (!v) { v = new Map(); votes.set(key, v); }
    v.set(s.label, (v.get(s.label) ?? 0) + 1);
  }
  return spans.map((s) => {
    if ((kinds.get(lineOf(s)) ?? '') === '') return s;
    const v = votes.get(s.text.toLowerCase());
    if (!v) return s;
    let best: string = s.label;
    let n = v.get(s.label) ?? 0;
    for (const label of ['PER', 'ORG', 'LOC']) {
      const c = v.get(label) ?? 0;
      if (c > n) { best = label; n = c; }
    }
    return best === s.label ? s : { ...s, label: best as EntityLabel };
  });
}

/** Viterbi over each line's tokens (entities never cross a line break). */
export function decodeLines(
  tokens: Token[], em: ArrayLike<number>, T: number,
  trans: ArrayLike<number>, start: ArrayLike<number>, end: ArrayLike<number>,
): Int32Array {
  const tags = new Int32Array(tokens.length);
  let from = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i]!.line !== tokens[from]!.line) {
      viterbi(em, from, i, T, trans, start, end, tags);
      from = i;
    }
  }
  return tags;
}

const CAPITALISED = /^[\p{Lu}\p{Lt}]/u;
const LOWER_WORD = /^[\p{Ll}]{3,}$/u;
/** Lower-case words that do occur inside names. */
const CONNECTORS = new Set([
  'of', 'the', 'and', 'for', 'de', 'du', 'des', 'la', 'le', 'les', 'von', 'van', 'der', 'den', 'del', 'della',
  'di', 'da', 'dos', 'das', 'do', 'bin', 'ibn', 'al', 'el', 'y', 'on', 'upon', 'in', 'at', 'an', 'on', 'ter', 'ten', 'zu',
]);
function isCommonLower(w: string): boolean {
  return LOWER_WORD.test(w) && !CONNECTORS.has(w);
}

const TITLES = new Set([
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dr', 'dr.', 'prof', 'prof.', 'professor', 'sir', 'dame', 'lord', 'lady',
  'president', 'vice-president', 'pres.', 'senator', 'sen.', 'governor', 'gov.', 'mayor', 'minister', 'chancellor',
  'king', 'queen', 'prince', 'princess', 'pope', 'rev.', 'reverend', 'judge', 'justice',
  'general', 'gen.', 'colonel', 'col.', 'captain', 'capt.', 'lieutenant', 'lt.', 'sergeant', 'sgt.', 
  'mp', 'rep.', 'representative', 'secretary', 'ambassador', 'imam', 'rabbi', 'cardinal', 'bishop',
  'archbishop', 'chairman', 'chairwoman', 'ceo', 'inspector', 'detective', 'mme', 'mlle', 'm.',
]);

const TRIM_HEAD = /^[\s"'“”‘’«»()\[\]{}<>.,;:!?*_\-–—]+/u;
const TRIM_TAIL = /[\s"'“”‘’«»()\[\]{}<>,;:!?*_\-–—]+$|['’][sS]?$/u;

/** BILOU tag indices -> trimmed, sorted, non-overlapping spans. */
export function tagsToSpans(text: string, tokens: Token[], tags: Int32Array): Span[] {
  const out: Span[] = [];
  let open = -1;
  for (let i = 0; i < tokens.length; i++) {
    const tag = TAGS[tags[i]!]!;
    const p = tag[0];
    if (p === 'B') open = i;
    else if (p === 'U' || p === 'L') {
      const first = p === 'U' ? i : open;
      open = -1;
      if (first < 0) continue;
      const label = tag.slice(2) as EntityLabel | 'MISC';
      if (label === 'MISC') continue;
      // Brackets and quotes inside a tagged run split it ("[Phil] Gramm" is two mentions).
      let seg = first;
      for (let j = first; j <= i; j++) {
        if (BREAKER.test(tokens[j]!.text)) {
          if (j > seg) emit(text, tokens, seg, j - 1, label, out);
          seg = j + 1;
        }
      }
      if (seg <= i) emit(text, tokens, seg, i, label, out);
    } else if (p === 'O') open = -1;
  }
  return out;
}

const BREAKER = /^[\[\](){}"“”«»]$/u;

/** Cleans the token range [f, l] of a mention and adds its span. */
function emit(text: string, tokens: Token[], f: number, l: number, label: EntityLabel, out: Span[]): void {
  // A name does not hold lower-case common words at its edges ("German agency BND",
  // "the East Delta region"); connectors inside ("Bank of England", "bin Laden") stay.
  if (l > f && tokens.slice(f, l + 1).some((t) => CAPITALISED.test(t.text))) {
    for (let j = l; j > f; j--) {
      if (isCommonLower(tokens[j]!.text)) { f = j + 1; break; }
    }
    while (l > f && isCommonLower(tokens[l]!.text)) l--;
    if (f > l) return;
  }
  // Titles stay outside a person's span ("Mr Osborne" -> "Osborne").
  if (label === 'PER') {
    while (f < l && TITLES.has(tokens[f]!.text.toLowerCase())) f += tokens[f + 1]!.text === '.' && f + 1 < l ? 2 : 1;
  }
  const span = trimmed(text, tokens[f]!.start, tokens[l]!.end, label);
  if (span) out.push(span);
}

function trimmed(text: string, start: number, end: number, label: EntityLabel): Span | null {
  let s = start;
  let e = end;
  for (;;) {
    const slice = text.slice(s, e);
    const h = TRIM_HEAD.exec(slice);
    if (h && h[0].length > 0) { s += h[0].length; continue; }
    const t = TRIM_TAIL.exec(slice);
    if (t && t[0].length > 0 && t[0].length < slice.length) {
      // Keep a final period of an abbreviation or initial ("U.S.", "Corp.").
      e -= t[0].length;
      continue;
    }
    break;
  }
  const slice = text.slice(s, e);
  if (e <= s || !/\p{L}|\p{N}/u.test(slice)) return null;
  return { start: s, end: e, label, text: slice };
}
