/**
 * Gold sets the eval reads, one document at a time:
 * - shared: `<dir>/docs/<id>.txt` + `<dir>/gold.jsonl` ({id, dct, entities: [{start, end, type, text, value?}]})
 * - yaml: a folder of annotate/1 files (`annotations/*.yaml`), each pointing at its source text
 * - examples: date-examples style jsonl ({id, dct, text, dates: [{text, value}]})
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { readAnnotationFile } from './annotation-file.js';
import type { EvalDoc, GoldFormat, GoldSpan } from './types.js';

export interface GoldSource {
  format: GoldFormat;
  /** What to print as the set's name. */
  label: string;
  docs(filter: DocFilter): AsyncGenerator<EvalDoc>;
}

export interface DocFilter {
  /** Keep documents whose id starts with this. */
  idsPrefix: string | null;
  /** Keep documents of this split: ids `dev-...` or `<set>-dev-...` (btc, wnut17). */
  split?: string | null;
  /** Keep every n-th document of the set (in file order, 0-based position % n === k). */
  every?: { n: number; k: number } | null;
  /** Stop after this many documents (after the prefix filter). */
  limit: number | null;
}

export class GoldError extends Error {}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Works out which format `path` holds. */
export async function openGold(path: string): Promise<GoldSource> {
  let st;
  try {
    st = await stat(path);
  } catch {
    throw new GoldError(`${path}: no such file or folder`);
  }
  if (st.isFile()) {
    if (!path.endsWith('.jsonl')) throw new GoldError(`${path}: expected a folder, a gold.jsonl or a date-examples .jsonl file`);
    const first = await firstJsonLine(path);
    if (first && typeof first['text'] === 'string' && Array.isArray(first['dates'])) return examplesSource(path);
    if (first && Array.isArray(first['entities'])) return sharedSource(dirname(path), path);
    throw new GoldError(`${path}: not a gold.jsonl nor a date-examples file`);
  }
  const names = (await readdir(path)).sort(byCodeUnits);
  if (names.includes('gold.jsonl')) return sharedSource(path, join(path, 'gold.jsonl'));
  const yamls = names.filter((n) => n.endsWith('.yaml') || n.endsWith('.yml'));
  if (yamls.length > 0) return yamlSource(path, yamls);
  for (const n of names.filter((x) => x.endsWith('.jsonl'))) {
    const first = await firstJsonLine(join(path, n));
    if (first && typeof first['text'] === 'string' && Array.isArray(first['dates'])) return examplesSource(join(path, n));
  }
  throw new GoldError(`${path}: no gold.jsonl, *.yaml annotations or date-examples .jsonl in this folder`);
}

async function firstJsonLine(file: string): Promise<Record<string, unknown> | null> {
  for await (const line of lines(file)) {
    if (line.trim().length === 0) continue;
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      return null;
    }
  }
  return null;
}

async function* lines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file, { encoding: 'utf8' });
  const rl = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of rl) yield line;
  } finally {
    // Also when the caller stops early (--limit, format sniffing): release the file.
    rl.close();
    input.destroy();
  }
}

function accept(id: string, filter: DocFilter, taken: number, position: number): 'yes' | 'skip' | 'stop' {
  if (filter.limit !== null && taken >= filter.limit) return 'stop';
  if (filter.every && position % filter.every.n !== filter.every.k) return 'skip';
  if (filter.idsPrefix !== null && !id.startsWith(filter.idsPrefix)) return 'skip';
  if (filter.split && !id.startsWith(`${filter.split}-`) && !id.includes(`-${filter.split}-`)) return 'skip';
  return 'yes';
}

/**
 * The records of a JSON-lines gold file that the filter accepts, with their line numbers.
 * Blank lines are skipped; a line that is not JSON, or has no string `id`, is a GoldError.
 */
async function* acceptedRecords<T extends { id: string }>(file: string, filter: DocFilter, shape: string): AsyncGenerator<{ rec: T; lineNo: number }> {
  let taken = 0;
  let lineNo = 0;
  let position = -1;
  for await (const line of lines(file)) {
    lineNo++;
    if (line.trim().length === 0) continue;
    position++;
    let rec: T;
    try {
      rec = JSON.parse(line) as T;
    } catch {
      throw new GoldError(`${file}:${lineNo}: invalid JSON`);
    }
    if (typeof rec?.id !== 'string') throw new GoldError(`${file}:${lineNo}: expected ${shape}`);
    const verdict = accept(rec.id, filter, taken, position);
    if (verdict === 'stop') return;
    if (verdict === 'skip') continue;
    taken++;
    yield { rec, lineNo };
  }
}

