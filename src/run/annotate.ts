/**
 * The default command's engine: plan each input (missing / stale / fresh), run the NLP where
 * needed, and emit results strictly in input order. At most `window` inputs are in flight, so
 * memory stays bounded however large the corpus; only this (main) thread writes files.
 */
import * as path from 'node:path';
import type { Message } from '../core/types.js';
import { fatal, warning } from '../core/messages.js';
import { generatorLine, sourceChecksum } from '../core/fingerprint.js';
import { errorCode, describeError, type FsAdapter } from '../fs/adapter.js';
import type { Input } from '../fs/discover.js';
import { decodeSource, readBytes } from '../fs/read.js';
import { FolderMaker, outputPath, printedSourceField, sourceField, TempSweeper, writeAtomic, type Format } from '../fs/output.js';
import type { Header } from '../serialize/record.js';
import { HEADER_BYTES, isFresh, readHeader, type HeaderState } from '../serialize/header.js';
import { emptyStats, type Mode, type Reporter, type Stats } from '../report/reporter.js';
import { inlineAnnotator, type Annotator, type EntityCounts } from './analyzer.js';
import { ByteBudget } from './budget.js';
import { workerPool } from './pool.js';
import { cachedEngineFingerprint } from './engine-cache.js';

export interface RunOptions {
  mode: Mode;
  format: Format;
  /** Absolute, or null to write next to each source. */
  outDir: string | null;
  force: boolean;
  jobs: number;
  referenceDate: string | null;
  maxBytes: number;
  version: string;
  /** Versions of the libraries that shape the output; part of freshness. */
  dependencies: Record<string, string>;
  fs: FsAdapter;
  /** For showing output paths relative to where the user is, and `source:` when printing. */
  cwd: string;
  /** Used only to name temporary files. */
  pid: number;
  /** Whether a process is running: a temporary file of a dead one is removed (fs/output.ts). */
  processAlive: (pid: number) => boolean;
  /** Data (stdout) sink; awaited for backpressure. */
  out: (chunk: string) => Promise<void>;
  reporter: Reporter;
  now: () => number;
}

/** Below this many inputs the NLP runs on the main thread: starting workers would cost more. */
export const MIN_FILES_FOR_WORKERS = 8;

/**
 * Inputs in flight at once, and the bytes of source text they may hold. Each input costs a
 * dozen file-system round trips (stat, read, the old annotation's header, write, rename); many in
 * flight hide that latency behind the NLP. The byte budget keeps a corpus of large files from
 * filling memory.
 */
export const WINDOW = 64;
export const TEXT_BUDGET_BYTES = 32 * 1024 * 1024;

type Outcome =
  | { kind: 'error'; message: Message }
  /** The input is one of our own annotations (picked by a wide --glob): not an input at all. */
  | { kind: 'own-output' }
  | { kind: 'fresh' }
  | { kind: 'check'; message: Message; missing: boolean }
  /** Analyzed; `written` is how the annotation file went (null when printing instead). */
  | { kind: 'done'; counts: EntityCounts; data: string; output: string | null; written: WriteStatus | null; bytes: number };

type WriteStatus = 'written' | 'unchanged' | { error: string };

/**
 * The `generator:` line. The engine fingerprint only hashes the engine's files (and is cached
 * while they are unchanged), so re-runs and --check never load the model on this thread.
 */
export function generator(version: string, dependencies: Record<string, string>, referenceDate: string | null): string {
  return generatorLine(version, { engine: cachedEngineFingerprint(), dependencies, referenceDate });
}

