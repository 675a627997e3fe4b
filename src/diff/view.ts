/**
 * What a reader sees in an annotation, without offsets: each entity (by name, in its list) or
 * date (by value) with how many mentions it has and in which forms. Two annotations of the same
 * article with a sentence inserted at the top differ in nearly every offset but, here, only in
 * that sentence's entities. `annotate diff` compares views; `annotate textconv` prints one.
 */
import { compareCodeUnits } from '../core/compare.js';
import { ENTITY_KINDS, type EntityNoun } from '../core/kinds.js';
import type { AnnotationRecord, FurnitureRecord } from '../serialize/record.js';

/** `date` for the dates list, else the noun of the entity list. */
export type Kind = EntityNoun | 'date';

export interface Item {
  kind: Kind;
  /** The entity's name, or the date's value. */
  key: string;
  mentions: number;
  /** Each distinct mention text with its count, by code units. */
  forms: [string, number][];
  /** Set when the project's config made it (`by: config`). */
  byConfig?: true;
  /** Set for an entry of the file's `furniture:` lists: found in page furniture, not the article. */
  furniture?: true;
}

export interface View {
  source: string;
  title: string | null;
  published: string | null;
  publishedFrom: string | null;
  /** By zone (article, then furniture), kind (people, organizations, places, dates), then key in code units. */
  items: Item[];
  /** Whether the file has a `furniture:` section (annotate 0.1 and --furniture keep/drop have none). */
  hasFurniture: boolean;
}

const KIND_ORDER: Kind[] = [...ENTITY_KINDS.map((k) => k.noun), 'date'];

function item(kind: Kind, key: string, mentions: { text: string }[], byConfig: boolean, furniture: boolean): Item {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  const it: Item = { kind, key, mentions: mentions.length, forms: [...counts].sort((a, b) => compareCodeUnits(a[0], b[0])) };
  if (byConfig) it.byConfig = true;
  if (furniture) it.furniture = true;
  return it;
}

/** The items of the four lists of the article, or of the furniture. */
function itemsOf(lists: FurnitureRecord, furniture: boolean): Item[] {
  const items: Item[] = [];
  for (const { list, noun } of ENTITY_KINDS) {
    const byName = new Map<string, { text: string }[]>();
    const configMade = new Set<string>();
    // Names are unique within a list as annotate writes it; a hand-made file may repeat one.
    for (const g of lists[list]) {
      byName.set(g.name, [...(byName.get(g.name) ?? []), ...g.mentions]);
      if (g.by === 'config') configMade.add(g.name);
    }
    for (const [name, mentions] of byName) items.push(item(noun, name, mentions, configMade.has(name), furniture));
  }
  const byValue = new Map<string, { text: string }[]>();
  const configMade = new Set<string>();
  for (const g of lists.dates) {
    byValue.set(g.value, [...(byValue.get(g.value) ?? []), ...g.mentions]);
    if (g.by === 'config') configMade.add(g.value);
  }
  for (const [value, mentions] of byValue) items.push(item('date', value, mentions, configMade.has(value), furniture));
  return items.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compareCodeUnits(a.key, b.key));
}

export function viewOf(record: AnnotationRecord): View {
  const f = record.furniture;
  const items = [...itemsOf(record, false), ...(f ? itemsOf(f, true) : [])];
  const doc = record.document ?? { title: null, published: null, published_from: null };
  return { source: record.source, title: doc.title ?? null, published: doc.published ?? null, publishedFrom: doc.published_from ?? null, items, hasFurniture: f !== undefined };
}

/** `person`, or `person in furniture` for an entry of the furniture's lists. */
export function kindLabel(x: { kind: Kind; furniture?: true }): string {
  return x.furniture ? `${x.kind} in furniture` : x.kind;
}

/** A string as it reads in a line of text: quoted (JSON) only when it would be ambiguous there. */
export function quoted(s: string): string {
  return /^[^\s"'][^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/.test(s) && !/[\s,:]$/.test(s) && !s.includes(', ') && !s.includes(': ') ? s : JSON.stringify(s);
}

/** `3 mentions: Kassim ×2, Rachid Kassim`; the forms are left out when the only one is the key. */
export function mentionsText(it: Item): string {
  const n = `${it.mentions} mention${it.mentions === 1 ? '' : 's'}`;
  const by = it.byConfig ? ', by config' : '';
  if (it.kind !== 'date' && it.forms.length === 1 && it.forms[0]![0] === it.key) return n + by;
  return `${n}: ${it.forms.map(([f, c]) => (c > 1 ? `${quoted(f)} ×${c}` : quoted(f))).join(', ')}${by}`;
}

/**
 * The text git diffs (`annotate textconv`): one line per field and per entity, entities sorted
 * by name rather than by first mention, so that a new mention early in the article moves no
 * line. Lists are headed by their YAML keys, so the view reads like the file.
 */
export function textconv(view: View): string {
  const out = [`source: ${quoted(view.source)}`, 'document:', `  title: ${view.title === null ? 'null' : quoted(view.title)}`];
  out.push(`  published: ${view.published ?? 'null'}`, `  published_from: ${view.publishedFrom ?? 'null'}`);
  const lists: [Kind, string][] = [...ENTITY_KINDS.map((k): [Kind, string] => [k.noun, k.list]), ['date', 'dates']];
  const section = (furniture: boolean, pad: string) => {
    for (const [kind, list] of lists) {
      const items = view.items.filter((it) => it.kind === kind && !it.furniture === !furniture);
      out.push(items.length === 0 ? `${pad}${list}: []` : `${pad}${list}:`);
      for (const it of items) out.push(`${pad}  ${quoted(it.key)}: ${mentionsText(it)}`);
    }
  };
  section(false, '');
  if (view.hasFurniture) {
    out.push('furniture:');
    section(true, '  ');
  }
  return `${out.join('\n')}\n`;
}
