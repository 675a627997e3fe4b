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

function mark(chalk: ChalkInstance | null, label: Label, s: string): string {
  return chalk ? paint(chalk, label, s) : `[${s}]{${TYPE[label]}}`;
}

export function legend(chalk: ChalkInstance | null): string {
  return `legend: ${ORDER.map((l) => mark(chalk, l, chalk ? TYPE[l] : '…')).join(' ')}\n`;
}

/** The text with mentions marked; overlapping mentions keep the earlier (then longer) one. */
export function highlight(text: string, analysis: Analysis, chalk: ChalkInstance | null): string {
  const spans: Span[] = [
    ...analysis.people.flatMap((g) => g.mentions),
    ...analysis.organizations.flatMap((g) => g.mentions),
    ...analysis.places.flatMap((g) => g.mentions),
    ...analysis.dates.flatMap((g) => g.mentions),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at || s.end > text.length || s.end <= s.start) continue;
    out += text.slice(at, s.start) + mark(chalk, s.label, text.slice(s.start, s.end));
    at = s.end;
  }
  out += text.slice(at);
  return out.endsWith('\n') ? out : `${out}\n`;
}
