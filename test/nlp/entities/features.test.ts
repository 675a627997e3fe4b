import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractFeatures, featureStrings } from '../../../src/nlp/entities/features.js';
import { loadLexicon } from '../../../src/nlp/entities/lexicon.js';
import { LEXICON_URL, WORDS_URL } from '../../../src/nlp/entities/paths.js';
import { tokenize } from '../../../src/nlp/entities/tokenize.js';
import { gazetteerTags } from '../../../src/nlp/gazetteer/index.js';

const { lexicon } = loadLexicon(LEXICON_URL, WORDS_URL);
/** The runtime's feature options: common lower-case words of a cased text are skipped. */
const SKIP = { orgFeatures: true, skipCommon: true, newsContext: true };

function featsOf(text: string, word: string): string[] {
  const toks = tokenize(text);
  const i = toks.findIndex((t) => t.text === word);
  assert.ok(i >= 0, word);
  return featureStrings(toks, lexicon)[i]!;
}

test('every word of a capitalised run knows how the run ends', () => {
  const f = featsOf('He spoke to the Royal Society for the Protection of Birds today.', 'Protection');
  assert.ok(f.includes('rl=birds|N'));
  const g = featsOf('Officials at the European Commission said so.', 'European');
  assert.ok(g.includes('rc=O|B'));
});

test('acronyms in running text and "Name (ACRONYM)" are marked', () => {
  const text = 'The Government Communications Headquarters (GCHQ) said GCHQ staff were safe.';
  assert.ok(featsOf(text, 'Government').includes('par=RN') || featsOf(text, 'Government').includes('par=RM'));
  const toks = tokenize(text);
  const feats = featureStrings(toks, lexicon);
  const idx = toks.findIndex((t) => t.text === 'GCHQ');
  assert.ok(feats[idx]!.some((x) => x.startsWith('par=A')));
  assert.ok(feats[idx]!.some((x) => x.startsWith('acr=l')));
  // Not in a CAPS headline, where every word is in capitals.
  const h = featsOf('POLICE RAID OFFICES IN LONDON\nThe police came.', 'RAID');
  assert.ok(!h.some((x) => x.startsWith('acr=')));
});

test('at run time, common lower-case words of a cased text get no features; connectors and names do', () => {
  const toks = tokenize('Officials said the Bank of England would raise rates. The bank refused to comment.');
  const buf = extractFeatures(toks, lexicon, undefined, SKIP);
  const common = (w: string): boolean => {
    const i = toks.findIndex((t) => t.text === w);
    assert.ok(i >= 0, w);
    return buf.common![i] === 1 && buf.offs[i] === buf.offs[i + 1];
  };
  for (const w of ['said', 'would', 'raise', 'rates', 'bank', 'refused', 'comment']) assert.equal(common(w), true, w);
  // Connectors, names and capitalised words keep their features.
  for (const w of ['of', 'the', 'Bank', 'England', 'Officials']) assert.equal(common(w), false, w);
  // The trainer's extraction (no skipping) gives every token its features.
  assert.equal(extractFeatures(toks, lexicon, undefined, { ...SKIP, skipCommon: false }).common, null);
});

test('at run time, plain tokens with no name material beside them get no features', () => {
  const text = 'He said that al-Qaeda , in the end , was to blame ; 30 Seconds to Mars played in Frankfurt am Main .';
  const toks = tokenize(text);
  const buf = extractFeatures(toks, lexicon, undefined, SKIP);
  const skipped = (k: number): boolean => buf.common![k] === 1 && buf.offs[k] === buf.offs[k + 1];
  const at = (w: string, from = 0): number => {
    const i = toks.findIndex((t, k) => k >= from && t.text === w);
    assert.ok(i >= 0, w);
    return i;
  };
  // Punctuation and short or connecting words of the word list, among plain tokens only.
  for (const k of [at('in'), at('the'), at(',', at('end')), at('to')]) assert.equal(skipped(k), true, toks[k]!.text);
  // Beside a capital, a digit or inside a word with one: kept ("al-Qaeda" is one group).
  for (const k of [at('al'), at('-'), at(','), at('to', at('Seconds')), at('in', at('played')), at('am'), at('.'), at(';')]) {
    assert.equal(skipped(k), false, toks[k]!.text);
  }
});

test('a text written in lower case keeps every word: names may be in lower case there', () => {
  const toks = tokenize('met jill allen in san francisco. she said hi. we went home.');
  assert.equal(extractFeatures(toks, lexicon, undefined, SKIP).common, null);
});

