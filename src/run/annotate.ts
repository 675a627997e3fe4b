/**
 * The default command's engine: plan each input (missing / stale / fresh), run the NLP where
 * needed, and emit results strictly in input order. At most `window` inputs are in flight, so
 * memory stays bounded however large the corpus; only this (main) thread writes files.
 */
import * as path from 'node:path';
import type { FurnitureMode, Message } from '../core/types.js';
import { fatal, warning } from '../core/messages.js';
import { generatorLine, sourceChecksum } from '../core/fingerprint.js';
import { errorCode, describeError, NotRegularFile, writeAdvice, type FsAdapter, type OpenFile } from '../fs/adapter.js';
import type { Input } from '../fs/discover.js';
import { shownPath } from '../fs/paths.js';
import { decodeSource, openSource, readBytes } from '../fs/read.js';
import { FolderMaker, outputPath, printedSourceField, sourceField, TempSweeper, writeAtomic, WriteBounds, type Format } from '../fs/output.js';
import type { Header } from '../serialize/record.js';
import { HEADER_BYTES, isFresh, readHeader, type HeaderState } from '../serialize/header.js';
import { checkIntegrity } from '../serialize/digest.js';
import { emptyStats, type Mode, type Reporter, type Stats } from '../report/reporter.js';
import type { Annotator, EntityCounts, JobRules } from './analyzer.js';
import { ByteBudget } from './budget.js';
import { cachedEngineFingerprint } from './engine-cache.js';
import { ENGINE_VERSION } from '../core/engine-version.js';
import type { FileConfig, LoadedConfig } from '../config/index.js';

