/**
 * Generated pathological texts: the shapes of input that once made the engine superlinear in
 * time or memory (long runs joined by punctuation, capitalised words without sentence ends,
 * repeated titles and initials, dates and digits, one enormous line, many tiny lines). Each is
 * a pure function of its size, so a measurement can be repeated byte for byte. Used by the
 * time-and-memory guard tests and by `npm run bench:pathological`.
 */
import type { Span } from '../core/types.js';
import { article } from './bench-articles.js';

export interface Pathology {
  name: string;
  /** A text of exactly `size` UTF-16 code units. */
  make: (size: number) => string;
}

/** `unit(i)` repeated, i = 0, 1, 2 ..., cut to `size` code units. */
function fill(size: number, unit: (i: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const u = unit(i);
    parts.push(u);
    length += u.length;
  }
  return parts.join('').slice(0, size);
}

/** A deterministic word of letters for index i (varied, so word caches do not hide the cost). */
function word(i: number, capital: boolean): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let n = (Math.imul(i + 1, 2654435761) >>> 0) % 456976;
  let w = '';
  for (let k = 0; k < 3 + (i % 4); k++) {
    w += letters[n % 26];
    n = Math.floor(n / 26) + k * 7;
  }
  return capital ? w[0]!.toUpperCase() + w.slice(1) : w;
}

/** Capitalised words the tagger takes for names: runs of them make many distinct long names. */
const NAMES = (
  'Angela Merkel Rachid Kassim Maria Gonzalez John Smith Chen Wei Fatima Haddad Pierre Dubois Olga Ivanova '
  + 'Kwame Mensah Sarah Connor Hiroshi Tanaka Ana Silva Paris Berlin Nairobi Lima Toronto Madrid Cairo Sydney '
  + 'Oslo Mumbai Chicago Lagos European Commission World Health Organization Reuters United Nations Ford '
  + 'Bank England International Monetary Fund'
).split(' ');

/** A deterministic pseudo-random name word for index i. */
function name(i: number): string {
  return NAMES[(Math.imul(i + 7, 2246822519) >>> 7) % NAMES.length]!;
}

const joined = (sep: string, capital = false) => (size: number) => fill(size, (i) => word(i, capital && i % 3 === 0) + sep);

export const PATHOLOGIES: readonly Pathology[] = [
  // Not pathological: generated news articles as they come, the yardstick of the others.
  { name: 'articles', make: (size) => fill(size, (i) => article(i) + '\n') },
  { name: 'hyphen-run', make: joined('-') },
  { name: 'hyphen-letters', make: (size) => fill(size, (i) => `${'abcdefghij'[i % 10]}-`) },
  { name: 'dot-run', make: joined('.') },
  { name: 'dot-letters', make: (size) => fill(size, (i) => `${'abcdefghij'[i % 10]}.`) },
  { name: 'underscore-run', make: joined('_') },
  { name: 'slash-run', make: joined('/') },
  { name: 'mixed-run', make: (size) => fill(size, (i) => word(i, i % 2 === 0) + '-._/+%'[i % 6]) },
  { name: 'caps-no-punct', make: (size) => fill(size, (i) => word(i, true) + ' ') },
  { name: 'names-no-punct', make: (size) => fill(size, (i) => name(i) + ' ') },
  { name: 'names-punct', make: (size) => fill(size, (i) => name(i) + (i % 7 === 6 ? '. ' : i % 5 === 4 ? ', ' : ' ')) },
  { name: 'shared-surname', make: (size) => fill(size, (i) => `${name(i)} ${word(i, true)} Smith `) },
  { name: 'caps-punct', make: (size) => fill(size, (i) => word(i, true) + (i % 7 === 6 ? '. ' : i % 5 === 4 ? ', ' : ' ')) },
  { name: 'mr-repeated', make: (size) => fill(size, (i) => (i % 4 === 3 ? word(i, true) + ' ' : 'Mr. ')) },
  { name: 'initials', make: (size) => fill(size, (i) => `${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i % 26]}. `) },
  { name: 'dates-digits', make: (size) => fill(size, (i) => ['12 May 2016 ', '1999 ', '12:30 ', '3.5.2016 ', 'last Monday ', '2016-09-13 '][i % 6]!) },
  { name: 'digits-run', make: (size) => fill(size, (i) => String(i % 10)) },
  { name: 'digit-groups', make: (size) => fill(size, (i) => `${i % 1000}${'.,:/-'[i % 5]}`) },
  { name: 'long-line', make: (size) => fill(size, (i) => article(i).replace(/\s*\n\s*/g, ' ') + ' ') },
  { name: 'short-lines', make: (size) => fill(size, (i) => `${word(i, true)}\n`) },
  // A page (a menu, a copyright line), so that zoning looks at every line, then nothing but
  // short lines: each one's nearest longer neighbour is far away.
  {
    name: 'page-lines',
    make: (size) =>
      'Home | News | Sport | Culture | Opinion\n© 2024 The Example\n' +
      fill(size, (i) => `${word(i, true)}\n`),
  },
  // Lines of menu items that are long runs of figures with a letter at the end: a pattern for
  // table cells that could take each run apart in many ways would take exponential time.
  {
    name: 'figure-runs',
    make: (size) =>
      'Home | News | Sport | Culture | Opinion\n© 2024 The Example\n' +
      fill(size, (i) => `Home | ${'1'.repeat(30 + (i % 20))}x | 2 3 4 5 6 7 8 9 10 11 12 ${i}y | News\n`),
  },
];

/**
 * `count` distinct names that share their first and last words ("Angela Qbaa Smith"), each
 * tagged once, with their first word and surname recurring untagged: as the tagger's spans, the
 * input of the document-level passes (consistency, aliases) at its hardest for them.
 */
export function sharedNames(count: number): { text: string; spans: Span[] } {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const middle = (i: number) => `Q${letters[i % 26]}${letters[Math.floor(i / 26) % 26]}${letters[Math.floor(i / 676) % 26]}`;
  let text = '';
  const spans: Span[] = [];
  for (let i = 0; i < count; i++) {
    const name = `Angela ${middle(i)} Smith`;
    spans.push({ start: text.length, end: text.length + name.length, label: 'PER', text: name });
    text += `${name} met Angela in ${middle(i + 1)} Smith. `;
  }
  return { text, spans };
}
