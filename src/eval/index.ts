/**
 * `annotate eval`: scores the engine against gold sets (issue 4 / issue 5).
 * The CLI layer calls runEval with the arguments after `eval`; it returns the exit code.
 *
 *   annotate eval <gold> [--types PER,ORG,LOC] [--dates] [--errors] [--limit N]
 *                        [--split NAME | --ids-prefix P] [--json]
 *
 * <gold> is a folder in the shared format (docs/*.txt + gold.jsonl), a folder of reference
 * annotations (annotations/*.yaml, schema annotate/1), or a date-examples .jsonl file (or the
 * folder holding it). Documents are read and scored one at a time.
 */
import { resolve } from 'node:path';
import { analyze } from '../nlp/index.js';
import { zone } from '../nlp/zoning.js';
import type { TextRange } from '../core/types.js';
import { extractDates } from '../nlp/dates/index.js';
import { bodyListing, bodyTable, categoryListing, dateTable, entityTable, errorListing, errorSummary, summaryTable } from './format.js';
import { BodyScorer, DateScorer, EntityScorer, toGold, type EvalError } from './score.js';
import { GoldError, openGold } from './sources.js';
import type { EvalDoc, GoldFormat, GoldSpan } from './types.js';

export interface EvalIo {
  cwd: string;
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  /** Whether stdout may carry ANSI colour. */
  color: boolean;
}

export const EVAL_USAGE = `Usage: annotate eval <gold> [options]

Scores the engine against a gold set: a folder in the shared format (docs/*.txt + gold.jsonl),
a folder of reference annotations (*.yaml, schema annotate/1), or a date-examples .jsonl file.
When gold.jsonl gives a document's body ranges ("body": [[start, end], ...]), the zoning of
the article from the page around it is scored too, by character.

Options:
  --types LIST       entity types to score, comma-separated (default: PER,ORG,LOC)
  --dates            score dates (DATE/TIME gold with TIMEX3 values) instead of entities
                     (implied for a date-examples file)
  --errors           list each miss, spurious span, boundary error, type confusion and
                     wrong date value with its context; entity errors come with a summary
                     by category (clubs typed as places, table lines, ALL-CAPS lines...)
                     and are grouped by it, date errors are grouped by kind; documents
                     whose body zoning is not exact, worst first
  --limit N          score the first N documents only
  --split NAME       only documents of that split: ids NAME-... or SET-NAME-...
                     (e.g. --split dev: dev-GUM_x, btc-dev-0001)
  --ids-prefix P     only documents whose id starts with P
  --every N[:K]      only every N-th document in file order, starting with the K-th
                     (0-based; e.g. --every 5 for a held-out fifth of a set without splits)
  --json             print the scores (and errors) as JSON
  -h, --help         show this help
`;

export interface EvalOptions {
  gold: string;
  types: string[];
  dates: boolean;
  errors: boolean;
  limit: number | null;
  idsPrefix: string | null;
  split: string | null;
  every: { n: number; k: number } | null;
  json: boolean;
}

export class UsageError extends Error {}

export function parseEvalArgs(argv: string[]): EvalOptions | 'help' {
  const opts: EvalOptions = { gold: '', types: ['PER', 'ORG', 'LOC'], dates: false, errors: false, limit: null, idsPrefix: null, split: null, every: null, json: false };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const name = eq > 0 ? raw.slice(0, eq) : raw;
    const value = (): string => {
      if (eq > 0) return raw.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`Option ${name} needs a value.`);
      return v;
    };
    switch (name) {
      case '-h': case '--help': return 'help';
      case '--types': {
        const types = value().split(',').map((t) => t.trim().toUpperCase()).filter((t) => t.length > 0);
        const bad = types.filter((t) => !['PER', 'ORG', 'LOC'].includes(t));
        if (types.length === 0 || bad.length > 0) throw new UsageError(`--types takes PER, ORG and/or LOC, not ${bad.join(', ') || 'nothing'}.`);
        opts.types = [...new Set(types)];
        break;
      }
      case '--dates': opts.dates = true; break;
      case '--errors': opts.errors = true; break;
      case '--json': opts.json = true; break;
      case '--limit': {
        const v = value();
        if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`--limit takes a positive whole number, not ${JSON.stringify(v)}.`);
        opts.limit = Number(v);
        break;
      }
      case '--split': opts.split = value(); break;
      case '--every': {
        const v = value();
        const m = /^(\d+)(?::(\d+))?$/.exec(v);
        if (!m || Number(m[1]) < 1 || Number(m[2] ?? 0) >= Number(m[1])) throw new UsageError(`--every takes N or N:K with 0 <= K < N, not ${JSON.stringify(v)}.`);
        opts.every = { n: Number(m[1]), k: Number(m[2] ?? 0) };
        break;
      }
      case '--ids-prefix': opts.idsPrefix = value(); break;
      default:
        if (raw.startsWith('-') && raw !== '-') throw new UsageError(`Unknown option ${name}.`);
        positional.push(raw);
    }
  }
  if (positional.length !== 1) throw new UsageError(positional.length === 0 ? 'Missing the gold set to score against.' : `Expected one gold set, got ${positional.length}.`);
  opts.gold = positional[0]!;
  return opts;
}