export interface RunOptions {
  mode: Mode;
  format: Format;
  /** Absolute, or null to write next to each source. */
  outDir: string | null;
  force: boolean;
  jobs: number;
  referenceDate: string | null;
  /** --furniture: where mentions in page furniture go. */
  furniture: FurnitureMode;
  maxBytes: number;
  fs: FsAdapter;
  /** For showing output paths relative to where the user is, and `source:` when printing. */
  cwd: string;
  /** Used only to name temporary files. */
  pid: number;
  /** Whether a process is running: a temporary file of a dead one is removed (fs/output.ts). */
  processAlive: (pid: number) => boolean;
  /** Wall-clock milliseconds, only to tell a stray temporary file's age. */
  time: () => number;
  /** The signal that asked the run to stop (SIGINT, SIGTERM...), or null: no new input is started after one. */
  interrupted: () => string | null;
  /** Data (stdout) sink; awaited for backpressure. */
  out: (chunk: string) => Promise<void>;
  reporter: Reporter;
  now: () => number;
  /** What the project's config says about a source (absolute path); all configs are loaded already. */
  configFor?: (abs: string) => FileConfig | null;
  /** Say which names of a config occur in none of the files annotated (--verbose). */
  verbose?: boolean;
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

/**
 * With the NLP on the main thread (--jobs 1), annotations are written this many at a time.
 * Creating a file cost 0.1 ms in a tight loop on this machine's ext4 but 0.3 to 0.6 ms between
 * two texts' NLP when the machine was busy: written in batches, the 2,618 shared texts took 0.1
 * to 1.2 s less then (system time 1 to 2 s), and the same when file creation was cheap. With
 * workers, the main thread writes each at once, so that it is free to hand the next text to a
 * worker.
 */
export const WRITE_BATCH = 32;
export const TEXT_BUDGET_BYTES = 32 * 1024 * 1024;

/**
 * Bytes first read from an existing annotation. Its four header lines fit in that much unless
 * the source path is very long, and splitting HEADER_BYTES (4 KB) into lines for every file was
 * a quarter of what a re-run allocates. A head that does not show the file fresh is read again
 * in full, so a cut line can only cost a second read, never a wrong answer: a value cut short
 * never equals the expected one.
 */
const QUICK_HEAD_BYTES = 512;

type Outcome =
  | { kind: 'error'; message: Message }
  /** The input is one of our own annotations (picked by a wide --glob): not an input at all. */
  | { kind: 'own-output' }
  | { kind: 'fresh' }
  | { kind: 'check'; message: Message; missing: boolean; modified?: boolean }
  /** Analyzed; `written` is how the annotation file went (null when printing instead). */
  | { kind: 'done'; counts: EntityCounts; data: string; output: string | null; written: WriteStatus | null; bytes: number; modified: string | null; warnings: Message[] };

/** What annotate needs to analyze an input that was read and found not up to date. */
interface Ready {
  text: string;
  header: Header;
  config: FileConfig | null;
  existing: boolean;
  size: number;
  /** Why the old annotation is not what annotate wrote (see serialize/digest.ts), or null. */
  modified: string | null;
}

type WriteStatus = 'written' | 'unchanged' | { error: string; advice: string };

/**
 * The `generator:` line. The engine fingerprint only hashes the engine's files (and is cached
 * while they are unchanged), so re-runs and --check never load the model on this thread.
 */
export function generator(referenceDate: string | null, config?: FileConfig | null, furniture: FurnitureMode = 'separate'): string {
  return generatorLine({
    engineVersion: ENGINE_VERSION,
    engineData: cachedEngineFingerprint(),
    referenceDate,
    config: config?.key,
    furniture: furniture === 'separate' ? undefined : furniture,
  });
}

/** generator() for many files: one line per config key. */
export function generators(referenceDate: string | null, furniture: FurnitureMode = 'separate'): (config: FileConfig | null) => string {
  const plain = generator(referenceDate, null, furniture);
  const byKey = new Map<string, string>();
  return (config) => {
    if (config === null) return plain;
    let line = byKey.get(config.key);
    if (line === undefined) byKey.set(config.key, (line = generator(referenceDate, config, furniture)));
    return line;
  };
}

/** The rules a job carries (run/analyzer.ts JobRules). */
export function jobRulesOf(config: FileConfig | null): JobRules | null {
  return config ? { key: config.config.rulesKey, rules: config.config.rules, corrections: config.doc.corrections } : null;
}

/** Warnings for the corrections of a file that found no place in its text. */
export function unusedCorrections(config: FileConfig | null, unused: number[] | undefined, show: (abs: string) => string): Message[] {
  if (!config || !unused) return [];
  return unused.map((i) => warning('W_CORRECTION_UNUSED', `${show(config.config.path)}:${config.correctionAt[i]}`, config.doc.corrections[i]!.text));
}

export async function annotateInputs(inputs: Input[], o: RunOptions): Promise<Stats> {
  const started = o.now();
  const stats = emptyStats();
  stats.files = inputs.length;
  const gen = generators(o.referenceDate, o.furniture);
  const configFor = o.configFor ?? (() => null);
  // For --verbose: the names: entries found in the files each config applied to this run.
  const namesFound = new Map<LoadedConfig, { files: number; found: Set<number> }>();
  // Workers start at the first file that needs the NLP, so a re-run with nothing to do starts
  // none; nor does it load the code that annotates (the pool, the record and its writers).
  let annotator: Promise<Annotator> | null = null;
  const inline = !(o.jobs > 1 && inputs.length >= MIN_FILES_FOR_WORKERS);
  const getAnnotator = (): Promise<Annotator> => {
    annotator ??= inline
      ? import('./analyzer.js').then((m) => m.inlineAnnotator())
      : import('./pool.js').then((m) => m.workerPool(Math.min(o.jobs, inputs.length)));
    return annotator;
  };
  const claims = new OutputClaims((i) => outputPath(inputs[i]!.abs, inputs[i]!.base, o.outDir, o.format));
  const sweeper = new TempSweeper(o.fs, o.pid, o.processAlive, o.time);
  const folders = new FolderMaker(o.fs);
  const bounds = new WriteBounds(o.fs, o.outDir);
  const budget = new ByteBudget(TEXT_BUDGET_BYTES);
  let docIndex = 0;
  // Annotations waiting to be written (see WRITE_BATCH); written before the run waits on anything.
  const writes: { input: Input; output: string; data: string; existing: boolean; done: (status: WriteStatus) => void }[] = [];
  const writeBatch = inline ? WRITE_BATCH : 1;
  const drainWrites = (): void => {
    for (const w of writes.splice(0)) {
      w.done(writeIfChanged(o.fs, w.output, w.data, w.existing, o.pid, folders, (real) => bounds.allows(w.input, real)));
    }
  };
  let drainScheduled = false;
  const write = (input: Input, output: string, data: string, existing: boolean): Promise<WriteStatus> =>
    new Promise<WriteStatus>((done) => {
      writes.push({ input, output, data, existing, done });
      if (writes.length >= writeBatch) drainWrites();
      else if (!drainScheduled) {
        // A batch that does not fill is written as soon as the run has nothing else to do.
        drainScheduled = true;
        setImmediate(() => {
          drainScheduled = false;
          drainWrites();
        });
      }
    });

  /**
   * Plans one input. Everything up to the NLP is synchronous, so an input that is up to date,
   * fails to read or is a --check finding has its outcome at once, without a promise; one that
   * needs the NLP gets a promise of its outcome.
   */
  const plan = (input: Input, index: number): Outcome | Promise<Outcome> => {
    let output: string | null = null;
    if (o.mode !== 'stdout') {
      output = outputPath(input.abs, input.base, o.outDir, o.format);
      if (output === input.abs) {
        let ours = false;
        try {
          ours = readHeader(o.fs.readHead(output, HEADER_BYTES)).kind === 'ours';
        } catch {
          // unreadable: not one of ours as far as we can tell
        }
        return ours ? { kind: 'own-output' } : { kind: 'error', message: fatal('E_OUTPUT_IS_INPUT', show(output)) };
      }
      const first = claims.claim(output, index);
      if (first >= 0) return { kind: 'error', message: fatal('E_SAME_OUTPUT', show(output), inputs[first]!.path) };
    }
    const opened = openSource(o.fs, input.abs, o.maxBytes);
    if (!opened.ok) return { kind: 'error', message: opened.message };
    const file = opened.file;
    // The file's bytes are held from here until its outcome no longer needs them.
    if (budget.tryTake(file.size)) return planTaken(input, output, file);
    return budget.take(file.size).then(() => planTaken(input, output, file));
  };

  /** plan, once the file's size is taken from the budget: gives it back when done with the text. */
  const planTaken = (input: Input, output: string | null, file: OpenFile): Outcome | Promise<Outcome> => {
    const size = file.size;
    let analyzing = false;
    try {
      const ready = check(input, output, file);
      if ('kind' in ready) return ready;
      analyzing = true;
      return annotate(input, output, ready).finally(() => budget.give(size));
    } finally {
      if (!analyzing) budget.give(size);
    }
  };

  /** Reads the source and the old annotation's header: an outcome, or what the NLP needs. */
  const check = (input: Input, output: string | null, file: OpenFile): Outcome | Ready => {
    const read = readBytes(file);
    if (!read.ok) return { kind: 'error', message: read.message };
    const bytes = read.bytes;
    const config = configFor(input.abs);
    const header: Header = {
      source: output ? sourceField(input.abs, output) : printedSourceField(input.abs, o.cwd),
      checksum: sourceChecksum(bytes),
      generator: gen(config),
    };
    let state: HeaderState | null = null;
    let headError: unknown = null;
    let fresh = false;
    if (output && o.mode === 'write') sweeper.sweep(path.dirname(output));
    if (output && !folderWasMissing(path.dirname(output))) {
      try {
        state = readHeader(o.fs.readHead(output, QUICK_HEAD_BYTES));
        fresh = isFresh(state, header);
        if (!fresh) state = readHeader(o.fs.readHead(output, HEADER_BYTES));
      } catch (err) {
        headError = err;
      }
    }
    // A header that is up to date vouches for the file only if the rest is what was written with
    // it. A stale one is rewritten anyway, but a run still says when that loses edits, and
    // --check names a damaged file as such (conflict markers in the header make it look stale).
    const modified = output && state?.kind === 'ours' ? modification(output, fresh) : null;
    // The same bytes decoded when the annotation was made: no need to decode them again.
    if (fresh && modified === null && (o.mode === 'check' || !o.force)) return { kind: 'fresh' };
    const decoded = decodeSource(bytes);
    if (!decoded.ok) return { kind: 'error', message: decoded.message };
    if (output) {
      const code = errorCode(headError);
      if (headError instanceof NotRegularFile) return { kind: 'error', message: fatal('E_OUTPUT_NOT_FILE', show(output), headError.kind) };
      if (code === 'EISDIR') return { kind: 'error', message: fatal('E_OUTPUT_NOT_FILE', show(output), 'a folder') };
      if (code === 'ELOOP') return { kind: 'error', message: fatal('E_OUTPUT_NOT_FILE', show(output), 'a symbolic link') };
      if (headError !== null && code !== 'ENOENT') return { kind: 'error', message: fatal('E_WRITE', show(output), describeError(headError), writeAdvice(headError)) };
      if (state?.kind === 'foreign') return { kind: 'error', message: fatal('E_FOREIGN', show(output)) };
      if (o.mode === 'check') {
        if (modified !== null) return { kind: 'check', missing: false, modified: true, message: warning('W_MODIFIED', show(output), modified) };
        return state ? { kind: 'check', missing: false, message: warning('W_STALE', show(output)) } : { kind: 'check', missing: true, message: warning('W_MISSING', show(output)) };
      }
    }
    return { text: decoded.text, header, config, existing: state !== null, size: bytes.length, modified };
  };

  /**
   * Why an existing annotation is not what annotate wrote, or null. A file without a digest is
   * one of annotate 0.1 when its header is stale (nothing to report), but one that lost its
   * digest line when the header is that of this engine. An unreadable file is left to the write.
   */
  const modification = (output: string, fresh: boolean): string | null => {
    let bytes: Buffer;
    try {
      bytes = o.fs.readFile(output);
    } catch {
      return null;
    }
    const integrity = checkIntegrity(bytes);
    if (integrity.kind === 'damaged') return integrity.why;
    return integrity.kind === 'none' && fresh ? 'its digest line is missing' : null;
  };

  // Analyzes and writes one input: many of these are in flight at once, so the annotation file
  // is written here, and only the reporting (emit) goes in input order.
  const annotate = async (input: Input, output: string | null, ready: Ready): Promise<Outcome> => {
    const result = await (await getAnnotator()).annotate({ path: input.path, text: ready.text, header: ready.header, format: o.format, referenceDate: o.referenceDate, furniture: o.furniture, rules: jobRulesOf(ready.config) });
    if (!result.ok) return { kind: 'error', message: result.message };
    const warnings = unusedCorrections(ready.config, result.unused, show);
    if (ready.config && o.verbose) {
      let seen = namesFound.get(ready.config.config);
      if (!seen) namesFound.set(ready.config.config, (seen = { files: 0, found: new Set() }));
      seen.files++;
      for (const i of result.names ?? []) seen.found.add(i);
    }
    let written: WriteStatus | null = null;
    if (output !== null) {
      written = await write(input, output, result.data, ready.existing);
    }
    // Written already: the data is kept only when it is to be printed.
    return { kind: 'done', counts: result.counts, data: output === null ? result.data : '', output, written, bytes: ready.size, modified: ready.modified, warnings };
  };

  /**
   * Output folders that did not exist when the run first looked (a first run into a new
   * --out-dir): nothing of theirs can be read, and asking for each annotation's header there
   * cost a failed open, with its exception, per file. Only this run writes into them after.
   */
  const missingFolders = new Map<string, boolean>();
  const folderWasMissing = (dir: string): boolean => {
    let missing = missingFolders.get(dir);
    if (missing === undefined) {
      try {
        o.fs.stat(dir);
        missing = false;
      } catch (err) {
        missing = errorCode(err) === 'ENOENT';
      }
      missingFolders.set(dir, missing);
    }
    return missing;
  };

  // Shown paths of outputs: relative to cwd when the input's path was.
  const show = (abs: string): string => shownPath(o.cwd, abs);

  /** Counts and reports one outcome, in input order; returns the annotation to print, if any. */
  const emit = (input: Input, outcome: Outcome): string | null => {
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
        else if (outcome.modified) stats.modified++;
        else stats.stale++;
        o.reporter.finding(input.path, outcome.message);
        break;
      case 'done': {
        stats.analyzedBytes += outcome.bytes;
        for (const w of outcome.warnings) o.reporter.warning(input.path, w);
        let printed: string | null = null;
        if (outcome.output === null) {
          // YAML documents in one stream are separated by ---; json objects follow each other (jq reads them).
          printed = o.format === 'yaml' && docIndex > 0 ? `---\n${outcome.data}` : outcome.data;
          docIndex++;
          stats.printed++;
        } else {
          const status = outcome.written!;
          if (status !== 'written' && status !== 'unchanged') {
            stats.failed++;
            o.reporter.error(input.path, fatal('E_WRITE', show(outcome.output), status.error, status.advice));
            return null;
          }
          if (status === 'written') stats.written++;
          else stats.unchanged++;
          if (status === 'written' && outcome.modified !== null) o.reporter.notice(input.path, warning('W_REWRITTEN', show(outcome.output), outcome.modified));
        }
        const [people, organizations, places, dates] = outcome.counts;
        stats.people += people;
        stats.organizations += organizations;
        stats.places += places;
        stats.dates += dates;
        return printed;
      }
    }
    return null;
  };

