/**
 * The entity engine: a structured averaged perceptron over BILOU tags (see trainer.ts), with a
 * fast regex tokenizer and features from the word, its shape and affixes, its neighbours, the
 * case of its line, a word-class lexicon and document-level evidence. The model and lexicon are
 * loaded once, at module load, and their hashes go into the engine fingerprint.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Span } from '../../core/types.js';
import { registerEngineData } from '../fingerprint.js';
import { gazetteerTags } from '../gazetteer/index.js';
import { loadLexicon } from './lexicon.js';
import { decodeModel } from './model.js';
import { LEXICON_URL, MODEL_URL, WORDS_URL } from './paths.js';
import { tagText } from './tagger.js';

const modelBytes = readFileSync(MODEL_URL);
const { model } = decodeModel(modelBytes);
const { lexicon, bytes: lexiconBytes, wordBytes } = loadLexicon(LEXICON_URL, WORDS_URL);
registerEngineData('ner-model', createHash('sha256').update(modelBytes).digest('hex'));
registerEngineData('ner-lexicon', createHash('sha256').update(lexiconBytes).digest('hex'));
registerEngineData('ner-words', createHash('sha256').update(wordBytes!).digest('hex'));

/** PER/ORG/LOC mentions: sorted, non-overlapping, trimmed, `text === slice`. */
export function extractEntities(text: string): Span[] {
  return tagText(model, lexicon, text, gazetteerTags);
}
