/**
 * Reading annotation files back as a user's script would: parse the YAML, check it is a complete
 * `annotate/1` document for its source, and that every mention's offsets (Unicode code points of
 * the BOM-less text) slice exactly its `text`.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

export interface Mention { start: number; end: number; text: string }
export interface Group { name?: string; value?: string; mentions: Mention[] }
export interface Annotation {
  schema: string;
  source: string;
  checksum: string;
  generator: string;
  document: { title?: string | null; published?: string | null };
  people: Group[];
  organizations: Group[];
  places: Group[];
  dates: Group[];
}

export const LISTS = ['people', 'organizations', 'places', 'dates'] as const;

export function loadAnnotation(yamlPath: string): Annotation {
  const text = fs.readFileSync(yamlPath, 'utf8');
  const doc: unknown = parse(text);
  assert.ok(doc && typeof doc === 'object', `${yamlPath}: not a YAML mapping`);
  return doc as Annotation;
}

/** The text offsets count: UTF-8 decoded, a leading BOM dropped. */
export function sourceText(bytes: Buffer): string {
  const t = bytes.toString('utf8');
  return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
}

/**
 * A complete annotation of `sourcePath`: header, checksum of the source bytes, all four lists,
 * and offsets that slice the source exactly (in code points).
 */
export function assertCompleteAnnotation(yamlPath: string, sourcePath: string): Annotation {
  const ann = loadAnnotation(yamlPath);
  const bytes = fs.readFileSync(sourcePath);
  assert.equal(ann.schema, 'annotate/1', `${yamlPath}: schema`);
  assert.equal(typeof ann.generator, 'string', `${yamlPath}: generator`);
  assert.equal(ann.checksum, `sha256:${createHash('sha256').update(bytes).digest('hex')}`, `${yamlPath}: checksum`);
  assert.equal(
    path.resolve(path.dirname(yamlPath), ann.source),
    path.resolve(sourcePath),
    `${yamlPath}: source should point at ${sourcePath}`,
  );
  assert.ok(ann.document && typeof ann.document === 'object', `${yamlPath}: document`);
  for (const k of LISTS) assert.ok(Array.isArray(ann[k]), `${yamlPath}: ${k} should be a list`);
  assertOffsetsSlice(ann, sourceText(bytes), yamlPath);
  return ann;
}

/** Every mention's [start, end) in code points is exactly its text; mentions ordered by position. */
export function assertOffsetsSlice(ann: Annotation, text: string, what: string): number {
  const cps = [...text];
  let n = 0;
  for (const k of LISTS) {
    for (const g of ann[k]) {
      let prev = -1;
      for (const m of g.mentions) {
        assert.ok(Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end > m.start && m.end <= cps.length,
          `${what}: ${k} mention ${JSON.stringify(m)} out of range (${cps.length} code points)`);
        assert.equal(cps.slice(m.start, m.end).join(''), m.text, `${what}: ${k} mention ${JSON.stringify(m)} does not slice its text`);
        assert.ok(m.start >= prev, `${what}: ${k} mentions not ordered by position`);
        prev = m.start;
        n += 1;
      }
    }
  }
  return n;
}

/** name/value -> mention texts, to compare what two runs found regardless of offsets. */
export function contentOf(ann: Annotation): Record<string, string[][]> {
  const out: Record<string, string[][]> = {};
  for (const k of LISTS) out[k] = ann[k].map((g) => [g.name ?? g.value ?? '', ...g.mentions.map((m) => m.text)]);
  return out;
}