  const failed = (err: unknown): Outcome => ({ kind: 'error', message: fatal('E_ANALYZE', describeError(err)) });
  const planSafely = (input: Input, index: number): Outcome | Promise<Outcome> => {
    try {
      const outcome = plan(input, index);
      return outcome instanceof Promise ? outcome.catch(failed) : outcome;
    } catch (err) {
      return failed(err);
    }
  };
  let done = 0;
  const report = async (input: Input, outcome: Outcome): Promise<void> => {
    const printed = emit(input, outcome);
    if (printed !== null) await o.out(printed);
    o.reporter.progress(++done, inputs.length, input.path);
  };
  // Inputs whose outcome is not known yet (the NLP is working on them), in input order, at most
  // WINDOW of them; each is reported once all before it are.
  const pending: { input: Input; outcome: Outcome | Promise<Outcome> }[] = [];
  const flush = async (all: boolean): Promise<void> => {
    while (pending.length > 0 && (all || pending.length >= WINDOW || !(pending[0]!.outcome instanceof Promise))) {
      const head = pending.shift()!;
      // The head may be waiting for its own write.
      if (head.outcome instanceof Promise) drainWrites();
      await report(head.input, await head.outcome);
    }
  };
  try {
    for (const [index, input] of inputs.entries()) {
      // Stopped by a signal: what is in flight is finished (and written whole), nothing new starts.
      if (o.interrupted() !== null) {
        stats.interrupted = o.interrupted();
        break;
      }
      const outcome = planSafely(input, index);
      if (pending.length === 0 && !(outcome instanceof Promise)) {
        // Known at once with nothing waiting before it (every input of a re-run): reported now,
        // without a promise. Such outcomes never print.
        emit(input, outcome);
        o.reporter.progress(++done, inputs.length, input.path);
      } else {
        pending.push({ input, outcome });
        await flush(false);
      }
    }
    await flush(true);
  } finally {
    if (annotator) await (await (annotator as Promise<Annotator>)).close();
  }
  for (const [config, seen] of namesFound) {
    config.rules.names.forEach((n, i) => {
      if (!seen.found.has(i)) o.reporter.warning(`${show(config.path)}:${config.position(config.nameAt[i]!)}`, warning('W_NAME_UNUSED', n.name, seen.files));
    });
  }
  stats.elapsedMs = o.now() - started;
  return stats;
}

