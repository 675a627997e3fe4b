/** Plain-text tables and error listings of the eval (deterministic; no colour needed). */
import { compareCodeUnits } from '../core/compare.js';
import { CATEGORIES, CATEGORY_PRECEDENCE, type CategoryId } from './categories.js';
import type { BodyDoc, BodyScore, DateScore, ErrorKind, EvalError, Prf, TypeScore } from './score.js';

const pct = (x: number): string => (x * 100).toFixed(1);

function columnWidths(rows: string[][]): number[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => { widths[i] = Math.max(widths[i] ?? 0, [...c].length); });
  return widths;
}

/** A line with each label starting above the given column. */
function groupHeader(widths: number[], labels: Array<[col: number, label: string]>): string {
  let line = '';
  for (const [col, label] of labels) {
    const at = widths.slice(0, col).reduce((a, w) => a + w + 2, 0);
    line = line.padEnd(at) + label;
  }
  return line + '\n';
}

function table(rows: string[][], rightAlign: (col: number) => boolean): string {
  const widths = columnWidths(rows);
  return rows
    .map((r) => r.map((c, i) => {
      const pad = ' '.repeat(widths[i]! - [...c].length);
      return rightAlign(i) ? pad + c : c + pad;
    }).join('  ').trimEnd())
    .join('\n') + '\n';
}

const prfCells = (x: Prf): string[] => [String(x.tp), pct(x.precision), pct(x.recall), pct(x.f1)];

export function entityTable(title: string, documents: number, types: Record<string, TypeScore>, micro: TypeScore): string {
  const rows: string[][] = [['type', 'gold', 'pred', 'tp', 'P', 'R', 'F1', 'tp', 'P', 'R', 'F1']];
  for (const [t, s] of Object.entries(types)) rows.push([t, String(s.gold), String(s.pred), ...prfCells(s.exact), ...prfCells(s.overlap)]);
  rows.push(['micro', String(micro.gold), String(micro.pred), ...prfCells(micro.exact), ...prfCells(micro.overlap)]);
  const header = groupHeader(columnWidths(rows), [[3, 'exact'], [7, 'overlap']]);
  return `Entities: ${title} (${documents} documents)\n\n${header}${table(rows, (i) => i > 0)}`;
}

/**
 * One set's exact-span F1 on one line, micro first with its P and R, then per type (as `npm run
 * train` prints a line per set after each epoch):
 * `wikigold       ALL 71.0 (P 73.6 R 68.6)  PER 82.6  ORG 57.1  LOC 71.4`.
 */
export function entityLine(name: string, types: Record<string, TypeScore>, micro: TypeScore): string {
  const cells = [`ALL ${pct(micro.exact.f1)} (P ${pct(micro.exact.precision)} R ${pct(micro.exact.recall)})`];
  for (const [t, s] of Object.entries(types)) cells.push(`${t} ${pct(s.exact.f1)}`);
  return `${name.padEnd(14)} ${cells.join('  ')}`;
}

export function dateTable(title: string, documents: number, s: DateScore): string {
  const rows: string[][] = [
    ['dates', 'gold', 'pred', 'tp', 'P', 'R', 'F1'],
    ['exact', String(s.gold), String(s.pred), ...prfCells(s.exact)],
    ['overlap', String(s.gold), String(s.pred), ...prfCells(s.overlap)],
    ['value', String(s.gold), String(s.pred), ...prfCells(s.value)],
  ];
  return `Dates: ${title} (${documents} documents)\n\n${table(rows, (i) => i > 0)}` +
    `\nvalue accuracy of the overlapping matches: ${s.valueCorrect}/${s.overlap.tp} = ${pct(s.valueAccuracy)}%\n` +
    `(value = overlapping matches with the right TIMEX3 value, scored like TempEval-3's value F1)\n`;
}

const HEADINGS: Record<ErrorKind, string> = {
  missed: 'Missed (in the gold, not found)',
  spurious: 'Spurious (found, not in the gold)',
  boundary: 'Boundary errors (overlap, different span)',
  type: 'Type confusions (gold type -> predicted type)',
  value: 'Wrong values (gold -> predicted)',
};
const ORDER: ErrorKind[] = ['missed', 'spurious', 'boundary', 'type', 'value'];

const q = (s: string): string => JSON.stringify(s);

function describe(e: EvalError): string {
  const g = e.gold;
  const p = e.pred;
  switch (e.kind) {
    case 'missed':
      return `${g!.type} ${q(g!.text)}${g!.value !== undefined ? ` = ${g!.value}` : ''}`;
    case 'spurious':
      return `${p!.type} ${q(p!.text)}${p!.value !== undefined ? ` = ${p!.value}` : ''}`;
    case 'boundary':
      return `${g!.type} gold ${q(g!.text)} / found ${q(p!.text)}`;
    case 'type':
      return `${q(g!.text)} ${g!.type} -> ${p!.type}${g!.text !== p!.text ? ` (found ${q(p!.text)})` : ''}`;
    case 'value':
      return `${q(g!.text)} ${g!.value ?? '?'} -> ${p!.value ?? '?'}${g!.text !== p!.text ? ` (found ${q(p!.text)})` : ''}`;
  }
}

/** Errors grouped by kind, in document order, each with where it is and its context (the date
 * errors; entity errors are grouped by category, categoryListing). */
export function errorListing(errors: EvalError[]): string {
  let out = '';
  for (const kind of ORDER) {
    const list = errors.filter((e) => e.kind === kind);
    if (list.length === 0) continue;
    out += `\n${HEADINGS[kind]}: ${list.length}\n`;
    for (const e of list) out += `  ${e.doc}:${e.line}  ${describe(e)}\n      ${e.context}\n`;
    out += mostFrequent(list);
  }
  return out;
}

