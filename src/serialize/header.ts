/**
 * Reading our own files back: the header alone (to decide freshness without NLP) or the whole
 * record (for `annotate show`).
 */
import { jsIndexer } from '../core/offsets.js';
import type { Analysis, DateGroup, EntityGroup, EntityLabel, Span, TextRange } from '../core/types.js';
import { SCHEMA, type AnnotationRecord, type FurnitureRecord, type Header } from './record.js';
import { yamlLib } from './yaml-lib.js';
import { readOwnYaml } from './read-yaml.js';

/** How many bytes of an annotation hold its header (title lines can be long, so be generous). */
export const HEADER_BYTES = 4096;

export type HeaderState =
  | { kind: 'ours'; schema: string; header: Partial<Header> }
  /** The file does not carry a `schema: annotate/...` key: never overwrite it. */
  | { kind: 'foreign' };

const YAML_KEY = /^(schema|source|checksum|generator):[ \t]*(.*)$/;
// Members of the top-level object as toJson indents them: two spaces, one per line.
const JSON_KEY = /^  "(schema|source|checksum|generator)": ("(?:[^"\\]|\\.)*"),?$/;
/** The schema values annotate writes. */
const OUR_SCHEMA = /^annotate\/[1-9][0-9]*$/;

/**
 * Reads the header keys from the start of an annotation file (YAML or JSON). A file is ours only
 * when it begins as annotate writes it: `schema: annotate/N` as its first line (YAML), or as the
 * first member of the top-level object (JSON), with the other header keys right after. A line
 * that merely looks like one further down (a note quoting it, a nested "schema" in someone's
 * JSON) does not make a file ours, so it is never overwritten.
 */
