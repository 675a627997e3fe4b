/**
 * Reads a reference annotation (schema annotate/1, ../shared/SPEC.md) back into spans over the
 * source text: offsets in the file count Unicode code points, spans here use JS string indices
 * like the rest of the engine.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { codePointIndexer, jsIndexer } from '../core/offsets.js';
import type { GoldSpan } from './types.js';

export interface AnnotationFile {
  /** Absolute path of the source text. */
  sourcePath: string;
  /** The source text, without a leading BOM. */
  text: string;
  published: string | null;
  /** Every mention (PER/ORG/LOC/DATE), in JS string indices, sorted by position. */
  spans: GoldSpan[];
  /** Mismatches between a mention and the source, malformed entries: empty when the file is sound. */
  problems: string[];
}

const LISTS: Array<[key: string, type: string]> = [
  ['people', 'PER'],
  ['organizations', 'ORG'],
  ['places', 'LOC'],
  ['dates', 'DATE'],
];

export async function readAnnotationFile(yamlPath: string): Promise<AnnotationFile> {
  const problems: string[] = [];
  const doc = parse(await readFile(yamlPath, 'utf8')) as Record<string, unknown> | null;
  if (!doc || typeof doc !== 'object') throw new Error(`${yamlPath}: not a YAML mapping`);
  if (typeof doc['schema'] !== 'string' || !doc['schema'].startsWith('annotate/')) {
    throw new Error(`${yamlPath}: no "schema: annotate/..." key; not an annotation file`);
  }
  if (typeof doc['source'] !== 'string') throw new Error(`${yamlPath}: no "source" key`);
  const sourcePath = resolve(dirname(yamlPath), doc['source']);
  let text = await readFile(sourcePath, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const toJs = jsIndexer(text);
  const toCp = codePointIndexer(text);
  const cpLength = toCp(text.length);
  const document = (doc['document'] ?? {}) as Record<string, unknown>;
  const published = document['published'] == null ? null : String(document['published']);

  const spans: GoldSpan[] = [];
  for (const [key, type] of LISTS) {
    const list = doc[key];
    if (list == null) { problems.push(`missing list "${key}"`); continue; }
    if (!Array.isArray(list)) { problems.push(`"${key}" is not a list`); continue; }
    for (const group of list as Array<Record<string, unknown>>) {
      const label = type === 'DATE' ? String(group['value']) : String(group['name']);
      const mentions = group['mentions'];
      if (!Array.isArray(mentions) || mentions.length === 0) {
        problems.push(`${key} "${label}": no mentions`);
        continue;
      }
      for (const m of mentions as Array<Record<string, unknown>>) {
        const s = m['start'];
        const e = m['end'];
        const t = m['text'] == null ? '' : String(m['text']);
        if (typeof s !== 'number' || typeof e !== 'number' || !Number.isInteger(s) || !Number.isInteger(e) || s < 0 || e <= s || e > cpLength) {
          problems.push(`${key} "${label}": bad offsets ${String(s)}-${String(e)} for "${t}"`);
          continue;
        }
        const start = toJs(s);
        const end = toJs(e);
        const slice = text.slice(start, end);
        if (slice !== t) {
          problems.push(`${key} "${label}": mention ${s}-${e} is "${slice}" in the source, not "${t}"`);
          continue;
        }
        const span: GoldSpan = { start, end, type, text: slice };
        if (type === 'DATE') span.value = String(group['value']);
        spans.push(span);
      }
    }
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) {
    const a = spans[i - 1]!;
    const b = spans[i]!;
    if (b.start < a.end) problems.push(`overlapping mentions "${a.text}" (${a.type}) and "${b.text}" (${b.type}) at ${toCp(b.start)}`);
  }
  return { sourcePath, text, published, spans, problems };
}
