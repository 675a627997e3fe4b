/** `annotate show`: the text with each mention marked, in colour or as [text]{type}. */
import type { ChalkInstance } from 'chalk';
import type { Analysis, Label, Span } from '../core/types.js';

const TYPE: Record<Label, string> = { PER: 'person', ORG: 'organization', LOC: 'place', DATE: 'date' };
const ORDER: Label[] = ['PER', 'ORG', 'LOC', 'DATE'];

function paint(chalk: ChalkInstance, label: Label, s: string): string {
  switch (label) {
    case 'PER':
      return chalk.bold.cyan(s);
    case 'ORG':
      return chalk.bold.magenta(s);
    case 'LOC':
      return chalk.bold.green(s);
    case 'DATE':
      return chalk.bold.yellow(s);
  }
}

/** A mention; one the project's config made is underlined, or marked `{type, config}`. */
function mark(chalk: ChalkInstance | null, label: Label, s: string, byConfig = false): string {
  if (!chalk) return `[${s}]{${TYPE[label]}${byConfig ? ', config' : ''}}`;
  return byConfig ? chalk.underline(paint(chalk, label, s)) : paint(chalk, label, s);
}

export function legend(chalk: ChalkInstance | null): string {
  const kinds = ORDER.map((l) => mark(chalk, l, chalk ? TYPE[l] : '…')).join(' ');
  return `legend: ${kinds} ${chalk ? mark(chalk, 'ORG', 'from the config', true) : '{…, config}: from the config'}\n`;
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
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at || s.end > text.length || s.end <= s.start) continue;
    out += text.slice(at, s.start) + mark(chalk, s.label, text.slice(s.start, s.end), byConfig.has(s));
    at = s.end;
  }
  out += text.slice(at);
  return out.endsWith('\n') ? out : `${out}\n`;
}
