/**
 * Document header (title, published date) and date expressions.
 * Placeholder rules until issue 5's tagger lands behind these same functions.
 */
import type { PublishedFrom, Span } from '../../core/types.js';

export interface PublishedOptions { fileName?: string; referenceDate: string | null }
export interface Published { value: string | null; from: PublishedFrom | null }

/** The headline: the first non-empty line that reads like a title. */
export function findTitle(text: string): string | null {
  for (const raw of text.split(/\r?\n/).slice(0, 10)) {
    const line = raw.trim();
    if (line.length < 12 || /^[•·*]/u.test(line)) continue;
    return line;
  }
  return null;
}

const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;

export function findPublished(text: string, options: PublishedOptions): Published {
  const head = text.slice(0, 2000);
  const iso = ISO.exec(head);
  if (iso) return { value: iso[0], from: 'text' };
  const name = options.fileName ? ISO.exec(options.fileName) : null;
  if (name) return { value: name[0], from: 'filename' };
  if (options.referenceDate) return { value: options.referenceDate, from: 'option' };
  return { value: null, from: null };
}

export interface DateOptions { anchor: string | null }

export function extractDates(text: string, _options: DateOptions): Span[] {
  const out: Span[] = [];
  const re = new RegExp(ISO.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length, label: 'DATE', text: m[0], value: m[0] });
  }
  return out;
}
