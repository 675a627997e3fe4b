/**
 * Applies a project's house rules (types.ts) to the engine's spans of one document. The order
 * is fixed: `not_entities` take the engine's spans out, `names` and `patterns` win over the
 * engine where they occur, and the document's own corrections win over everything. Spans stay
 * sorted and never overlap, as the engine's do.
 */
import type { EntityGroup, EntityLabel, Label, Span } from '../../core/types.js';
import { withoutOverlaps } from '../overlaps.js';
import { isWordAt, matchAt, tokenize, type Token } from './pattern.js';
import type { Correction, DocumentRules, NameRule, PatternRule, Rules, RulesReport } from './types.js';

/** A span the config made; `entry` is the `names:` entry it is a form of. */
export interface ConfigSpan extends Span {
  by: 'config';
  entry?: string;
}

export function isConfigMade(span: Span): span is ConfigSpan {
  return (span as ConfigSpan).by === 'config';
}

interface Compiled {
  /** Forms by their first token (a word, or a single sign), longest first. */
  forms: Map<string, { form: string; rule: NameRule; index: number }[]>;
  /** Patterns whose first element is a required literal, by that literal's first token. */
  patternsByToken: Map<string, PatternRule[]>;
  /** Every other pattern: tried at each token. */
  patternsAnywhere: PatternRule[];
  not: Map<string, Set<Label>>;
}

const compiled = new WeakMap<Rules, Compiled>();

function compile(rules: Rules): Compiled {
  let c = compiled.get(rules);
  if (c) return c;
  const forms = new Map<string, { form: string; rule: NameRule; index: number }[]>();
  rules.names.forEach((rule, index) => {
    for (const form of rule.forms) {
      const key = firstToken(form);
      let list = forms.get(key);
      if (!list) forms.set(key, (list = []));
      list.push({ form, rule, index });
    }
  });
  for (const list of forms.values()) list.sort((a, b) => b.form.length - a.form.length);
  const patternsByToken = new Map<string, PatternRule[]>();
  const patternsAnywhere: PatternRule[] = [];
  for (const p of rules.patterns) {
    const first = p.elements[0]!;
    if (first.literals && first.min === 1) {
      for (const key of new Set(first.literals.map((seq) => seq[0]!))) {
        let list = patternsByToken.get(key);
        if (!list) patternsByToken.set(key, (list = []));
        list.push(p);
      }
    } else patternsAnywhere.push(p);
  }
  const not = new Map<string, Set<Label>>();
  for (const n of rules.notEntities) {
    let set = not.get(n.text);
    if (!set) not.set(n.text, (set = new Set()));
    for (const l of n.labels) set.add(l);
  }
  c = { forms, patternsByToken, patternsAnywhere, not };
  compiled.set(rules, c);
  return c;
}

/** The first token of a string: its leading word, or its first sign. */
function firstToken(s: string): string {
  const m = /^[\p{L}\p{M}\p{N}]+/u.exec(s);
  return m ? m[0] : String.fromCodePoint(s.codePointAt(0)!);
}

/** Whether `s` occurs at `i` as whole words: no word character runs on at either end. */
function wholeAt(text: string, i: number, s: string): boolean {
  if (!text.startsWith(s, i)) return false;
  if (isWordAt(text, i) && isWordAt(text, i - 1)) return false;
  const end = i + s.length;
  return !(isWordAt(text, end - 1) && isWordAt(text, end));
}

/** Every whole-word place of `s` in `text`, in order. */
export function occurrences(text: string, s: string, from = 0, to = text.length): number[] {
  const found: number[] = [];
  if (s === '') return found;
  for (let i = text.indexOf(s, from); i >= 0 && i + s.length <= to; i = text.indexOf(s, i + 1)) {
    if (wholeAt(text, i, s)) found.push(i);
  }
  return found;
}

interface Match {
  start: number;
  end: number;
  label: EntityLabel;
  entry?: string;
  /** The names: entry's index. */
  index?: number;
}

/** Leftmost-longest matches of names and patterns; a name wins over a pattern of the same extent. */
function findMatches(text: string, tokens: Token[], c: Compiled): Match[] {
  const found: Match[] = [];
  let covered = 0;
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t]!;
    if (tok.start < covered) continue;
    let best: Match | null = null;
    for (const { form, rule, index } of c.forms.get(tok.text) ?? []) {
      if (wholeAt(text, tok.start, form)) {
        best = { start: tok.start, end: tok.start + form.length, label: rule.label, entry: rule.name, index };
        break;
      }
    }
    const tryPattern = (p: PatternRule) => {
      const end = matchAt(tokens, t, p.elements);
      if (end < 0) return;
      const e = tokens[end - 1]!.end;
      if (!best || e > best.end) best = { start: tok.start, end: e, label: p.label };
    };
    for (const p of c.patternsByToken.get(tok.text) ?? []) tryPattern(p);
    for (const p of c.patternsAnywhere) tryPattern(p);
    if (best) {
      const m: Match = best;
      if (c.not.get(text.slice(m.start, m.end))?.has(m.label)) continue;
      found.push(m);
      covered = m.end;
    }
  }
  return found;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const byPosition = (a: Span, b: Span) => a.start - b.start || a.end - b.end;

function configSpan(text: string, start: number, end: number, label: Label, entry?: string, value?: string): ConfigSpan {
  const span: ConfigSpan = { start, end, label, text: text.slice(start, end), by: 'config' };
  if (entry !== undefined) span.entry = entry;
  if (value !== undefined) span.value = value;
  return span;
}

export interface RuledSpans {
  entities: Span[];
  dates: Span[];
  report: RulesReport;
}

