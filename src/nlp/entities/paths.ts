/** Where the tagger's data files live (found from the package root) and the training defaults. */

/** From dist/src/nlp/entities/paths.js the package root is four levels up. */
const ROOT = new URL('../../../../', import.meta.url);
export const MODEL_URL = new URL('src/nlp/entities/model/ner.bin', ROOT);
export const LEXICON_URL = new URL('src/nlp/entities/model/lexicon.json', ROOT);
export const WORDS_URL = new URL('src/nlp/entities/model/words.txt', ROOT);

/** The options the committed model was trained with (`npm run train -- <dirs>` uses them). */
export const DEFAULT_TRAIN_OPTIONS = {
  epochs: 5,
  seed: 20161013,
  minCount: 1,
  setWeights: { btc: 0.3, wnut17: 0.3 } as Record<string, number>,
  capsRate: 0.03,
  titleRate: 0,
  /** Share of training tokens trained without their word-identity features (see trainer.ts). */
  dropout: 0,
  /** Use the gazetteer features (src/nlp/gazetteer). */
  gazetteer: true,
  tuneBias: true,
  /** Train on the test splits too (EWT, BTC, WNUT; never uner-en-pud or GUM, see trainer.ts). */
  withTest: true,
};
