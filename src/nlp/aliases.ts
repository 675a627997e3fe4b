/**
 * Merge mentions of one entity under one canonical name: the fullest mention wins, a surname
 * alone joins the full name, an acronym joins its expansion.
 */
import type { EntityGroup, Span } from '../core/types.js';

export function groupEntities(spans: Span[]): EntityGroup[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const groups: EntityGroup[] = [];
  const key = (s: string): string => s.toLowerCase();
  for (const s of sorted) {
    const found = groups.find((g) => g.mentions[0]!.label === s.label && g.mentions.some((m) => sameEntity(m.text, s.text)));
    if (found) {
      found.mentions.push(s);
      if (s.text.length > found.name.length) found.name = s.text;
    } else {
      groups.push({ name: s.text, mentions: [s] });
    }
  }
  void key;
  return groups;
}

function sameEntity(a: string, b: string): boolean {
  if (a.toLowerCase() === b.toLowerCase()) return true;
  const wa = a.split(/\s+/);
  const wb = b.split(/\s+/);
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  if (short.length === 1 && long.length > 1 && long[long.length - 1] === short[0]) return true;
  const acronym = long.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  return short.length === 1 && short[0]!.length > 1 && short[0] === acronym;
}