export function readHeader(head: string): HeaderState {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  const found: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  if (!text.startsWith('{')) {
    for (const line of lines) {
      const m = YAML_KEY.exec(line);
      if (!m || (found['schema'] === undefined && m[1] !== 'schema')) break;
      // Fast path for the plain scalars we write (yaml.parse per line was a seventh of a re-run).
      if (/^[^\s'"&*!|>%@`{[#,?:-][^#]*$/.test(m[2]!) && !/\s$/.test(m[2]!)) {
        found[m[1]!] = m[2]!;
        continue;
      }
      try {
        const value: unknown = yamlLib().parse(`${m[1]}: ${m[2]}`)?.[m[1]!];
        if (typeof value === 'string') found[m[1]!] = value;
      } catch {
        // a line cut by the HEADER_BYTES limit: ignore
      }
    }
  } else if (lines[0]?.trimEnd() === '{') {
    for (const line of lines.slice(1)) {
      const m = JSON_KEY.exec(line);
      if (!m || (found['schema'] === undefined && m[1] !== 'schema')) break;
      try {
        found[m[1]!] = JSON.parse(m[2]!) as string;
      } catch {
        break;
      }
    }
  }
  const schema = found['schema'];
  if (!schema || !OUR_SCHEMA.test(schema)) return { kind: 'foreign' };
  return {
    kind: 'ours',
    schema,
    header: { source: found['source'], checksum: found['checksum'], generator: found['generator'] },
  };
}

/** True when the header says the file was made from these bytes, by this generator, for this source path. */
export function isFresh(state: HeaderState, expected: Header): boolean {
  return (
    state.kind === 'ours' &&
    state.schema === SCHEMA &&
    state.header.checksum === expected.checksum &&
    state.header.generator === expected.generator &&
    state.header.source === expected.source
  );
}

/** Parses a whole annotation file (YAML or JSON) into a record; throws a short Error if it is not one. */
export function parseRecord(content: string): AnnotationRecord {
  // Our own layout is read directly (read-yaml.ts); anything else goes to the yaml library.
  const value: unknown = content.trimStart().startsWith('{') ? JSON.parse(content) : (readOwnYaml(content) ?? yamlLib().parse(content));
  const r = value as AnnotationRecord;
  if (!r || typeof r !== 'object' || r.schema !== SCHEMA) throw new Error(`schema is not ${SCHEMA}`);
  for (const key of ['people', 'organizations', 'places', 'dates'] as const) {
    if (!Array.isArray(r[key])) throw new Error(`${key} is not a list`);
  }
  return r;
}

/**
 * Turns a record back into an Analysis over `text` (code points -> JS indices). The file may have
 * been edited by hand or damaged, its header still fresh: every group and mention is checked (a
 * list, whole offsets in order and inside the text, `text` equal to that slice) and the first
 * that is not right throws a short Error naming it.
 */
export function recordToAnalysis(record: AnnotationRecord, text: string): Analysis {
  const js = jsIndexer(text);
  const length = [...text].length;
  const spans = (key: string, name: string, mentions: unknown, label: Span['label'], value?: string): Span[] => {
    if (!Array.isArray(mentions)) throw new Error(`the mentions of ${key} "${name}" are not a list`);
    return mentions.map((m: unknown) => {
      const { start: s, end: e, text: t } = (m ?? {}) as Partial<Record<'start' | 'end' | 'text', unknown>>;
      if (!Number.isInteger(s) || !Number.isInteger(e) || (s as number) < 0 || (s as number) > (e as number) || (e as number) > length) {
        throw new Error(`a mention of ${key} "${name}" has offsets ${JSON.stringify(s)}..${JSON.stringify(e)}, outside the text's ${length} code points`);
      }
      const start = js(s as number);
      const end = js(e as number);
      if (t !== text.slice(start, end)) throw new Error(`a mention of ${key} "${name}" at ${String(s)}..${String(e)} does not match the text there`);
      const span: Span = { start, end, label, text: text.slice(start, end) };
      if (value !== undefined) span.value = value;
      return span;
    });
  };
  const group = (key: string, g: unknown, field: 'name' | 'value'): { label: string; mentions: unknown; by: 'config' | undefined } => {
    const label = (g as Record<string, unknown> | null)?.[field];
    if (typeof label !== 'string') throw new Error(`an entry of ${key} has no ${field}`);
    const by = (g as { by?: unknown }).by;
    if (by !== undefined && by !== 'config') throw new Error(`${key} "${label}" has by: ${JSON.stringify(by)}, not config`);
    return { label, mentions: (g as { mentions?: unknown }).mentions, by };
  };
  const entities = (key: string, groups: AnnotationRecord['people'], label: EntityLabel): EntityGroup[] =>
    groups.map((g) => {
      const { label: name, mentions, by } = group(key, g, 'name');
      const out: EntityGroup = { name, mentions: spans(key, name, mentions, label) };
      if (by) out.by = by;
      return out;
    });
  const dateGroups = (list: AnnotationRecord['dates']): DateGroup[] =>
    list.map((g) => {
    const { label: value, mentions, by } = group('dates', g, 'value');
    const out: DateGroup = { value, mentions: spans('dates', value, mentions, 'DATE', value) };
    if (by) out.by = by;
    return out;
  });
  // The furniture's mentions join the body's: an Analysis holds every mention, and its body says which are the article's.
  const f = record.furniture;
  if (f !== undefined && (f === null || typeof f !== 'object')) throw new Error('furniture is not a map of the four lists');
  const extra = <K extends keyof FurnitureRecord>(key: K): FurnitureRecord[K] => {
    if (f === undefined) return [];
    if (!Array.isArray(f[key])) throw new Error(`furniture.${key} is not a list`);
    return f[key];
  };
  return {
    title: record.document?.title ?? null,
    published: record.document?.published ?? null,
    publishedFrom: record.document?.published_from ?? null,
    body: bodyRanges(record.document?.body, text, js, length),
    people: entities('people', [...record.people, ...extra('people')], 'PER'),
    organizations: entities('organizations', [...record.organizations, ...extra('organizations')], 'ORG'),
    places: entities('places', [...record.places, ...extra('places')], 'LOC'),
    dates: dateGroups([...record.dates, ...extra('dates')]),
  };
}

/** document.body as JS ranges, checked; a file of annotate 0.1 has none: all of it is body. */
function bodyRanges(body: unknown, text: string, js: (cp: number) => number, length: number): TextRange[] {
  if (body === undefined) return text.length === 0 ? [] : [{ start: 0, end: text.length }];
  if (!Array.isArray(body)) throw new Error('document.body is not a list');
  let last = 0;
  return body.map((r: unknown) => {
    const { start: s, end: e } = (r ?? {}) as Partial<Record<'start' | 'end', unknown>>;
    if (!Number.isInteger(s) || !Number.isInteger(e) || (s as number) < last || (s as number) > (e as number) || (e as number) > length) {
      throw new Error(`document.body has a range ${JSON.stringify(s)}..${JSON.stringify(e)} out of order or outside the text's ${length} code points`);
    }
    last = e as number;
    return { start: js(s as number), end: js(e as number) };
  });
}