export function applyRules(text: string, entities: Span[], dates: Span[], doc: DocumentRules): RuledSpans {
  const c = compile(doc.rules);
  const notOf = (s: Span) => c.not.get(s.text)?.has(s.label) === true;
  let ents = c.not.size > 0 ? entities.filter((s) => !notOf(s)) : entities;
  let dts = c.not.size > 0 ? dates.filter((s) => !notOf(s)) : dates;

  const names = new Set<number>();
  if (c.forms.size > 0 || doc.rules.patterns.length > 0) {
    const matches = findMatches(text, tokenize(text), c);
    for (const m of matches) if (m.index !== undefined) names.add(m.index);
    if (matches.length > 0) ({ entities: ents, dates: dts } = mergeMatches(text, ents, dts, matches));
  }

  const unused: number[] = [];
  doc.corrections.forEach((corr, index) => {
    const places = correctionPlaces(text, corr);
    if (places.length === 0) {
      unused.push(index);
      return;
    }
    for (const place of places) ({ entities: ents, dates: dts } = correct(text, ents, dts, corr, place));
  });
  return { entities: ents, dates: dts, report: { unused, names: [...names].sort((a, b) => a - b) } };
}

/**
 * Config matches against the engine's spans: an engine span that holds a match of its own
 * type and is longer stays ("Chrysler Corp" for the name Chrysler), any other span a match
 * touches goes.
 */
function mergeMatches(text: string, entities: Span[], dates: Span[], matches: Match[]): { entities: Span[]; dates: Span[] } {
  const kept: Span[] = [];
  const added: Span[] = [];
  let m = 0;
  for (const e of entities) {
    while (m < matches.length && matches[m]!.end <= e.start) added.push(fromMatch(text, matches[m++]!));
    let k = m;
    let holdsAll = true;
    while (k < matches.length && matches[k]!.start < e.end) {
      const x = matches[k]!;
      // Held by a longer span of its type: "Chrysler Corp" stays for the name Chrysler. A span
      // of just the name's extent is replaced, so that it is marked as the config's.
      const longer = e.start <= x.start && x.end <= e.end && x.end - x.start < e.end - e.start;
      if (!(longer && x.label === e.label)) holdsAll = false;
      k++;
    }
    if (k === m) kept.push(e);
    else if (holdsAll) {
      kept.push(e);
      m = k;
    }
    // else: the matches stay in line and take this span's place.
  }
  while (m < matches.length) added.push(fromMatch(text, matches[m++]!));
  const ents = [...kept, ...added].sort(byPosition);
  return { entities: removeOverlapping(ents), dates: withoutOverlaps(dates, added) };
}

/**
 * An engine span that lost to a match overlaps an added span; with both lists sorted a sweep
 * drops it (a config span always wins).
 */
function removeOverlapping(sorted: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of sorted) {
    const prev = out[out.length - 1];
    if (prev && overlaps(prev, s)) {
      if (isConfigMade(s) && !isConfigMade(prev)) out[out.length - 1] = s;
      continue;
    }
    out.push(s);
  }
  return out;
}

function fromMatch(text: string, m: Match): ConfigSpan {
  return configSpan(text, m.start, m.end, m.label, m.entry);
}

/** The places a correction points at: its text as whole words, inside its context if given. */
function correctionPlaces(text: string, corr: Correction): { start: number; end: number }[] {
  let starts: number[];
  if (corr.context === null) starts = occurrences(text, corr.text);
  else {
    starts = [];
    for (const at of occurrences(text, corr.context)) {
      const inside = occurrences(text, corr.text, at, at + corr.context.length);
      if (inside.length > 0) starts.push(inside[0]!);
    }
  }
  if (corr.occurrence !== null) starts = starts.length >= corr.occurrence ? [starts[corr.occurrence - 1]!] : [];
  return starts.map((start) => ({ start, end: start + corr.text.length }));
}

function correct(text: string, entities: Span[], dates: Span[], corr: Correction, place: { start: number; end: number }): { entities: Span[]; dates: Span[] } {
  if (corr.not !== null) {
    const not = new Set<Label>(corr.not);
    const keep = (s: Span) => !(overlaps(s, place) && not.has(s.label));
    return { entities: entities.filter(keep), dates: dates.filter(keep) };
  }
  const others = (list: Span[]) => list.filter((s) => !overlaps(s, place));
  if (corr.value !== null) {
    const date = configSpan(text, place.start, place.end, 'DATE', undefined, corr.value);
    return { entities: others(entities), dates: [...others(dates), date].sort(byPosition) };
  }
  const span = configSpan(text, place.start, place.end, corr.label!);
  return { entities: [...others(entities), span].sort(byPosition), dates: others(dates) };
}

/**
 * Groups with the config's say: mentions of one `names:` entry form one entity under the
 * entry's name (aliases need not look alike); a group with any config-made mention is marked.
 */
export function groupWithRules(spans: Span[], group: (spans: Span[]) => EntityGroup[]): EntityGroup[] {
  const byEntry = new Map<string, EntityGroup>();
  const rest: Span[] = [];
  for (const s of spans) {
    const entry = (s as ConfigSpan).entry;
    if (entry === undefined) {
      rest.push(s);
      continue;
    }
    const key = `${s.label}\u0000${entry}`;
    let g = byEntry.get(key);
    if (!g) byEntry.set(key, (g = { name: entry, mentions: [], by: 'config' }));
    g.mentions.push(s);
  }
  const groups = group(rest);
  for (const g of groups) if (g.mentions.some(isConfigMade)) g.by = 'config';
  return [...byEntry.values(), ...groups];
}
