/**
 * The scraped-page texts are written with their furniture fenced by marker lines: a line
 * `[[furniture]]` opens a block, a line `[[/furniture]]` closes it, and every other line is the
 * article's (README.md beside this file gives the conventions). An optional first line
 * `[[dct:YYYY-MM-DD]]` gives the date the page was published. parsePage removes the marker lines
 * (with their line breaks) and returns the plain text with its body ranges: JS string offsets,
 * end exclusive, each from the first non-blank character of a run of body lines to the last
 * one; blank lines between two body lines stay inside the range, a furniture line ends it.
 */
export type BodyRange = [start: number, end: number];
export interface ParsedPage { text: string; dct: string | null; body: BodyRange[] }

export class PageMarkupError extends Error {}

const OPEN = '[[furniture]]';
const CLOSE = '[[/furniture]]';
const DCT = /^\[\[dct:(\d{4})-(\d{2})-(\d{2})\]\]$/;

export function parsePage(src: string): ParsedPage {
  const lines = src.split('\n');
  let dct: string | null = null;
  let text = '';
  const body: BodyRange[] = [];
  let run: BodyRange | null = null;
  /** Line number of the open block's marker, or 0 outside a block. */
  let openedAt = 0;
  let blockHasText = false;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const last = n === lines.length - 1;
    if (n === 0 && line.startsWith('[[dct:')) {
      dct = checkDct(line);
      continue;
    }
    if (line === OPEN) {
      if (openedAt) throw new PageMarkupError(`line ${n + 1}: ${OPEN} inside the block opened on line ${openedAt}`);
      openedAt = n + 1;
      blockHasText = false;
      if (run) { body.push(run); run = null; }
      continue;
    }
    if (line === CLOSE) {
      if (!openedAt) throw new PageMarkupError(`line ${n + 1}: ${CLOSE} without ${OPEN}`);
      if (!blockHasText) throw new PageMarkupError(`line ${n + 1}: the block opened on line ${openedAt} has no text`);
      openedAt = 0;
      continue;
    }
    if (line.includes('[[') || line.includes(']]')) throw new PageMarkupError(`line ${n + 1}: "[[" or "]]" outside a marker line (markers stand alone on their line)`);
    const at = text.length;
    text += last ? line : line + '\n';
    const first = line.search(/\S/);
    if (first < 0) continue;
    if (openedAt) { blockHasText = true; continue; }
    const end = at + line.trimEnd().length;
    if (run) run[1] = end;
    else run = [at + first, end];
  }
  if (openedAt) throw new PageMarkupError(`line ${openedAt}: ${OPEN} is never closed`);
  if (run) body.push(run);
  return { text, dct, body };
}

function checkDct(line: string): string {
  const m = DCT.exec(line);
  if (!m) throw new PageMarkupError('line 1: expected [[dct:YYYY-MM-DD]]');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new PageMarkupError(`line 1: ${m[0]} is not a calendar date`);
  }
  return `${m[1]}-${m[2]}-${m[3]}`;
}
