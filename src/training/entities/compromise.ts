/**
 * The baseline entity engine: compromise's people/organizations/places, spans rebuilt from term
 * offsets (compromise's match-level offset includes surrounding punctuation) and trimmed. No
 * longer the runtime's (src/nlp/entities/index.ts); kept as the reference
 * `npm run train -- --baseline` scores.
 */
import nlp from 'compromise';
import type { EntityLabel, Span } from '../../core/types.js';

interface TermJson { offset: { start: number; length: number } }
interface MatchJson { terms: TermJson[] }

const TRIM_HEAD = /^[\s"'“”‘’«»()\[\]{}<>.,;:!?*_-]+/u;
const TRIM_TAIL = /(?:['’]s)?[\s"'“”‘’«»()\[\]{}<>.,;:!?*_-]+$|['’]s$/u;

export function extractEntitiesCompromise(text: string): Span[] {
  const doc = nlp(text);
  const out: Span[] = [];
  const take = (label: EntityLabel, view: { json: (o: object) => MatchJson[] }): void => {
    for (const m of view.json({ offset: true, terms: { offset: true } })) {
      const first = m.terms[0];
      const last = m.terms[m.terms.length - 1];
      if (!first || !last) continue;
      const span = trimSpan(text, first.offset.start, last.offset.start + last.offset.length, label);
      if (span) out.push(span);
    }
  };
  take('PER', doc.people());
  take('ORG', doc.organizations());
  take('LOC', doc.places());
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // Keep the first (longest) of overlapping spans.
  const result: Span[] = [];
  for (const s of out) {
    const prev = result[result.length - 1];
    if (prev && s.start < prev.end) continue;
    result.push(s);
  }
  return result;
}

export function trimSpan(text: string, start: number, end: number, label: EntityLabel): Span | null {
  let s = start;
  let e = end;
  let slice = text.slice(s, e);
  const head = TRIM_HEAD.exec(slice);
  if (head) { s += head[0].length; slice = slice.slice(head[0].length); }
  let tail = TRIM_TAIL.exec(slice);
  while (tail && tail[0].length > 0) {
    e -= tail[0].length;
    slice = slice.slice(0, slice.length - tail[0].length);
    tail = TRIM_TAIL.exec(slice);
  }
  if (e <= s || !/\p{L}/u.test(slice)) return null;
  return { start: s, end: e, label, text: slice };
}
