/**
 * The entity engine: a structured averaged perceptron over BILOU tags (trained by
 * src/training/entities/trainer.ts), with a fast regex tokenizer and features from the word,
 * its shape and affixes, its neighbours, the case of its line, a word-class lexicon and
 * document-level evidence. The model and lexicon are
 * loaded once, at module load (src/nlp/fingerprint.ts hashes them for the freshness key).
 */
import { readFileSync } from 'node:fs';
import type { Span } from '../../core/types.js';
import { gazetteerTags } from '../gazetteer/index.js';
import { loadLexicon } from './lexicon.js';
import { decodeModel } from './model.js';
import { LEXICON_URL, MODEL_URL, WORDS_URL } from './paths.js';
import { Tagger } from './tagger.js';

const modelBytes = readFileSync(MODEL_URL);
const { model } = decodeModel(modelBytes);
const { lexicon } = loadLexicon(LEXICON_URL, WORDS_URL);
const tagger = new Tagger(model, lexicon, gazetteerTags);

/** PER/ORG/LOC mentions: sorted, non-overlapping, trimmed, `text === slice`. */
export function extractEntities(text: string): Span[] {
  return tagger.tag(text);
}
