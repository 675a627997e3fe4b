/**
 * `npm run train -- <data dirs...> [--out FILE] [--epochs N] [--seed N] [--min-count N]
 *  [--weights set=w,...] [--caps-rate R] [--title-rate R] [--with-test] [--no-gazetteer] [--dropout P] [--no-org-features] [--no-spread] [--no-skip-common]` trains the entity tagger on data sets in the shared
 * format (docs/*.txt + gold.jsonl) and writes the model; the same data and options give the same
 * bytes. `npm run train -- --lexicon` rebuilds the word-class lexicon from compromise.
 * `--eval FILE` scores a model on the dev documents of the given sets instead of training;
 * `--baseline` scores the plain-compromise engine the same way.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gazetteerTags } from '../nlp/gazetteer/index.js';
import { buildLexiconFile, loadLexicon, writeWordList } from '../nlp/entities/lexicon.js';
import { DEFAULT_TRAIN_OPTIONS, LEXICON_URL, MODEL_URL, WORDS_URL } from '../nlp/entities/paths.js';
import { decodeModel, setSkipCommon } from '../nlp/entities/model.js';
import { setOrgFeatures } from '../nlp/entities/features.js';
import { setSpreadNames } from '../nlp/entities/tagger.js';
import { loadNewsTexts } from '../training/news/index.js';
import { devDocs, evaluate, evaluateWith, loadSet, train, type GoldDoc } from '../nlp/entities/trainer.js';

async function main(argv: string[]): Promise<number> {
  const dirs: string[] = [];
  let out = fileURLToPath(MODEL_URL);
  let evalModel: string | null = null;
  let baseline = false;
  let noWords = false;
  let news = true;
  const opt = { ...DEFAULT_TRAIN_OPTIONS, setWeights: { ...DEFAULT_TRAIN_OPTIONS.setWeights } };
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
    else if (a === '--no-org-features') setOrgFeatures(false);
    else if (a === '--no-spread') setSpreadNames(false);
    else if (a === '--no-skip-common') setSkipCommon(false);
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
  for (const d of [...dirs].sort()) docs.push(...loadSet(d));
  // The project's own news-genre texts (src/training/news) are always part of the data.
  if (news) docs.push(...loadNewsTexts());
  const { lexicon } = loadLexicon(LEXICON_URL, noWords ? undefined : WORDS_URL);
  if (evalModel !== null || baseline) {
    // Score a model file (or the compromise baseline) on the dev documents of the given sets.
    const dev = devDocs(docs);
    const t1 = performance.now();
    let res;
    if (baseline) {
      const { extractEntitiesCompromise } = await import('../nlp/entities/compromise.js');
      res = evaluateWith(dev, extractEntitiesCompromise);
    } else {
      const { model } = decodeModel(readFileSync(evalModel!));
      res = evaluate(model, lexicon, dev, opt.gazetteer ? gazetteerTags : undefined);
    }
    for (const line of res.lines) process.stdout.write(line + '\n');
    process.stdout.write(`(${dev.length} documents in ${((performance.now() - t1) / 1000).toFixed(1)} s)\n`);
    return 0;
  }
  const t0 = performance.now();
  const res = train(docs, lexicon, { ...opt, gazetteer: opt.gazetteer ? gazetteerTags : undefined, log: (s) => process.stdout.write(s + '\n') });
  writeFileSync(out, res.bytes);
  process.stdout.write(`wrote ${out} (${res.bytes.length} bytes) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  return 0;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: unknown) => {
  process.stderr.write(`train: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
});
