/**
 * Builders of the tagger's word files (`npm run train -- --lexicon` and `-- --words`): the
 * word-class lexicon compiled from compromise's lexicon into src/nlp/entities/model/lexicon.json,
 * and the English word list model/words.txt. The runtime only reads them
 * (src/nlp/entities/lexicon.ts).
 */
import type { LexiconFile } from '../../nlp/entities/lexicon.js';

const CLASS: [string, string][] = [
  ['Honorific', 'HON'],
  ['FirstName', 'FN'], ['MaleName', 'FN'], ['FemaleName', 'FN'],
  ['LastName', 'LN'], ['Person', 'PN'],
  ['Country', 'CTRY'], ['City', 'CITY'], ['Region', 'REG'], ['Place', 'PL'],
  ['SportsTeam', 'TEAM'], ['Organization', 'ORG'],
  ['Demonym', 'DEM'],
  ['Month', 'DATE'], ['WeekDay', 'DATE'], ['Date', 'DATE'], ['Duration', 'DATE'],
  ['Modal', 'V'], ['PhrasalVerb', 'V'], ['PastTense', 'V'], ['PresentTense', 'V'], ['Infinitive', 'V'],
  ['Gerund', 'V'], ['Participle', 'V'], ['Copula', 'V'],
  ['Adjective', 'ADJ'], ['Comparative', 'ADJ'], ['Superlative', 'ADJ'], ['Adverb', 'ADV'],
  ['Pronoun', 'F'], ['Preposition', 'F'], ['Conjunction', 'F'], ['Determiner', 'F'], ['QuestionWord', 'F'],
  ['Value', 'NUM'], ['Cardinal', 'NUM'], ['Ordinal', 'NUM'],
  ['Actor', 'ACT'], ['Plural', 'N'], ['Singular', 'N'], ['Noun', 'N'], ['Uncountable', 'N'], ['Unit', 'N'],
];

/** Builds the lexicon file content from compromise. */
export async function buildLexiconFile(): Promise<LexiconFile> {
  const mod = await import('compromise');
  const nlp = mod.default as unknown as {
    world(): { model: { one: { lexicon: Record<string, string | string[]> }; two: { orgWords: Record<string, boolean>; placeWords: Record<string, boolean> } } };
  };
  const world = nlp.world();
  const words: Record<string, string> = {};
  const phrases: Record<string, string> = {};
  const keys = Object.keys(world.model.one.lexicon).sort();
  for (const k of keys) {
    const v = world.model.one.lexicon[k]!;
    const tags = Array.isArray(v) ? v : [v];
    let cls = '';
    for (const [tag, c] of CLASS) if (tags.includes(tag)) { cls = c; break; }
    if (!cls) continue;
    const parts = k.split(' ');
    if (parts.length === 1) words[k] = cls;
    else if (parts.length <= 4 && /^[a-z]/.test(k) && ['FN', 'LN', 'PN', 'CTRY', 'CITY', 'REG', 'PL', 'TEAM', 'ORG'].includes(cls)) {
      phrases[k] = cls;
    }
  }
  for (const k of Object.keys(world.model.two.orgWords).sort()) words[k] = 'OW';
  for (const k of Object.keys(world.model.two.placeWords).sort()) words[k] = 'PW';
  return { words, phrases };
}

/** The content of model/words.txt from the package's index.json array (see model/NOTICE.md). */
export function writeWordList(words: readonly string[]): string {
  const kept = [...new Set(words.filter((w) => /^[a-z]{2,}$/.test(w)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return kept.join('\n') + '\n';
}