test('handles, hashtags and links that open posts do not make a text look written in lower case', () => {
  const toks = tokenize('@maria Loved the show in Paris tonight.\n#throwback Best concert ever.\nhttp://t.co/x1 New video is up.\nThanks for coming.');
  const buf = extractFeatures(toks, lexicon, undefined, SKIP);
  assert.notEqual(buf.common, null);
  const i = toks.findIndex((t) => t.text === 'show');
  assert.equal(buf.common![i], 1);
  // The same posts with lower-case openings keep every word.
  const lower = tokenize('@maria loved the show in paris tonight.\n#throwback best concert ever.\nhttp://t.co/x1 new video is up.\nthanks for coming.');
  assert.equal(extractFeatures(lower, lexicon, undefined, SKIP).common, null);
});

function gazFeatsOf(text: string, word: string, nth = 0): string[] {
  const toks = tokenize(text);
  const at = toks.map((t, i) => (t.text === word ? i : -1)).filter((i) => i >= 0);
  assert.ok(at.length > nth, word);
  return featureStrings(toks, lexicon, gazetteerTags)[at[nth]!]!;
}

test('a capitalised run in a results row knows the numbers beside it, the table line and the sports document', () => {
  const text = 'SOCCER - LEAGUE RESULTS.\nThe league match ended late after a penalty.\nRivertown 2 Lakeside 1\nThe coach was pleased.';
  const f = featsOf(text, 'Rivertown');
  assert.ok(f.includes('ctx=a-ts'), f.filter((x) => x.startsWith('ctx')).join(' '));
  const g = featsOf(text, 'Lakeside');
  assert.ok(g.includes('ctx=abts'), g.filter((x) => x.startsWith('ctx')).join(' '));
  // Not a sports document, not a table: no context feature.
  assert.ok(!featsOf('Officials in Rivertown said 12 people were hurt.', 'Rivertown').some((x) => x.startsWith('ctx')));
  // The context pairs with the gazetteer tags of the word.
  assert.ok(gazFeatsOf('Results: Chelsea 2 Leeds 1, Paris 0 Lyon 3', 'Leeds').some((x) => x.startsWith('ctxgz=ab')));
});

test('organisation and person cues are shared by every occurrence of the word in the document', () => {
  const text = 'Chrysler Corp said sales rose. Later Chrysler shares fell. Analysts said Chrysler would recover.';
  const f = gazFeatsOf(text, 'Chrysler', 2);
  assert.ok(f.some((x) => x.startsWith('cue=O|')), f.join(' '));
  const p = gazFeatsOf('Coach Petrescu was happy. The team of Petrescu won again.', 'Petrescu', 1);
  assert.ok(p.some((x) => x.startsWith('cue=P|')), p.join(' '));
  const g = gazFeatsOf('Ana Dumitrescu won. Later Dumitrescu said she was tired.', 'Dumitrescu', 1);
  assert.ok(g.some((x) => x.startsWith('cue=P|')), g.join(' '));
  // A gazetteer place after a given name is not linked to a person elsewhere.
  const j = gazFeatsOf('Michael Jordan visited Amman, the capital of Jordan.', 'Jordan', 1);
  assert.ok(!j.some((x) => x.startsWith('cue=P')), j.join(' '));
});

test('the lower-case half of a hyphenated name is not skipped as a common word', () => {
  const toks = tokenize('The winner was Lee Ka-ming of Hong Kong, who beat a rival in the last round.');
  const buf = extractFeatures(toks, lexicon, undefined, SKIP);
  const ming = toks.findIndex((t) => t.text === 'ming');
  assert.ok(ming > 0, toks.map((t) => t.text).join('|'));
  assert.equal(buf.common?.[ming], 0);
  assert.equal(buf.common?.[toks.findIndex((t) => t.text === 'round')], 1);
});

test('the news context features can be switched off', () => {
  const text = 'SOCCER - the league match ended.\nRivertown 2 Lakeside 1 after a penalty and a goal.\nChrysler Corp said Chrysler would.';
  const toks = tokenize(text);
  const on = featureStrings(toks, lexicon, gazetteerTags).flat();
  const off = featureStrings(toks, lexicon, gazetteerTags, false, { orgFeatures: true, newsContext: false }).flat();
  assert.ok(on.some((x) => x.startsWith('ctx=')) && on.some((x) => x.startsWith('cue=')));
  assert.ok(!off.some((x) => x.startsWith('ctx=') || x.startsWith('ctxgz=') || x.startsWith('cue=')));
  assert.deepEqual(off, on.filter((x) => !/^(ctx|ctxgz|cue)=/.test(x)));
});
