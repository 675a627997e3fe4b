/**
 * Turns a parsed annotate.config.yaml into the engine's rules (nlp/rules/types.ts), checking
 * every key and value as it goes. The first mistake is thrown as a ConfigError that knows its
 * place in the file, so the message can say where it is and what to write instead.
 */
import { ENTITY_KINDS } from '../core/kinds.js';
import type { EntityLabel, Label } from '../core/types.js';
import { parsePattern } from '../nlp/rules/pattern.js';
import { furnitureLine } from '../nlp/zoning.js';
import type { Correction, NameRule, NotRule, PatternRule, Rules } from '../nlp/rules/types.js';

/** A value of the parsed file with where it starts (offset into the file's text). */
export type Node =
  | { kind: 'map'; at: number; pairs: { key: string; keyAt: number; value: Node }[] }
  | { kind: 'list'; at: number; items: Node[] }
  | { kind: 'scalar'; at: number; value: string | number | boolean | null };

export class ConfigError extends Error {
  constructor(
    readonly at: number,
    message: string,
  ) {
    super(message);
  }
}

export const TOP_KEYS = ['names', 'not_entities', 'patterns', 'furniture', 'corrections'] as const;
const NAME_KEYS = ['type', 'aliases'];
const PATTERN_KEYS = ['type'];
const CORRECTION_KEYS = ['text', 'in', 'occurrence', 'type', 'not', 'value'];
const TYPES: Record<string, EntityLabel> = Object.fromEntries(ENTITY_KINDS.map((k) => [k.noun, k.label]));
const TYPE_NAMES = ENTITY_KINDS.map((k) => k.noun);

/** Rules and corrections as the config gives them; `corrections` by the path as written. */
export interface ConfigContent {
  rules: Rules;
  corrections: Map<string, { corrections: Correction[]; at: number[] }>;
  /** Where each names: entry starts, in the order of rules.names. */
  nameAt: number[];
}

export function validate(root: Node | null): ConfigContent {
  const content: ConfigContent = { rules: { names: [], notEntities: [], patterns: [] }, corrections: new Map(), nameAt: [] };
  if (root === null || (root.kind === 'scalar' && root.value === null)) return content;
  const top = asMap(root, 'the config', `a mapping with any of ${TOP_KEYS.join(', ')}`);
  const seen = new Set<string>();
  for (const { key, keyAt, value } of top.pairs) {
    if (seen.has(key)) throw new ConfigError(keyAt, `"${key}" is given twice; merge the two into one`);
    seen.add(key);
    if (key === 'names') readNames(value, content);
    else if (key === 'not_entities') content.rules.notEntities = readNotEntities(value);
    else if (key === 'patterns') content.rules.patterns = readPatterns(value);
    else if (key === 'furniture') {
      const lines = readFurniture(value);
      if (lines.length > 0) content.rules.furniture = lines;
    }
    else if (key === 'corrections') content.corrections = readCorrections(value);
    else throw new ConfigError(keyAt, `unknown key "${key}"${suggest(key, TOP_KEYS)}; the keys are ${TOP_KEYS.join(', ')}`);
  }
  if (content.rules.notEntities.length > 0) {
    const not = new Map(content.rules.notEntities.map((n) => [n.text, n]));
    for (const name of content.rules.names) {
      for (const form of name.forms) {
        const n = not.get(form);
        if (n && n.labels.includes(name.label)) {
          throw new ConfigError(root.at, `"${form}" is both a name (${nounOf(name.label)}) and in not_entities; keep one of them`);
        }
      }
    }
  }
  return content;
}

function readNames(node: Node, content: ConfigContent): void {
  const map = asMap(node, 'names', 'a mapping of names to types, e.g. "Telegram: organization"');
  const seen = new Map<string, number>();
  for (const { key, keyAt, value } of map.pairs) {
    const forms = [key];
    let label: EntityLabel;
    if (value.kind === 'map') {
      let type: EntityLabel | null = null;
      for (const p of value.pairs) {
        if (p.key === 'type') type = readType(p.value);
        else if (p.key === 'aliases') forms.push(...readStrings(p.value, 'aliases'));
        else throw new ConfigError(p.keyAt, `unknown key "${p.key}" in a name${suggest(p.key, NAME_KEYS)}; a name takes type and aliases`);
      }
      if (type === null) throw new ConfigError(value.at, `the name "${key}" has no type; write e.g. {type: person, aliases: [${key.split(' ').pop()}]}`);
      label = type;
    } else label = readType(value);
    for (const form of forms) {
      checkText(form, keyAt, 'a name');
      const before = seen.get(form);
      if (before !== undefined) throw new ConfigError(keyAt, `"${form}" is given twice in names; keep one entry`);
      seen.set(form, keyAt);
    }
    content.rules.names.push({ name: key, label, forms } satisfies NameRule);
    content.nameAt.push(keyAt);
  }
}

