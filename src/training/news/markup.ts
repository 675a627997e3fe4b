/**
 * The news-genre training texts are written with their labels inline: `[[ORG:Rivertown]] 2
 * [[ORG:Lakeside]] 1`. parseMarkup turns one such text into the plain text and its entity spans
 * (JS string offsets, end exclusive), the shared data format the trainer reads. Double square
 * brackets never occur in the texts themselves, so the markup is unambiguous.
 */
export type MarkupType = 'PER' | 'ORG' | 'LOC' | 'MISC';
export interface MarkupEntity { start: number; end: number; type: MarkupType; text: string }
export interface ParsedMarkup { text: string; entities: MarkupEntity[] }

export class MarkupError extends Error {}

const TYPES: ReadonlySet<string> = new Set(['PER', 'ORG', 'LOC', 'MISC']);
const OPEN = /\[\[([A-Z]+):/y;

export function parseMarkup(src: string): ParsedMarkup {
  let text = '';
  const entities: MarkupEntity[] = [];
  let i = 0;
  while (i < src.length) {
    const at = src.indexOf('[[', i);
    const close = src.indexOf(']]', i);
    if (close >= 0 && (at < 0 || close < at)) throw new MarkupError(`${where(src, close)}: "]]" without "[[TYPE:"`);
    if (at < 0) { text += src.slice(i); break; }
    text += src.slice(i, at);
    OPEN.lastIndex = at;
    const m = OPEN.exec(src);
    if (!m || !TYPES.has(m[1]!)) throw new MarkupError(`${where(src, at)}: expected [[PER:, [[ORG:, [[LOC: or [[MISC:`);
    const bodyStart = OPEN.lastIndex;
    const end = src.indexOf(']]', bodyStart);
    if (end < 0) throw new MarkupError(`${where(src, at)}: "[[" is never closed`);
    const body = src.slice(bodyStart, end);
    if (body.includes('[[') || body.includes('\n')) throw new MarkupError(`${where(src, at)}: a label runs into another label or a line break`);
    if (body.length === 0 || body.trim() !== body) throw new MarkupError(`${where(src, at)}: a label's text is empty or starts or ends with a blank`);
    const start = text.length;
    text += body;
    entities.push({ start, end: text.length, type: m[1] as MarkupType, text: body });
    i = end + 2;
  }
  return { text, entities };
}

/** "line L, column C" of a position in the source. */
function where(src: string, pos: number): string {
  let line = 1;
  let col = 1;
  for (let k = 0; k < pos; k++) {
    if (src.charCodeAt(k) === 10) { line++; col = 1; } else col++;
  }
  return `line ${line}, column ${col}`;
}