export async function annotateInputs(inputs: Input[], o: RunOptions): Promise<Stats> {
  const started = o.now();
  const stats = emptyStats();
  stats.files = inputs.length;
  const gen = generator(o.version, o.dependencies, o.referenceDate);
  // Workers start at the first file that needs the NLP, so a re-run with nothing to do starts none.
  let annotator: Annotator | null = null;
  const getAnnotator = (): Annotator => {
    annotator ??= o.jobs > 1 && inputs.length >= MIN_FILES_FOR_WORKERS ? workerPool(Math.min(o.jobs, inputs.length)) : inlineAnnotator();
    return annotator;
  };
  const outputs = new Map<string, string>(); // output -> first input that claimed it
  const sweeper = new TempSweeper(o.fs, o.pid, o.processAlive);
  const folders = new FolderMaker(o.fs);
  const budget = new ByteBudget(TEXT_BUDGET_BYTES);
  let docIndex = 0;

  const plan = async (input: Input): Promise<Outcome> => {
    let output: string | null = null;
    if (o.mode !== 'stdout') {
      output = outputPath(input.abs, input.base, o.outDir, o.format);
      if (output === input.abs) {
        const head = await o.fs.readHead(output, HEADER_BYTES).catch(() => null);
        if (head !== null && readHeader(head).kind === 'ours') return { kind: 'own-output' };
        return { kind: 'error', message: fatal('E_OUTPUT_IS_INPUT', show(output)) };
      }
      const first = outputs.get(output);
      if (first !== undefined) return { kind: 'error', message: fatal('E_SAME_OUTPUT', show(output), first) };
      outputs.set(output, input.path);
    }
    let taken = 0;
    const admit = async (size: number) => {
      await budget.take(size);
      taken = size;
    };
    try {
      return await planRead(input, output, admit);
    } finally {
      if (taken > 0) budget.give(taken);
    }
  };

  // Reads, checks freshness, analyzes and writes one input: many of these run at once, so the
  // annotation file is written here, and only the reporting (emit) goes in input order.
  const planRead = async (input: Input, output: string | null, admit: (size: number) => Promise<void>): Promise<Outcome> => {
    const read = await readBytes(o.fs, input.abs, o.maxBytes, admit);
    if (!read.ok) return { kind: 'error', message: read.message };
    const bytes = read.bytes;
    const header: Header = {
      source: output ? sourceField(input.abs, output) : printedSourceField(input.abs, o.cwd),
      checksum: sourceChecksum(bytes),
      generator: gen,
    };
    let state: HeaderState | null = null;
    let headError: unknown = null;
    if (output) {
      try {
        state = readHeader(await o.fs.readHead(output, HEADER_BYTES));
      } catch (err) {
        headError = err;
      }
    }
    const fresh = state !== null && isFresh(state, header);
    // The same bytes decoded when the annotation was made: no need to decode them again.
    if (fresh && (o.mode === 'check' || !o.force)) return { kind: 'fresh' };
    const decoded = decodeSource(bytes);
    if (!decoded.ok) return { kind: 'error', message: decoded.message };
    if (output) {
      const code = errorCode(headError);
      if (code === 'EISDIR') return { kind: 'error', message: fatal('E_OUTPUT_NOT_FILE', show(output)) };
      if (headError !== null && code !== 'ENOENT') return { kind: 'error', message: fatal('E_WRITE', show(output), describeError(headError)) };
      if (state?.kind === 'foreign') return { kind: 'error', message: fatal('E_FOREIGN', show(output)) };
      if (o.mode === 'check') {
        return state ? { kind: 'check', missing: false, message: warning('W_STALE', show(output)) } : { kind: 'check', missing: true, message: warning('W_MISSING', show(output)) };
      }
    }
    const size = bytes.length;
    const result = await getAnnotator().annotate({ path: input.path, text: decoded.text, header, format: o.format, referenceDate: o.referenceDate });
    if (!result.ok) return { kind: 'error', message: result.message };
    let written: WriteStatus | null = null;
    if (output !== null) {
      await sweeper.sweep(output);
      written = await writeIfChanged(o.fs, output, result.data, state !== null, o.pid, folders);
    }
    // Written already: the data is kept only when it is to be printed.
    return { kind: 'done', counts: result.counts, data: output === null ? result.data : '', output, written, bytes: size };
  };

  // Shown paths of outputs: relative to cwd when the input's path was.
  const show = (abs: string): string => {
    const rel = path.relative(o.cwd, abs);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
  };

  const emit = async (input: Input, outcome: Outcome): Promise<void> => {
    switch (outcome.kind) {
      case 'error':
        stats.failed++;
        o.reporter.error(input.path, outcome.message);
        break;
      case 'fresh':
        stats.skipped++;
        break;
      case 'own-output':
        stats.files--;
        break;
      case 'check':
        if (outcome.missing) stats.missing++;
        else stats.stale++;
        o.reporter.finding(input.path, outcome.message);
        break;
      case 'done': {
        stats.analyzedBytes += outcome.bytes;
        if (outcome.output === null) {
          // YAML documents in one stream are separated by ---; json objects follow each other (jq reads them).
          await o.out(o.format === 'yaml' && docIndex > 0 ? `---\n${outcome.data}` : outcome.data);
          docIndex++;
          stats.printed++;
        } else {
          const status = outcome.written!;
          if (status !== 'written' && status !== 'unchanged') {
            stats.failed++;
            o.reporter.error(input.path, fatal('E_WRITE', show(outcome.output), status.error));
            break;
          }
          if (status === 'written') stats.written++;
          else stats.unchanged++;
        }
        const [people, organizations, places, dates] = outcome.counts;
        stats.people += people;
        stats.organizations += organizations;
        stats.places += places;
        stats.dates += dates;
        break;
      }
    }
  };

  const window = WINDOW;
  const pending: { input: Input; outcome: Promise<Outcome> }[] = [];
  let done = 0;
  const settle = async () => {
    const head = pending.shift()!;
    await emit(head.input, await head.outcome);
    o.reporter.progress(++done, inputs.length, head.input.path);
  };
  try {
    for (const input of inputs) {
      const outcome = plan(input).catch((err: unknown): Outcome => ({ kind: 'error', message: fatal('E_ANALYZE', describeError(err)) }));
      pending.push({ input, outcome });
      if (pending.length >= window) await settle();
    }
    while (pending.length > 0) await settle();
  } finally {
    if (annotator) await (annotator as Annotator).close();
  }
  stats.elapsedMs = o.now() - started;
  return stats;
}

/** Writes only when the bytes differ from the existing file. */
async function writeIfChanged(fs: FsAdapter, output: string, data: string, existing: boolean, pid: number, folders: FolderMaker): Promise<WriteStatus> {
  try {
    if (existing) {
      const current = await fs.readFile(output).catch(() => null);
      if (current && current.equals(Buffer.from(data, 'utf8'))) return 'unchanged';
    }
    await writeAtomic(fs, output, data, pid, folders);
    return 'written';
  } catch (err) {
    return { error: describeError(err) };
  }
}
