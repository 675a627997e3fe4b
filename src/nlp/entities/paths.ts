/** Where the tagger's data files live (found from the package root). */

/** From dist/src/nlp/entities/paths.js the package root is four levels up. */
const ROOT = new URL('../../../../', import.meta.url);
export const MODEL_URL = new URL('src/nlp/entities/model/ner.bin', ROOT);
export const LEXICON_URL = new URL('src/nlp/entities/model/lexicon.json', ROOT);
export const WORDS_URL = new URL('src/nlp/entities/model/words.txt', ROOT);
