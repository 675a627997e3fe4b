/**
 * The annotate/1 record: the one object every format carries (yaml, json, jsonl). Offsets are
 * converted from JS string indices to Unicode code points here, at write time.
 */
import type { Analysis, DateGroup, EntityGroup, PublishedFrom, Span } from '../core/types.js';
import { codePointIndexer } from '../core/offsets.js';

export const SCHEMA = 'annotate/1';

export interface MentionRecord {
  start: number;
  end: number;
  text: string;
}

export interface AnnotationRecord {
  schema: string;
  source: string;
  checksum: string;
  generator: string;
  /** serialize/digest.ts: set when the record is rendered, absent in files of annotate 0.1. */
  digest?: string;
  document: { title: string | null; published: string | null; published_from: PublishedFrom | null };
  people: EntityRecord[];
  organizations: EntityRecord[];
  places: EntityRecord[];
  dates: DateRecord[];
}

/** `by: config` marks an entity the project's config made or retyped (absent: the engine's). */
export type Origin = 'config';

export interface EntityRecord {
  name: string;
  by?: Origin;
  mentions: MentionRecord[];
}

export interface DateRecord {
  value: string;
  by?: Origin;
  mentions: MentionRecord[];
}

export interface Header {
  source: string;
  checksum: string;
  generator: string;
}

const byPosition = (a: Span, b: Span) => a.start - b.start || a.end - b.end;

export function toRecord(text: string, analysis: Analysis, header: Header): AnnotationRecord {
  const cp = codePointIndexer(text);
  const mentions = (spans: Span[]): MentionRecord[] =>
    [...spans].sort(byPosition).map((s) => ({ start: cp(s.start), end: cp(s.end), text: s.text }));
  // Entities by first mention (ties by name, so the order never depends on the engine's).
  const order = <G extends { mentions: MentionRecord[] }>(groups: G[], key: (g: G) => string): G[] =>
    groups
      .filter((g) => g.mentions.length > 0)
      .sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start || a.mentions[0]!.end - b.mentions[0]!.end || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  // Keys in the order they are written: the name, where it came from, its mentions.
  const entities = (groups: EntityGroup[]) =>
    order(groups.map((g): EntityRecord => (g.by ? { name: g.name, by: g.by, mentions: mentions(g.mentions) } : { name: g.name, mentions: mentions(g.mentions) })), (g) => g.name);
  const dates = (groups: DateGroup[]) =>
    order(groups.map((g): DateRecord => (g.by ? { value: g.value, by: g.by, mentions: mentions(g.mentions) } : { value: g.value, mentions: mentions(g.mentions) })), (g) => g.value);
  return {
    schema: SCHEMA,
    source: header.source,
    checksum: header.checksum,
    generator: header.generator,
    document: {
      title: analysis.title,
      published: analysis.published,
      published_from: analysis.publishedFrom,
    },
    people: entities(analysis.people),
    organizations: entities(analysis.organizations),
    places: entities(analysis.places),
    dates: dates(analysis.dates),
  };
}

/** Counts of entities by type, for the summary. */
export function countEntities(record: AnnotationRecord): [number, number, number, number] {
  return [record.people.length, record.organizations.length, record.places.length, record.dates.length];
}
