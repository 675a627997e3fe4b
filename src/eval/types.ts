/** Shared shapes of the eval layer. Offsets are JS string indices, end exclusive. */

export interface GoldSpan {
  start: number;
  end: number;
  /** PER, ORG, LOC, MISC, DATE, TIME ... as the gold set names it. */
  type: string;
  text: string;
  /** TIMEX3 value, for dates. */
  value?: string;
}

/** One document to score: its text, its gold and where it came from. */
export interface EvalDoc {
  id: string;
  text: string;
  /** The reference date relative dates resolve against (gold.jsonl `dct`), or null. */
  dct: string | null;
  /** The source file name, passed to analyze() (a date in the name can anchor the article). */
  fileName?: string;
  /** Every gold span, whatever its type (MISC and dates included). */
  gold: GoldSpan[];
  /** The article's ranges of the text (gold.jsonl `body`), when the gold says which they are. */
  body?: { start: number; end: number }[];
}

export type GoldFormat = 'shared' | 'yaml' | 'examples';
