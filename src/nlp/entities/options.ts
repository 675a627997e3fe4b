/**
 * The switches of the entity tagger. A Tagger (tagger.ts) holds them and hands the same object
 * to the feature extraction of every document it tags, so each is read once per document. The
 * runtime uses the defaults; `npm run train -- --no-org-features / --no-skip-common /
 * --no-spread / --no-news-context` turns one off, for training and for `--eval`, to measure what it brings.
 */
export interface TaggerOptions {
  /** Extract the organisation clue features (features.ts; since FEATURE_VERSION f2). */
  orgFeatures: boolean;
  /**
   * Give no features to the common lower-case words of a cased text (features.ts
   * extractFeatures, FeatureBuffer.common): half the tokens of news, which emit() would cut out
   * of any span anyway. Measured on the dev sets (npm run train -- --eval ... --no-skip-common):
   * the same F1 on uner-en-pud, wikigold, gum-nonnews, uner-en-ewt and annotations/ (one true
   * positive more on each of the first and the fourth), 0.6 less on wnut17's tweets; the NLP
   * takes 0.83 to 0.90 of the time. Skipping also the plain tokens with no name material beside
   * them (punctuation, "the", "to") leaves the output of all 2,618 shared texts byte for byte as
   * it was, with 18% fewer feature lookups. Tagging only: training never skips.
   */
  skipCommon: boolean;
  /** Tag a name the tagger found again where it recurs untagged in the document (tagger.ts harmonise). */
  spreadNames: boolean;
  /**
   * Extract the results-page context (a capitalised run beside the numbers of a results row or
   * a table line, in a sports report) and the document-level name cues ("Chrysler Corp ...
   * Chrysler", "coach Petrescu ... Petrescu"): features.ts ctx=, ctxgz=, cue=, since f4. Off
   * only with orgFeatures off or when asked for.
   */
  newsContext: boolean;
}

/** What feature extraction reads of the options. */
export type FeatureOptions = Pick<TaggerOptions, 'orgFeatures' | 'skipCommon' | 'newsContext'>;

export const DEFAULT_TAGGER_OPTIONS: Readonly<TaggerOptions> = Object.freeze({ orgFeatures: true, skipCommon: true, spreadNames: true, newsContext: true });

/** The given options, the defaults for the rest. */
export function taggerOptions(given: Partial<TaggerOptions> = {}): TaggerOptions {
  return {
    orgFeatures: given.orgFeatures ?? DEFAULT_TAGGER_OPTIONS.orgFeatures,
    skipCommon: given.skipCommon ?? DEFAULT_TAGGER_OPTIONS.skipCommon,
    spreadNames: given.spreadNames ?? DEFAULT_TAGGER_OPTIONS.spreadNames,
    newsContext: given.newsContext ?? DEFAULT_TAGGER_OPTIONS.newsContext,
  };
}