function readNotEntities(node: Node): NotRule[] {
  const list = asList(node, 'not_entities', 'a list of strings, e.g. [REUTER, Brexit], or of "Paris: not place"');
  const all: Label[] = ENTITY_KINDS.map((k) => k.label);
  return list.items.map((item) => {
    if (item.kind === 'map' && item.pairs.length === 1) {
      const { key, keyAt, value } = item.pairs[0]!;
      checkText(key, keyAt, 'an entry of not_entities');
      const v = value.kind === 'scalar' && typeof value.value === 'string' ? /^not\s+(\S+)$/.exec(value.value.trim()) : null;
      if (!v) throw new ConfigError(value.at, `write "${key}: not <type>" (not person, not organization, not place or not date)`);
      return { text: key, labels: [readTypeName(v[1]!, value.at, true)] };
    }
    const text = scalarText(item, 'an entry of not_entities', 'a string, or "Paris: not place"');
    checkText(text, item.at, 'an entry of not_entities');
    return { text, labels: all };
  });
}

/** `furniture:`: whole lines of the page around the article (a site's tagline, its footer). */
function readFurniture(node: Node): string[] {
  const list = asList(node, 'furniture', 'a list of lines, e.g. ["Serving Harlan since 1911", "Get the app"]');
  const seen = new Set<string>();
  return list.items.map((item) => {
    const text = scalarText(item, 'an entry of furniture', 'a line of text');
    checkText(text, item.at, 'an entry of furniture');
    const line = furnitureLine(text);
    if (seen.has(line)) throw new ConfigError(item.at, `the line "${text}" is given twice in furniture; keep one`);
    seen.add(line);
    return line;
  });
}

function readPatterns(node: Node): PatternRule[] {
  const map = asMap(node, 'patterns', 'a mapping of token patterns to types, e.g. "[Cap] Newsroom: organization"');
  return map.pairs.map(({ key, keyAt, value }) => {
    let label: EntityLabel;
    if (value.kind === 'map') {
      let type: EntityLabel | null = null;
      for (const p of value.pairs) {
        if (p.key === 'type') type = readType(p.value);
        else throw new ConfigError(p.keyAt, `unknown key "${p.key}" in a pattern${suggest(p.key, PATTERN_KEYS)}; a pattern takes a type`);
      }
      if (type === null) throw new ConfigError(value.at, `the pattern "${key}" has no type; write e.g. "${key}": organization`);
      label = type;
    } else label = readType(value);
    const parsed = parsePattern(key);
    if (!parsed.ok) throw new ConfigError(keyAt, `bad pattern "${key}" at column ${parsed.column} of it: ${parsed.why}`);
    return { source: key, label, elements: parsed.elements };
  });
}

function readCorrections(node: Node): Map<string, { corrections: Correction[]; at: number[] }> {
  const map = asMap(node, 'corrections', 'a mapping of source files (relative to this config) to lists of corrections');
  const out = new Map<string, { corrections: Correction[]; at: number[] }>();
  for (const { key, keyAt, value } of map.pairs) {
    const file = normalizeRelative(key);
    if (file === null) throw new ConfigError(keyAt, `"${key}" must be a source file's path relative to this config's folder, with / between folders (no .. or leading /)`);
    if (out.has(file)) throw new ConfigError(keyAt, `"${key}" has corrections twice; put them in one list`);
    const list = asList(value, `the corrections of ${key}`, 'a list like [{text: Calais, type: place}]');
    out.set(file, { corrections: list.items.map(readCorrection), at: list.items.map((i) => i.at) });
  }
  return out;
}