/**
 * Which input claimed each output path first, to report two inputs with one annotation. Kept by
 * a hash of the path, with the input's index: a Map of the paths themselves was 18 MB of a run
 * over 100,000 files. A hash shared by two different paths keeps those paths.
 */
export class OutputClaims {
  private readonly byHash = new Map<number, number>();
  private readonly collided = new Map<string, number>();

  /** `outputOf(index)` gives back the output path of an input that claimed one. */
  constructor(private readonly outputOf: (index: number) => string) {}

  /** The index of the input that claimed `output` before, or -1 (it is then claimed for `index`). */
  claim(output: string, index: number): number {
    const hash = fnv1a(output);
    const first = this.byHash.get(hash);
    if (first === undefined) {
      this.byHash.set(hash, index);
      return -1;
    }
    if (this.outputOf(first) === output) return first;
    const other = this.collided.get(output);
    if (other !== undefined) return other;
    this.collided.set(output, index);
    return -1;
  }
}

/** 32-bit FNV-1a of a string's code units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Writes only when the bytes differ from the existing file. */
function writeIfChanged(
  fs: FsAdapter, output: string, data: string, existing: boolean, pid: number, folders: FolderMaker, allowed: (realDir: string) => boolean,
): WriteStatus {
  try {
    if (existing) {
      let current: Buffer | null = null;
      try {
        current = fs.readFile(output);
      } catch {
        // unreadable now: write it
      }
      if (current && current.equals(Buffer.from(data, 'utf8'))) return 'unchanged';
    }
    writeAtomic(fs, output, data, pid, folders, allowed);
    return 'written';
  } catch (err) {
    return { error: describeError(err), advice: writeAdvice(err) };
  }
}
