/**
 * `npm run train -- <data dirs...> [--out FILE] [--epochs N] [--seed N] [--min-count N]
 *  [--weights set=w,...] [--caps-rate R] [--title-rate R] [--with-test] [--no-gazetteer] [--dropout P] [--no-org-features] [--no-news-context] [--no-spread] [--no-skip-common]` trains the entity tagger on data sets in the shared
 * format (docs/*.txt + gold.jsonl) and writes the model; the same data and options give the same
 * bytes. `npm run train -- --lexicon` rebuilds the word-class lexicon from compromise.
 * `--eval FILE` scores a model on the dev documents of the given sets instead of training;
 * `--baseline` scores the plain-compromise engine the same way. `--no-org-features`,
 * `--no-news-context`, `--no-skip-common` and `--no-spread` turn off one of the tagger's options
 * (src/nlp/entities/options.ts), in training and in `--eval`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gazetteerTags } from '../../nlp/gazetteer/index.js';
import { loadLexicon } from '../../nlp/entities/lexicon.js';
import { LEXICON_URL, MODEL_URL, WORDS_URL } from '../../nlp/entities/paths.js';
import { decodeModel } from '../../nlp/entities/model.js';
import { DEFAULT_TAGGER_OPTIONS } from '../../nlp/entities/options.js';
import { Tagger } from '../../nlp/entities/tagger.js';
import { buildLexiconFile, writeWordList } from './lexicon.js';
import { devDocs, evaluate, evaluateWith, loadSet, train, type GoldDoc } from './trainer.js';
import { loadNewsTexts } from '../news/index.js';

/** The options the committed model was trained with (`npm run train -- <dirs>` uses them). */
const DEFAULT_TRAIN_OPTIONS = {
  epochs: 5,
  /**
   * Of three seeds trained on the same data with feature version f4 (20161013, 20161014, 7), the
   * one with the best mean over the development sets (`npm run eval:dev`).
   */
  seed: 7,
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

async function main(argv: string[]): Promise<number> {
  const dirs: string[] = [];
  let out = fileURLToPath(MODEL_URL);
  let evalModel: string | null = null;
  let baseline = false;
  let noWords = false;
  let news = true;
  const opt = { ...DEFAULT_TRAIN_OPTIONS, setWeights: { ...DEFAULT_TRAIN_OPTIONS.setWeights } };
  const tagger = { ...DEFAULT_TAGGER_OPTIONS };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--lexicon') {
      const lex = await buildLexiconFile();
      writeFileSync(fileURLToPath(LEXICON_URL), JSON.stringify(lex) + '\n');
      process.stdout.write(`lexicon: ${Object.keys(lex.words).length} words, ${Object.keys(lex.phrases).length} phrases\n`);
      return 0;
    } else if (a === '--words') {
      // Rebuild model/words.txt from an-array-of-english-words' index.json (see model/NOTICE.md).
      const list = JSON.parse(readFileSync(next(), 'utf8')) as string[];
      writeFileSync(fileURLToPath(WORDS_URL), writeWordList(list));
      return 0;
    } else if (a === '--out') out = next();
    else if (a === '--epochs') opt.epochs = Number(next());
    else if (a === '--seed') opt.seed = Number(next());
    else if (a === '--min-count') opt.minCount = Number(next());
    else if (a === '--eval') evalModel = next();
    else if (a === '--baseline') baseline = true;
    else if (a === '--with-test') opt.withTest = true;
    else if (a === '--no-words') noWords = true;
    else if (a === '--no-news') news = false;
    else if (a === '--no-gazetteer') opt.gazetteer = false;
    else if (a === '--caps-rate') opt.capsRate = Number(next());
    else if (a === '--title-rate') opt.titleRate = Number(next());
    else if (a === '--dropout') opt.dropout = Number(next());
    else if (a === '--no-org-features') tagger.orgFeatures = false;
    else if (a === '--no-news-context') tagger.newsContext = false;
    else if (a === '--no-spread') tagger.spreadNames = false;
    else if (a === '--no-skip-common') tagger.skipCommon = false;
    else if (a === '--weights') {
      for (const kv of next().split(',')) {
        const [k, v] = kv.split('=');
        if (k && v) opt.setWeights[k] = Number(v);
      }
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else dirs.push(a);
  }
  if (dirs.length === 0) {
    process.stderr.write('usage: npm run train -- <data dirs...> [--out FILE] [--epochs N]\n');
    return 2;
  }
  const docs: GoldDoc[] = [];
  for (const d of [...dirs].sort()) docs.push(...(await loadSet(d)));
  // The project's own news-genre texts (src/training/news) are part of the data unless --no-news.
  if (news) docs.push(...loadNewsTexts());
  const { lexicon } = loadLexicon(LEXICON_URL, noWords ? undefined : WORDS_URL);
  const gazetteer = opt.gazetteer ? gazetteerTags : undefined;
  if (evalModel !== null || baseline) {
    // Score a model file (or the compromise baseline) on the dev documents of the given sets.
    const dev = devDocs(docs);
    const t1 = performance.now();
    let res;
    if (baseline) {
      const { extractEntitiesCompromise } = await import('./compromise.js');
      res = evaluateWith(dev, extractEntitiesCompromise);
    } else {
      const { model } = decodeModel(readFileSync(evalModel!));
      res = evaluate(new Tagger(model, lexicon, gazetteer, tagger), dev);
    }
    for (const line of res.lines) process.stdout.write(line + '\n');
    process.stdout.write(`(${dev.length} documents in ${((performance.now() - t1) / 1000).toFixed(1)} s)\n`);
    return 0;
  }
  const t0 = performance.now();
  const res = train(docs, lexicon, { ...opt, gazetteer, tagger, log: (s) => process.stdout.write(s + '\n') });
  writeFileSync(out, res.bytes);
  process.stdout.write(`wrote ${out} (${res.bytes.length} bytes) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  return 0;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: unknown) => {
  process.stderr.write(`train: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
});
