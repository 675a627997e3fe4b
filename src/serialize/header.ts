/**
 * Reading our own files back: the header alone (to decide freshness without NLP) or the whole
 * record (for `annotate show`).
 */
import { jsIndexer } from '../core/offsets.js';
import type { Analysis, DateGroup, EntityGroup, EntityLabel, Span } from '../core/types.js';
import { SCHEMA, type AnnotationRecord, type Header } from './record.js';
import { yamlLib } from './yaml-lib.js';

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
  const value: unknown = content.trimStart().startsWith('{') ? JSON.parse(content) : yamlLib().parse(content);
  const r = value as AnnotationRecord;
  if (!r || typeof r !== 'object' || r.schema !== SCHEMA) throw new Error(`schema is not ${SCHEMA}`);
  for (const key of ['people', 'organizations', 'places', 'dates'] as const) {
    if (!Array.isArray(r[key])) throw new Error(`${key} is not a list`);
  }
  return r;
}

/** Turns a record back into an Analysis over `text` (code points -> JS indices). */
export function recordToAnalysis(record: AnnotationRecord, text: string): Analysis {
  const js = jsIndexer(text);
  const spans = (mentions: { start: number; end: number }[], label: Span['label'], value?: string): Span[] =>
    mentions.map((m) => {
      const start = js(m.start);
      const end = js(m.end);
      const span: Span = { start, end, label, text: text.slice(start, end) };
      if (value !== undefined) span.value = value;
      return span;
    });
  const entities = (groups: AnnotationRecord['people'], label: EntityLabel): EntityGroup[] =>
    groups.map((g) => ({ name: g.name, mentions: spans(g.mentions, label) }));
  const dates: DateGroup[] = record.dates.map((g) => ({ value: g.value, mentions: spans(g.mentions, 'DATE', g.value) }));
  return {
    title: record.document?.title ?? null,
    published: record.document?.published ?? null,
    publishedFrom: record.document?.published_from ?? null,
    people: entities(record.people, 'PER'),
    organizations: entities(record.organizations, 'ORG'),
    places: entities(record.places, 'LOC'),
    dates,
  };
}
