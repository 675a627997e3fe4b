/**
 * The annotate/1 record: the one object every format carries (yaml, json, jsonl). Offsets are
 * converted from JS string indices to Unicode code points here, at write time.
 */
import type { Analysis, DateGroup, EntityGroup, FurnitureMode, PublishedFrom, Span, TextRange } from '../core/types.js';
import { codePointIndexer } from '../core/offsets.js';

export const SCHEMA = 'annotate/1';

/** A stretch of the text, in code points: one range of document.body. */
export interface RangeRecord {
  start: number;
  end: number;
}

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
  /** `body`: absent in files of annotate 0.1, which did not tell the article from the page. */
  document: { title: string | null; published: string | null; published_from: PublishedFrom | null; body?: RangeRecord[] };
  people: EntityRecord[];
  organizations: EntityRecord[];
  places: EntityRecord[];
  dates: DateRecord[];
  /** The mentions found in page furniture, with `--furniture separate` (the default). */
  furniture?: FurnitureRecord;
}

/** The four lists again, for the mentions outside the article's body. */
export interface FurnitureRecord {
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

export function toRecord(text: string, analysis: Analysis, header: Header, furniture: FurnitureMode = 'separate'): AnnotationRecord {
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
  const lists = (of: Pick<Analysis, 'people' | 'organizations' | 'places' | 'dates'>): FurnitureRecord => ({
    people: entities(of.people),
    organizations: entities(of.organizations),
    places: entities(of.places),
    dates: dates(of.dates),
  });
  const zones = furniture === 'keep' ? null : splitZones(analysis, analysis.body);
  const record: AnnotationRecord = {
    schema: SCHEMA,
    source: header.source,
    checksum: header.checksum,
    generator: header.generator,
    document: {
      title: analysis.title,
      published: analysis.published,
      published_from: analysis.publishedFrom,
      body: analysis.body.map((r) => ({ start: cp(r.start), end: cp(r.end) })),
    },
    ...lists(zones ? zones.body : analysis),
  };
  if (zones && furniture === 'separate') record.furniture = lists(zones.furniture);
  return record;
}

type Lists = Pick<Analysis, 'people' | 'organizations' | 'places' | 'dates'>;

/**
 * Each group split in two: its mentions inside the body, and the others. A group keeps its
 * name (or value) on both sides, so a teaser's "Kassim" is still listed as Rachid Kassim.
 */
export function splitZones(analysis: Lists, body: readonly TextRange[]): { body: Lists; furniture: Lists } {
  const inBody = (s: Span): boolean => {
    // Ranges are sorted and few: a binary search finds the one that could hold the mention.
    let lo = 0;
    let hi = body.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = body[mid]!;
      if (s.end <= r.start) hi = mid - 1;
      else if (s.start >= r.end) lo = mid + 1;
      else return s.start >= r.start && s.end <= r.end;
    }
    return false;
  };
  const split = <G extends { mentions: Span[] }>(groups: G[]): [G[], G[]] => {
    const a: G[] = [];
    const b: G[] = [];
    for (const g of groups) {
      const inside = g.mentions.filter(inBody);
      if (inside.length === g.mentions.length) a.push(g);
      else if (inside.length === 0) b.push(g);
      else {
        a.push({ ...g, mentions: inside });
        b.push({ ...g, mentions: g.mentions.filter((s) => !inBody(s)) });
      }
    }
    return [a, b];
  };
  const [people, fPeople] = split(analysis.people);
  const [organizations, fOrganizations] = split(analysis.organizations);
  const [places, fPlaces] = split(analysis.places);
  const [dates, fDates] = split(analysis.dates);
  return { body: { people, organizations, places, dates }, furniture: { people: fPeople, organizations: fOrganizations, places: fPlaces, dates: fDates } };
}

/** Counts of entities by type, for the summary. */
export function countEntities(record: AnnotationRecord): [number, number, number, number] {
  return [record.people.length, record.organizations.length, record.places.length, record.dates.length];
}