export async function runEval(argv: string[], io: EvalIo): Promise<number> {
  let opts: EvalOptions | 'help';
  try {
    opts = parseEvalArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr.write(`annotate eval: ${err.message}\n\n${EVAL_USAGE}`);
    return 2;
  }
  if (opts === 'help') {
    io.stdout.write(EVAL_USAGE);
    return 0;
  }
  return evaluate(opts, io, enginePredictor);
}

/** What is scored: the spans one system finds in one document. */
export type Predictor = (doc: EvalDoc, mode: { dates: boolean; format: GoldFormat }) => GoldSpan[];

/** The body ranges one system finds in one document. */
export type Zoner = (doc: EvalDoc) => TextRange[];

/** runEval after argument parsing, with the system under test passed in (tests use fakes). */
export async function evaluate(opts: EvalOptions, io: EvalIo, predict: Predictor, zoner: Zoner = engineZoner): Promise<number> {
  const goldPath = resolve(io.cwd, opts.gold);
  try {
    const source = await openGold(goldPath);
    const datesMode = opts.dates || source.format === 'examples';
    const entities = new EntityScorer(opts.types, opts.errors);
    const dates = new DateScorer(opts.errors);
    const body = new BodyScorer();
    let failed = 0;
    for await (const doc of source.docs({ idsPrefix: opts.idsPrefix, split: opts.split, every: opts.every, limit: opts.limit })) {
      let pred: GoldSpan[];
      try {
        pred = predict(doc, { dates: datesMode, format: source.format });
      } catch (err) {
        failed++;
        io.stderr.write(`${doc.id}: the engine failed: ${err instanceof Error ? err.message : String(err)}\n`);
        pred = [];
      }
      if (datesMode) dates.add(doc.id, doc.text, doc.gold, pred);
      else entities.add(doc.id, doc.text, doc.gold, pred);
      if (doc.body) body.add(doc.id, doc.text, doc.body, zoner(doc));
    }
    const label = opts.gold;
    if (opts.json) {
      const out: Record<string, unknown> = { gold: label, format: source.format };
      if (datesMode) Object.assign(out, { documents: dates.documents, dates: round(dates.result()) });
      else Object.assign(out, { documents: entities.documents, entities: round(entities.result()) });
      if (opts.errors) out['errors'] = (datesMode ? dates.errors : entities.errors).map(jsonError);
      if (opts.errors && !datesMode) out['errorSummary'] = round(errorSummary(entities.errors));
      if (body.documents > 0) out['body'] = round(body.result());
      if (body.documents > 0 && opts.errors) out['bodyErrors'] = round(body.perDoc.filter((d) => d.f1 < 1));
      io.stdout.write(JSON.stringify(out, null, 2) + '\n');
    } else if (datesMode) {
      io.stdout.write(dateTable(label, dates.documents, dates.result()));
      if (opts.errors) io.stdout.write(errorListing(dates.errors));
    } else {
      const r = entities.result();
      io.stdout.write(entityTable(label, entities.documents, r.types, r.micro));
      if (opts.errors) io.stdout.write(summaryTable(errorSummary(entities.errors)) + categoryListing(entities.errors));
    }
    if (!opts.json && body.documents > 0) io.stdout.write(bodyTable(body.result()) + (opts.errors ? bodyListing(body.perDoc) : ''));
    if (datesMode && dates.result().gold === 0 && dates.documents > 0) {
      io.stderr.write(`annotate eval: ${opts.gold} has no DATE/TIME gold; every date found counts as spurious.\n`);
    }
    if ((datesMode ? dates.documents : entities.documents) === 0) {
      io.stderr.write(`annotate eval: no documents matched in ${opts.gold}${opts.idsPrefix ? ` (ids starting ${JSON.stringify(opts.idsPrefix)})` : ''}${opts.split ? ` (split ${JSON.stringify(opts.split)})` : ''}.\n`);
      return 2;
    }
    return failed > 0 ? 2 : 0;
  } catch (err) {
    if (err instanceof GoldError) {
      io.stderr.write(`annotate eval: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

/** The engine's body ranges: what analyze() takes as the article. */
export const engineZoner: Zoner = (doc) => zone(doc.text);

/** The engine's spans for one document. */
export const enginePredictor: Predictor = (doc, { dates: datesMode, format }) => {
  if (datesMode && format !== 'yaml') {
    // The gold resolves relative dates against dct: anchor the date component on it directly
    // (analyze would prefer a date it finds in the text).
    return extractDates(doc.text, { anchor: doc.dct }).map(toGold);
  }
  // Reference annotations are scored as `annotate` runs on the corpus: the engine must find the
  // article's date itself (their `published` is gold, not an input). Gold sets in the shared
  // format give dct as the date the article was written: it plays --reference-date.
  const referenceDate = format === 'yaml' ? null : doc.dct;
  const a = analyze(doc.text, { fileName: doc.fileName, referenceDate });
  const groups = datesMode ? a.dates : [...a.people, ...a.organizations, ...a.places];
  return groups.flatMap((g) => g.mentions).map(toGold);
};

function round(x: unknown): unknown {
  if (typeof x === 'number') return Math.round(x * 10000) / 10000;
  if (Array.isArray(x)) return x.map(round);
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, round(v)]));
  return x;
}

function jsonError(e: EvalError): Record<string, unknown> {
  const j: Record<string, unknown> = { kind: e.kind, doc: e.doc, line: e.line, gold: e.gold ?? null, pred: e.pred ?? null, context: e.context };
  if (e.category) Object.assign(j, { category: e.category.id, subcategory: e.category.sub });
  return j;
}
