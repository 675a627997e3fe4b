/**
 * The changes between two views of an annotation, as a reader would list them: entities added
 * and removed, an entity that changed type or name, a date whose value changed, an entity whose
 * mentions changed in number or form, and the document's own fields. Offsets are not in a view,
 * so they never show as a change.
 */
import { compareCodeUnits } from '../core/compare.js';
import type { Item, Kind, View } from './view.js';

export type Change =
  | { change: 'document'; field: 'title' | 'published' | 'published_from'; from: string | null; to: string | null }
  | { change: 'added' | 'removed'; kind: Kind; key: string; mentions: number; forms: [string, number][]; byConfig?: true; furniture?: true }
  /** The same name in another list: `Georgia` a place, now a person. */
  | { change: 'type'; key: string; from: Kind; to: Kind; mentions: [number, number]; byConfig?: true; furniture?: true }
  /** The same entity, now made by the project's config, or no longer. */
  | { change: 'origin'; kind: Kind; key: string; to: 'config' | 'engine'; furniture?: true }
  /** The same mentions under another name (an entity), or another value (a date). */
  | { change: 'renamed'; kind: Kind; from: string; to: string; mentions: [number, number]; forms: FormChange[]; furniture?: true }
  | { change: 'mentions'; kind: Kind; key: string; mentions: [number, number]; forms: FormChange[]; furniture?: true };
/* `furniture: true`: the change is in the file's furniture: lists (page furniture, not the article). */

/** A mention text that appears more (+) or less (-) often. */
export type FormChange = [string, number];

const id = (it: Item) => `${it.furniture ? 'f' : 'a'}\0${it.kind}\0${it.key}`;
const sameZone = (a: Item, b: Item) => !a.furniture === !b.furniture;
/** The change with the item's zone: `furniture: true` for the furniture's lists. */
const zoned = <C extends Change>(c: C, it: Item): C => (it.furniture ? { ...c, furniture: true } : c);

function formChanges(a: [string, number][], b: [string, number][]): FormChange[] {
  const delta = new Map<string, number>();
  for (const [f, n] of a) delta.set(f, -n);
  for (const [f, n] of b) delta.set(f, (delta.get(f) ?? 0) + n);
  return [...delta].filter(([, d]) => d !== 0).sort((x, y) => compareCodeUnits(x[0], y[0]));
}

/** How many mentions two items share by text. */
function overlap(a: Item, b: Item): number {
  const counts = new Map(a.forms);
  let n = 0;
  for (const [f, c] of b.forms) n += Math.min(c, counts.get(f) ?? 0);
  return n;
}

export function compareViews(a: View, b: View): Change[] {
  const changes: Change[] = [];
  const fields = [
    ['title', a.title, b.title],
    ['published', a.published, b.published],
    ['published_from', a.publishedFrom, b.publishedFrom],
  ] as const;
  for (const [field, from, to] of fields) if (from !== to) changes.push({ change: 'document', field, from, to });

  const inB = new Map(b.items.map((it) => [id(it), it]));
  const inA = new Map(a.items.map((it) => [id(it), it]));
  let removed = a.items.filter((it) => !inB.has(id(it)));
  let added = b.items.filter((it) => !inA.has(id(it)));
  const paired: Change[] = [];

  // The same name in another entity list: a type change.
  for (const r of removed) {
    if (r.kind === 'date') continue;
    const to = added.find((x) => x.kind !== 'date' && x.key === r.key && sameZone(x, r));
    if (!to) continue;
    const type: Change = { change: 'type', key: r.key, from: r.kind, to: to.kind, mentions: [r.mentions, to.mentions] };
    if (to.byConfig) type.byConfig = true;
    paired.push(zoned(type, r));
    removed = removed.filter((x) => x !== r);
    added = added.filter((x) => x !== to);
  }
  // Mentions that moved to another name or value within one list: the pair sharing most mentions.
  for (const r of [...removed]) {
    let best: Item | null = null;
    let bestShared = 0;
    for (const x of added) {
      if (x.kind !== r.kind || !sameZone(x, r)) continue;
      const shared = overlap(r, x);
      if (shared > bestShared) [best, bestShared] = [x, shared];
    }
    if (!best) continue;
    paired.push(zoned({ change: 'renamed', kind: r.kind, from: r.key, to: best.key, mentions: [r.mentions, best.mentions], forms: formChanges(r.forms, best.forms) }, r));
    removed = removed.filter((x) => x !== r);
    added = added.filter((x) => x !== best);
  }
  const same: Change[] = [];
  for (const it of a.items) {
    const other = inB.get(id(it));
    if (!other) continue;
    const forms = formChanges(it.forms, other.forms);
    if (forms.length > 0) same.push(zoned({ change: 'mentions', kind: it.kind, key: it.key, mentions: [it.mentions, other.mentions], forms }, it));
    if (!it.byConfig !== !other.byConfig) same.push(zoned({ change: 'origin', kind: it.kind, key: it.key, to: other.byConfig ? 'config' : 'engine' }, it));
  }
  const entry = (change: 'added' | 'removed') => (it: Item): Change => {
    const c: Change = { change, kind: it.kind, key: it.key, mentions: it.mentions, forms: it.forms };
    if (it.byConfig) c.byConfig = true;
    return zoned(c, it);
  };
  changes.push(...added.map(entry('added')), ...removed.map(entry('removed')), ...paired, ...same);
  return changes;
}