export interface CategoryCount {
  count: number;
  /** count / all errors. */
  share: number;
  /** By the gold type of the error (the predicted type for a spurious span). */
  types: Record<string, number>;
}

export interface CategorySummary extends CategoryCount {
  id: CategoryId;
  /** The category's number in the breakdown ('' for other). */
  n: string;
  title: string;
  subs: Array<CategoryCount & { sub: string }>;
}

export interface ErrorSummary {
  total: number;
  /** The type columns, PER ORG LOC first. */
  types: string[];
  categories: CategorySummary[];
}

const errorType = (e: EvalError): string => (e.gold ?? e.pred)!.type;
const TYPE_ORDER = ['PER', 'ORG', 'LOC'];

/** Counts of entity errors per category and sub-category (every category listed, even at 0). */
export function errorSummary(errors: EvalError[]): ErrorSummary {
  const total = errors.length;
  const others = [...new Set(errors.map(errorType))].filter((t) => !TYPE_ORDER.includes(t)).sort(compareCodeUnits);
  const types = [...TYPE_ORDER, ...others];
  const count = (list: EvalError[]): CategoryCount => {
    const byType: Record<string, number> = Object.fromEntries(types.map((t) => [t, 0]));
    for (const e of list) byType[errorType(e)]!++;
    return { count: list.length, share: total === 0 ? 0 : list.length / total, types: byType };
  };
  const categories = CATEGORIES.map(({ id, n, title }) => {
    const list = errors.filter((e) => (e.category?.id ?? 'other') === id);
    const subs = [...new Set(list.map((e) => e.category?.sub ?? null).filter((x): x is string => x !== null))]
      .map((sub) => ({ sub, ...count(list.filter((e) => e.category?.sub === sub)) }))
      .sort((a, b) => b.count - a.count || compareCodeUnits(a.sub, b.sub));
    return { id, n, title, ...count(list), subs };
  });
  return { total, types, categories };
}

/** The summary as a table: category, count, share, count per type; sub-categories indented. */
export function summaryTable(s: ErrorSummary): string {
  const order = CATEGORY_PRECEDENCE.map((id) => CATEGORIES.find((c) => c.id === id)!.n).join(', ');
  const rows: string[][] = [['#', 'category', 'count', 'share', ...s.types]];
  const cells = (c: CategoryCount): string[] => [String(c.count), `${pct(c.share)}%`, ...s.types.map((t) => String(c.types[t] ?? 0))];
  for (const c of s.categories) {
    rows.push([c.n, c.title, ...cells(c)]);
    for (const sub of c.subs) rows.push(['', `  ${sub.sub}`, ...cells(sub)]);
  }
  return `\nErrors by category: ${s.total} (each error counted once, in the first matching category of ${order}, then other)\n\n` +
    table(rows, (i) => i > 1);
}

/** Entity errors grouped by category (breakdown order), in document order, with context. */
export function categoryListing(errors: EvalError[]): string {
  let out = '';
  for (const { id, n, title } of CATEGORIES) {
    const list = errors.filter((e) => (e.category?.id ?? 'other') === id);
    if (list.length === 0) continue;
    out += `\n${n ? `${n}. ` : ''}${title}: ${list.length}\n`;
    for (const e of list) {
      const sub = e.category?.sub;
      out += `  ${e.doc}:${e.line}  ${e.kind}  ${describe(e)}${sub && id !== 'other' ? `  [${sub}]` : ''}\n      ${e.context}\n`;
    }
    out += mostFrequent(list);
  }
  return out;
}

/** The strings that come back most often in one kind of error: where the work pays most. */
function mostFrequent(list: EvalError[]): string {
  const counts = new Map<string, number>();
  for (const e of list) {
    const s = e.kind === 'spurious' ? `${e.pred!.type} ${e.pred!.text}` : e.kind === 'type' ? `${e.gold!.type}->${e.pred!.type} ${e.gold!.text}` : `${e.gold!.type} ${e.gold!.text}`;
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const top = [...counts.entries()]
    .filter(([, n]) => n > 1)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, 10);
  if (top.length === 0) return '';
  return `  most frequent: ${top.map(([s, n]) => `${s} (${n})`).join(', ')}\n`;
}

/** The body zoning figures, and what taking the whole text as body would score. */
export function bodyTable(s: BodyScore): string {
  const rows: string[][] = [
    ['body', 'gold', 'pred', 'tp', 'P', 'R', 'F1'],
    ['zoned', String(s.gold), String(s.pred), ...prfCells(s)],
    ['all as body', String(s.gold), String(s.chars), ...prfCells(s.allBody)],
  ];
  return `\nBody zoning (${s.documents} documents with gold body ranges; non-blank characters)\n\n${table(rows, (i) => i > 0)}`;
}

/** The documents whose zoning is not exact, worst first (ties by id). */
export function bodyListing(docs: BodyDoc[]): string {
  const wrong = docs.filter((d) => d.f1 < 1).sort((a, b) => a.f1 - b.f1 || (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : 0));
  if (wrong.length === 0) return '\nEvery document zoned exactly.\n';
  const rows: string[][] = [['document', 'gold', 'pred', 'tp', 'F1']];
  for (const d of wrong) rows.push([d.doc, String(d.gold), String(d.pred), String(d.tp), pct(d.f1)]);
  return `\nDocuments zoned with errors (${wrong.length})\n\n${table(rows, (i) => i > 0)}`;
}
