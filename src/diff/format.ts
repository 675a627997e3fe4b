/** `annotate diff` output: lines for a reader, or one JSON object for scripts. */
import type { Change, FormChange } from './compare.js';
import type { DiffResult, FileDiff } from './files.js';
import { kindLabel, mentionsText, quoted, type Item } from './view.js';

const mentions = (n: number) => `${n} mention${n === 1 ? '' : 's'}`;
const counts = ([a, b]: [number, number]) => (a === b ? mentions(a) : `${a} -> ${mentions(b)}`);
const forms = (fs: FormChange[]) => (fs.length === 0 ? '' : ` (${fs.map(([f, d]) => `${d > 0 ? '+' : '-'}${Math.abs(d) > 1 ? `${Math.abs(d)} ` : ''}${quoted(f)}`).join(', ')})`);
const value = (v: string | null) => (v === null ? 'none' : quoted(v));

/** One line per change, `+` added, `-` removed, `~` changed. */
export function changeLine(c: Change): string {
  switch (c.change) {
    case 'document':
      return `~ ${c.field}: ${value(c.from)} -> ${value(c.to)}`;
    case 'added':
    case 'removed':
      return `${c.change === 'added' ? '+' : '-'} ${kindLabel(c)} ${quoted(c.key)} (${mentionsText({ kind: c.kind, key: c.key, mentions: c.mentions, forms: c.forms, ...(c.byConfig ? { byConfig: true } : {}) })})`;
    case 'type':
      return `~ ${quoted(c.key)}: ${kindLabel({ kind: c.from, ...(c.furniture ? { furniture: true as const } : {}) })} -> ${c.to} (${counts(c.mentions)}${c.byConfig ? ', by config' : ''})`;
    case 'origin':
      return `~ ${kindLabel(c)} ${quoted(c.key)}: ${c.to === 'config' ? 'now by config' : 'no longer by config'}`;
    case 'renamed':
      return `~ ${kindLabel(c)} ${quoted(c.from)} -> ${quoted(c.to)} (${counts(c.mentions)})${forms(c.forms)}`;
    case 'mentions':
      return `~ ${kindLabel(c)} ${quoted(c.key)}: ${counts(c.mentions)}${forms(c.forms)}`;
  }
}

function itemLine(sign: '+' | '-', it: Item): string {
  return `  ${sign} ${kindLabel(it)} ${quoted(it.key)} (${mentionsText(it)})`;
}

/** The text report: a heading per file (its path below A and B, or A -> B for two files). */
export function formatText(result: DiffResult, heading: (f: FileDiff) => string): string {
  let out = '';
  for (const f of result.files) {
    if (f.status === 'changed') {
      out += `${heading(f)}\n${f.changes.map((c) => `  ${changeLine(c)}\n`).join('')}`;
    } else {
      const sign = f.status === 'added' ? '+' : '-';
      out += `${heading(f)}: only in ${f.status === 'added' ? 'B' : 'A'}\n${f.items.map((it) => `${itemLine(sign, it)}\n`).join('')}`;
    }
  }
  return out;
}

/** The one-line summary, for stderr. */
export function summaryText(result: DiffResult): string {
  const n = (k: FileDiff['status']) => result.files.filter((f) => f.status === k).length;
  const changed = n('changed');
  const total = changed + result.same;
  const parts = [`${changed} of ${total} annotation${total === 1 ? '' : 's'} changed`];
  if (n('removed')) parts.push(`${n('removed')} only in A`);
  if (n('added')) parts.push(`${n('added')} only in B`);
  if (result.errors.length) parts.push(`${result.errors.length} could not be read`);
  return `annotate diff: ${parts.join(', ')}`;
}

/** --format json: the same facts, each change an object (see compare.ts for the shapes). */
export function formatJson(result: DiffResult): string {
  const n = (k: FileDiff['status']) => result.files.filter((f) => f.status === k).length;
  return `${JSON.stringify(
    {
      changed: n('changed'),
      same: result.same,
      only_in_a: n('removed'),
      only_in_b: n('added'),
      files: result.files.map((f) => (f.status === 'changed' ? f : { path: f.path, status: f.status, items: f.items })),
      errors: result.errors,
    },
    null,
    2,
  )}\n`;
}