function sharedSource(dir: string, goldFile: string): GoldSource {
  return {
    format: 'shared',
    label: dir,
    async *docs(filter) {
      type Rec = { id: string; dct?: unknown; entities?: unknown; body?: unknown };
      for await (const { rec, lineNo } of acceptedRecords<Rec>(goldFile, filter, '{id, entities}')) {
        if (!Array.isArray(rec.entities)) throw new GoldError(`${goldFile}:${lineNo}: expected {id, entities}`);
        const docPath = join(dir, 'docs', `${rec.id}.txt`);
        let text: string;
        try {
          text = await readFile(docPath, 'utf8');
        } catch {
          throw new GoldError(`${docPath}: cannot read the document of gold id ${rec.id}`);
        }
        const gold: GoldSpan[] = [];
        for (const e of rec.entities as Array<Record<string, unknown>>) {
          const start = Number(e['start']);
          const end = Number(e['end']);
          const span: GoldSpan = { start, end, type: String(e['type']), text: text.slice(start, end) };
          if (typeof e['text'] === 'string' && e['text'] !== span.text) {
            throw new GoldError(`${goldFile}:${lineNo}: entity ${start}-${end} is "${span.text}" in ${rec.id}.txt, not "${e['text']}"`);
          }
          if (e['value'] != null) span.value = String(e['value']);
          gold.push(span);
        }
        gold.sort((a, b) => a.start - b.start || a.end - b.end);
        const doc: EvalDoc = { id: rec.id, text, dct: typeof rec.dct === 'string' ? rec.dct : null, fileName: `${rec.id}.txt`, gold };
        if (rec.body !== undefined) doc.body = bodyRanges(rec.body, text.length, `${goldFile}:${lineNo}`);
        yield doc;
      }
    },
  };
}

function yamlSource(dir: string, files: string[]): GoldSource {
  return {
    format: 'yaml',
    label: dir,
    async *docs(filter) {
      let taken = 0;
      for (const [position, name] of files.entries()) {
        const id = name.replace(/\.ya?ml$/, '');
        const verdict = accept(id, filter, taken, position);
        if (verdict === 'stop') return;
        if (verdict === 'skip') continue;
        const file = join(dir, name);
        let ann;
        try {
          ann = await readAnnotationFile(file);
        } catch (err) {
          throw new GoldError(err instanceof Error ? err.message : String(err));
        }
        if (ann.problems.length > 0) throw new GoldError(`${file}: ${ann.problems[0]}${ann.problems.length > 1 ? ` (and ${ann.problems.length - 1} more)` : ''}`);
        taken++;
        yield { id, text: ann.text, dct: ann.published, fileName: basename(ann.sourcePath), gold: ann.spans };
      }
    },
  };
}

function examplesSource(file: string): GoldSource {
  return {
    format: 'examples',
    label: file,
    async *docs(filter) {
      type Rec = { id: string; dct: string | null; text: string; dates: Array<{ text: string; value: string }> };
      for await (const { rec, lineNo } of acceptedRecords<Rec>(file, filter, '{id, text, dates}')) {
        const gold: GoldSpan[] = [];
        for (const d of rec.dates) {
          const start = rec.text.indexOf(d.text);
          if (start < 0) throw new GoldError(`${file}:${lineNo}: "${d.text}" does not occur in the text of ${rec.id}`);
          gold.push({ start, end: start + d.text.length, type: 'DATE', text: d.text, value: d.value });
        }
        gold.sort((a, b) => a.start - b.start || a.end - b.end);
        yield { id: rec.id, text: rec.text, dct: rec.dct ?? null, gold };
      }
    },
  };
}

/** gold.jsonl `body`: [[start, end], ...], sorted, disjoint and inside the text. */
function bodyRanges(value: unknown, length: number, where: string): { start: number; end: number }[] {
  if (!Array.isArray(value)) throw new GoldError(`${where}: body is not a list of [start, end] pairs`);
  let last = 0;
  return value.map((pair: unknown) => {
    const [start, end] = Array.isArray(pair) ? (pair as unknown[]) : [];
    if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < last || (end as number) < (start as number) || (end as number) > length) {
      throw new GoldError(`${where}: body range ${JSON.stringify(pair)} is not a [start, end] pair in order inside the text (${length} characters)`);
    }
    last = end as number;
    return { start: start as number, end: end as number };
  });
}