function readCorrection(node: Node): Correction {
  const map = asMap(node, 'a correction', '{text: ..., type: ...}, {text: ..., not: entity} or {text: ..., value: ...}');
  const c: Correction = { text: '', context: null, occurrence: null, label: null, not: null, value: null };
  let text: string | null = null;
  let actions = 0;
  for (const { key, keyAt, value } of map.pairs) {
    switch (key) {
      case 'text':
        text = scalarText(value, 'text', 'the words as they stand in the article');
        break;
      case 'in':
        c.context = scalarText(value, 'in', 'a longer piece of the article that holds the text');
        break;
      case 'occurrence': {
        const n = value.kind === 'scalar' ? value.value : null;
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw new ConfigError(value.at, 'occurrence must be a whole number from 1 (the first place the text occurs)');
        c.occurrence = n;
        break;
      }
      case 'type':
        c.label = readType(value);
        actions++;
        break;
      case 'not': {
        const v = scalarText(value, 'not', 'entity, person, organization, place or date');
        c.not = v === 'entity' ? ENTITY_KINDS.map((k) => k.label) : [readTypeName(v, value.at, true)];
        actions++;
        break;
      }
      case 'value': {
        const v = value.kind === 'scalar' && (typeof value.value === 'string' || typeof value.value === 'number') ? String(value.value) : null;
        if (v === null || !/^[0-9X]{1,4}(-[0-9A-Z]{1,3}(-[0-9X]{2})?)?(T[0-9:+-]+)?$/.test(v)) {
          throw new ConfigError(value.at, 'value must be a TIMEX3 date value such as 2016-09-09, 2016-09, 2016-W37 or XXXX-11');
        }
        c.value = v;
        actions++;
        break;
      }
      default:
        throw new ConfigError(keyAt, `unknown key "${key}" in a correction${suggest(key, CORRECTION_KEYS)}; a correction takes ${CORRECTION_KEYS.join(', ')}`);
    }
  }
  if (text === null) throw new ConfigError(map.at, 'a correction needs text: the words it is about, as they stand in the article');
  checkText(text, map.at, 'a correction');
  if (actions !== 1) throw new ConfigError(map.at, `a correction says one thing: type (a wrong or missed entity), not (not an entity) or value (a date's value); this one says ${actions === 0 ? 'none' : 'several'}`);
  if (c.context !== null && !c.context.includes(text)) throw new ConfigError(map.at, `in: "${c.context}" does not hold the text "${text}"`);
  c.text = text;
  return c;
}

function readType(node: Node): EntityLabel {
  const v = scalarText(node, 'a type', `one of ${TYPE_NAMES.join(', ')}`);
  return readTypeName(v, node.at, false) as EntityLabel;
}

function readTypeName(v: string, at: number, dates: boolean): Label {
  if (TYPES[v]) return TYPES[v]!;
  if (dates && v === 'date') return 'DATE';
  const names = dates ? [...TYPE_NAMES, 'date'] : TYPE_NAMES;
  throw new ConfigError(at, `unknown type "${v}"${suggest(v, names)}; use ${names.join(', ')}`);
}

function nounOf(label: EntityLabel): string {
  return ENTITY_KINDS.find((k) => k.label === label)!.noun;
}

function readStrings(node: Node, what: string): string[] {
  if (node.kind === 'list') return node.items.map((i) => scalarText(i, `an entry of ${what}`, 'a string'));
  return [scalarText(node, what, 'a string or a list of strings')];
}

function checkText(text: string, at: number, what: string): void {
  // The common case in one test: no blank at either end, no line break.
  if (/^\S(?:[^\n\r]*\S)?$/.test(text)) return;
  if (text.trim() === '') throw new ConfigError(at, `${what} is empty; give the words as they stand in the article`);
  if (text !== text.trim()) throw new ConfigError(at, `${what} "${text}" starts or ends with a blank; remove it`);
  throw new ConfigError(at, `${what} spans lines; names and corrections are found within one line`);
}

function asMap(node: Node, what: string, expected: string): Extract<Node, { kind: 'map' }> {
  if (node.kind !== 'map') throw new ConfigError(node.at, `${what} must be ${expected}`);
  return node;
}

function asList(node: Node, what: string, expected: string): Extract<Node, { kind: 'list' }> {
  if (node.kind !== 'list') throw new ConfigError(node.at, `${what} must be ${expected}`);
  return node;
}

/** A scalar as the string it was written as (numbers too: a name may be "1860"). */
function scalarText(node: Node, what: string, expected: string): string {
  if (node.kind !== 'scalar' || node.value === null || typeof node.value === 'boolean') throw new ConfigError(node.at, `${what} must be ${expected}`);
  return String(node.value);
}

/** A relative path with / separators, normalized; null when it climbs out or is absolute. */
export function normalizeRelative(p: string): string | null {
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p) || p.includes('\\')) return null;
  const parts: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') return null;
    parts.push(part);
  }
  return parts.length > 0 ? parts.join('/') : null;
}

/** ` (did you mean "x"?)` for the closest of `options` (two edits, more for long words), else nothing. */
export function suggest(got: string, options: readonly string[]): string {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const o of options) {
    const d = distance(got.toLowerCase(), o.toLowerCase());
    if (d <= Math.max(2, Math.floor(o.length / 4)) && d < bestDistance) [best, bestDistance] = [o, d];
  }
  return best === null ? '' : ` (did you mean "${best}"?)`;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}
