/**
 * The record that flows through every step (see src/README.md).
 * Offsets are JavaScript string indices (UTF-16 code units) internally; they are converted to
 * Unicode code points only when written (src/serialize).
 */

export type EntityLabel = 'PER' | 'ORG' | 'LOC';
export type Label = EntityLabel | 'DATE';

export interface Span {
  /** JS string index, inclusive. */
  start: number;
  /** JS string index, exclusive. */
  end: number;
  label: Label;
  /** Exactly text.slice(start, end). */
  text: string;
  /** TIMEX3 value, for DATE spans only. */
  value?: string;
}

/** A stretch of a text, in JS string indices (end exclusive). */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Where mentions in page furniture go: `separate` lists them under `furniture:`, `keep` leaves
 * them in the entity lists with the body's, `drop` leaves them out.
 */
export type FurnitureMode = 'separate' | 'keep' | 'drop';

/** Where document.published came from. */
export type PublishedFrom = 'text' | 'filename' | 'option';

/** One entity: its mentions merged under a canonical name. */
export interface EntityGroup {
  name: string;
  mentions: Span[];
  /** Set when the project's config made or retyped a mention (src/nlp/rules). */
  by?: 'config';
}

/** One date value with every mention that resolves to it. */
export interface DateGroup {
  value: string;
  mentions: Span[];
  /** Set when a correction of the project's config gave a mention its value. */
  by?: 'config';
}

/** What the NLP layer finds in one document. */
export interface Analysis {
  title: string | null;
  /** The article's own date/time as a TIMEX3 / ISO 8601 value, e.g. 2016-09-13T12:37+02:00. */
  published: string | null;
  publishedFrom: PublishedFrom | null;
  /** The article's own text, the rest of the page being furniture (nlp/zoning.ts); sorted, disjoint. */
  body: TextRange[];
  /** Every mention, in the body or not: the record splits them (serialize/record.ts). */
  people: EntityGroup[];
  organizations: EntityGroup[];
  places: EntityGroup[];
  dates: DateGroup[];
}

export interface Message {
  /** Stable id from the catalog in core/messages.ts, e.g. E_BINARY. */
  id: string;
  fatal: boolean;
  text: string;
}

export interface Document {
  /** Path as given / discovered (relative to cwd when possible). */
  path: string;
  text: string;
  analysis: Analysis | null;
  messages: Message[];
}
