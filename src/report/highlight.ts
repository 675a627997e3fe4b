/** `annotate show`: the text with each mention marked, in colour or as [text]{type}. */
import type { ChalkInstance } from 'chalk';
import type { Analysis, Label, Span, TextRange } from '../core/types.js';

const TYPE: Record<Label, string> = { PER: 'person', ORG: 'organization', LOC: 'place', DATE: 'date' };
const ORDER: Label[] = ['PER', 'ORG', 'LOC', 'DATE'];

/** Bold in the article; dim in furniture (bold and dim share one reset, so never both). */
function paint(chalk: ChalkInstance, label: Label, s: string, furniture: boolean): string {
  const weight = furniture ? chalk.dim : chalk.bold;
  switch (label) {
    case 'PER':
      return weight.cyan(s);
    case 'ORG':
      return weight.magenta(s);
    case 'LOC':
      return weight.green(s);
    case 'DATE':
      return weight.yellow(s);
  }
}

/**
 * A mention; one the project's config made is underlined, or marked `{type, config}`; one in
 * page furniture is dimmed, or marked `{type, furniture}`.
 */
function mark(chalk: ChalkInstance | null, label: Label, s: string, byConfig = false, furniture = false): string {
  if (!chalk) return `[${s}]{${TYPE[label]}${byConfig ? ', config' : ''}${furniture ? ', furniture' : ''}}`;
  const painted = paint(chalk, label, s, furniture);
  return byConfig ? chalk.underline(painted) : painted;
}

export function legend(chalk: ChalkInstance | null): string {
  const kinds = ORDER.map((l) => mark(chalk, l, chalk ? TYPE[l] : '…')).join(' ');
  const config = chalk ? mark(chalk, 'ORG', 'from the config', true) : '{…, config}: from the config';
  // Furniture: text that is on the page but not the article (nlp/zoning.ts).
  const furniture = chalk ? chalk.dim('page furniture, not the article') : '{…, furniture}: page furniture, not the article';
  return `legend: ${kinds} ${config}; ${furniture}\n`;
}

/**
 * The body's ranges, read from left to right as the text is printed: positions only grow, so
 * the ranges behind are never looked at again (a page may have thousands of each).
 */
class BodyCursor {
  private i = 0;
  constructor(private readonly body: readonly TextRange[]) {}

  /** The ranges that end after `pos`, in order. */
  *from(pos: number): Generator<TextRange> {
    while (this.i < this.body.length && this.body[this.i]!.end <= pos) this.i++;
    for (let j = this.i; j < this.body.length; j++) yield this.body[j]!;
  }

  inside(s: Span): boolean {
    for (const r of this.from(s.start)) return s.start >= r.start && s.end <= r.end;
    return false;
  }
}

/** Text between mentions, its furniture dimmed. */
function plain(text: string, from: number, to: number, body: BodyCursor, chalk: ChalkInstance | null): string {
  if (!chalk || from >= to) return text.slice(from, to);
  let out = '';
  let at = from;
  for (const r of body.from(from)) {
    if (r.start >= to) break;
    if (r.start > at) out += dimLines(chalk, text.slice(at, r.start));
    const end = Math.min(r.end, to);
    out += text.slice(Math.max(r.start, at), end);
    at = end;
  }
  if (at < to) out += dimLines(chalk, text.slice(at, to));
  return out;
}

/** Dimmed line by line, so a pager that shows one line at a time keeps the style. */
function dimLines(chalk: ChalkInstance, s: string): string {
  return s
    .split('\n')
    .map((line) => (line === '' ? '' : chalk.dim(line)))
    .join('\n');
}

/** The text with mentions marked; overlapping mentions keep the earlier (then longer) one. */
export function highlight(text: string, analysis: Analysis, chalk: ChalkInstance | null): string {
  const byConfig = new Set<Span>();
  const of = (groups: { mentions: Span[]; by?: 'config' }[]): Span[] =>
    groups.flatMap((g) => {
      if (g.by === 'config') for (const m of g.mentions) byConfig.add(m);
      return g.mentions;
    });
  const spans: Span[] = [...of(analysis.people), ...of(analysis.organizations), ...of(analysis.places), ...of(analysis.dates)].sort(
    (a, b) => a.start - b.start || b.end - a.end,
  );
  const body = new BodyCursor(analysis.body);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at || s.end > text.length || s.end <= s.start) continue;
    out += plain(text, at, s.start, body, chalk) + mark(chalk, s.label, text.slice(s.start, s.end), byConfig.has(s), !body.inside(s));
    at = s.end;
  }
  out += plain(text, at, text.length, body, chalk);
  return out.endsWith('\n') ? out : `${out}\n`;
}
