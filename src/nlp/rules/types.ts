/**
 * A project's house rules as the engine takes them: plain data (so it crosses to a worker as a
 * structured clone), made from an annotate.config.yaml by src/config/ and applied by apply.ts.
 */
import type { EntityLabel, Label } from '../../core/types.js';

/**
 * The version of how rules are applied (apply.ts, pattern.ts): part of the freshness key of
 * every file a config applies to, as ENGINE_VERSION is of every file. Raise it when the same
 * config would now give other output; test/nlp/rules.test.ts pins what
 * rules give.
 */
export const RULES_VERSION = 1;

/** One entry of `names:`: every form is found as a whole word and given the entry's type. */
export interface NameRule {
  /** The entry's key: the canonical name of every entity one of its forms is part of. */
  name: string;
  label: EntityLabel;
  /** The name itself first, then its aliases. */
  forms: string[];
}

/** One entry of `not_entities:`: a string that is never of these types. */
export interface NotRule {
  text: string;
  labels: Label[];
}

/** One element of a token pattern (see pattern.ts for the syntax). */
export interface PatternElement {
  /** Literal token sequences, one per alternative (`Inc|Corp`), or null for a class. */
  literals: string[][] | null;
  cls: TokenClass | null;
  min: number;
  max: number;
}

export type TokenClass = 'Cap' | 'Upper' | 'Lower' | 'Num' | 'Word' | 'Punct';

export interface PatternRule {
  /** As written in the config, for messages. */
  source: string;
  label: EntityLabel;
  elements: PatternElement[];
}

/** What the project's config says for every file under it. */
export interface Rules {
  names: NameRule[];
  notEntities: NotRule[];
  patterns: PatternRule[];
  /**
   * Lines that are page furniture in every file they occur in (`furniture:`), their runs of
   * blanks as one space. Absent when the config lists none, so that a config without the key
   * keeps the freshness key it had.
   */
  furniture?: string[];
}

/**
 * A correction of one document, anchored by text, not offset: `text` as a whole word (inside
 * `context` when given), the `occurrence`-th such place (1-based) or every one.
 */
export interface Correction {
  text: string;
  context: string | null;
  occurrence: number | null;
  /** Exactly one of the three: the entity type there, types that are not there, a date value. */
  label: EntityLabel | null;
  not: Label[] | null;
  value: string | null;
}

/** Everything the config says about one document. */
export interface DocumentRules {
  rules: Rules;
  corrections: Correction[];
}

/** What the rules found: corrections with no place in the text, `names:` entries that occur. */
export interface RulesReport {
  /** Indexes into the document's corrections. */
  unused: number[];
  /** Indexes into rules.names of the entries one of whose forms occurs. */
  names: number[];
}

export type { EntityLabel, Label };
