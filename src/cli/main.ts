/**
 * The command line: argv in, exit code out. Never calls process.exit; everything from the
 * process comes through `io`. Exit codes: 0 ok, 1 --check found missing/stale annotations,
 * 2 usage error or some file could not be read, annotated or written (the worst code wins).
 */
import type { Stats } from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { fatal, messageText, warning } from '../core/messages.js';
import { sourceChecksum } from '../core/fingerprint.js';
import { escapeControls } from '../core/quote.js';
import type { FurnitureMode } from '../core/types.js';
import { errorCode } from '../fs/adapter.js';
import { discover } from '../fs/discover.js';
import { shownPath } from '../fs/paths.js';
import { decodeSource, MB } from '../fs/read.js';
import type { Format } from '../fs/output.js';
import { annotateInputs, generator, jobRulesOf } from '../run/annotate.js';
import { ConfigProblem, ConfigResolver, type FileConfig } from '../config/index.js';
import { chalkFor, colorLevel, type ColorChoice } from '../report/color.js';
import { emptyStats, Reporter, type Mode } from '../report/reporter.js';
import { OutputClosed, signalExitCode, writer, type Io } from './io.js';
import { VERSION } from './version.js';

export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_ERROR = 2;

/** A usage error found after commander parsed the arguments. */
class UsageError extends Error {}

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    if (argv[0] === 'eval') return await evalCommand(argv.slice(1), io);
    if (argv[0] === 'show') return await showCommand(argv.slice(1), io);
    if (argv[0] === 'diff') return await (await import('./diff.js')).diffCommand(argv.slice(1), io, (name) => baseProgram(name, io));
    if (argv[0] === 'site-lines') return await (await import('./site-lines.js')).siteLinesCommand(argv.slice(1), io, (name) => baseProgram(name, io));
    if (argv[0] === 'textconv') return await (await import('./diff.js')).textconvCommand(argv.slice(1), io, (name) => baseProgram(name, io));
    return await annotateCommand(argv, io);
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander has printed its one line (or the help/version text) already.
      return err.exitCode === 0 ? EXIT_OK : EXIT_ERROR;
    }
    // The reader of stdout went away (annotate ... | head): stop quietly, like other filters.
    if (err instanceof OutputClosed) return EXIT_OK;
    if (err instanceof UsageError) {
      io.stderr.write(`error: ${escapeControls(err.message)}\n`);
      return EXIT_ERROR;
    }
    // A bug: still one line, no stack trace for the user.
    io.stderr.write(`error: ${escapeControls(err instanceof Error ? err.message : String(err))} (this is a bug in annotate, please report it)\n`);
    return EXIT_ERROR;
  }
}

function baseProgram(name: string, io: Io): Command {
  return new Command(name)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s.split('\n').map(escapeControls).join('\n')),
      // commander reads process.stdout.columns; a fixed width keeps help the same everywhere.
      getOutHelpWidth: () => 80,
      getErrHelpWidth: () => 80,
    })
    .helpOption('-h, --help', 'show this help');
}

interface AnnotateOpts {
  glob: string;
  outDir?: string;
  stdout?: boolean;
  format: string;
  check?: boolean;
  force?: boolean;
  jobs?: string;
  referenceDate?: string;
  furniture: FurnitureMode;
  maxSize: string;
  quiet?: boolean;
  color?: boolean;
  followSymlinks?: boolean;
  /** A path (--config), false (--no-config), or undefined: find the nearest. */
  config?: string | false;
  verbose?: boolean;
}

function annotateProgram(io: Io): Command {
  return baseProgram('annotate', io)
    .description('Find the people, organizations, places and dates in news articles and write them as YAML next to each file.')
    .usage('[options] [paths...]\n       annotate show [options] <file>\n       annotate diff [options] <a> <b>\n       annotate eval [args...]')
    .version(VERSION, '-V, --version', 'print the version')
    .argument('[paths...]', 'files and folders to annotate; - reads one document from stdin', ['.'])
    .option('--glob <pattern>', 'files to take inside folders', '**/*.txt')
    .option('--out-dir <dir>', 'write annotations under DIR (same tree) instead of next to each file')
    .option('--stdout', 'print annotations instead of writing files')
    .addOption(new Option('--format <format>', 'output format (json files are written as .json; jsonl prints one document per line)').choices(['yaml', 'json', 'jsonl']).default('yaml'))
    .option('--check', 'write nothing; list missing or out-of-date annotations, exit 1 if any')
    .option('--force', 'annotate even files whose annotation is up to date')
    .option('-j, --jobs <n>', `parallel workers (default: the number of CPUs, ${io.cpus} here)`)
    .option('--reference-date <YYYY-MM-DD>', 'anchor for relative dates when an article states no date of its own')
    .addOption(
      new Option('--furniture <mode>', 'mentions in page furniture (menus, teasers, captions, comments): listed under furniture:, kept with the article\'s, or dropped')
        .choices(['separate', 'keep', 'drop'])
        .default('separate'),
    )
    .option('--max-size <MB>', 'skip (with an error) files larger than this many megabytes', '10')
    .option('--follow-symlinks', 'follow symbolic links that lead out of the paths given (skipped by default)')
    .option('--config <path>', 'use this config for every file (default: the nearest annotate.config.yaml or .annotaterc.yaml)')
    .option('--no-config', 'use no config file')
    .option('--verbose', "also say which of the config's names occur in none of the files annotated")
    .option('-q, --quiet', 'print errors only')
    .option('--color', 'force colour on stderr')
    .option('--no-color', 'no colour')
    .addHelpText(
      'after',
      `
Commands:
  annotate show <file>   the article with its entities highlighted (see annotate show --help)
  annotate eval [args]   score the engine against gold data (see annotate eval --help)
  annotate diff <a> <b>  compare two annotation files or folders by entity (see annotate diff --help)
  annotate textconv <f>  the offset-free view of an annotation, for git diff

Exit status: 0 ok; 1 --check found missing or out-of-date annotations; 2 usage error, or a file
could not be read, annotated or written.`,
    );
}

/**
 * --jobs, capped at the number of CPUs: more workers cannot run at once, and each holds its own
 * copy of the NLP (about 50 MB), so 64 on two CPUs cost 3 GB for nothing. `capped` is set when
 * the number asked for was lowered.
 */
function validateJobs(value: string | undefined, cpus: number): { jobs: number; capped: boolean } {
  const max = Math.max(1, cpus);
  if (value === undefined) return { jobs: max, capped: false };
  if (!/^[1-9][0-9]*$/.test(value.trim())) throw new UsageError(messageText('E_BAD_JOBS', value));
  const n = Number(value);
  return n > max ? { jobs: max, capped: true } : { jobs: n, capped: false };
}

/**
 * A glob only chooses files inside the folders given: one that could climb out of them (../x,
 * /abs) would read, and write annotations, outside the corpus and --out-dir.
 */
function validateGlob(value: string): string {
  const why =
    value.trim() === '' ? 'not empty' : value.startsWith('/') ? 'not an absolute path' : value.split('/').includes('..') ? 'without .. (it cannot leave the folder)' : null;
  if (why !== null) throw new UsageError(messageText('E_BAD_GLOB', value, why));
  return value;
}

export function validateDate(value: string | undefined): string | null {
  if (value === undefined) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
    if (days !== undefined && d >= 1 && d <= days) return value;
  }
  throw new UsageError(messageText('E_BAD_DATE', value));
}

function validateMaxSize(value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(n > 0)) throw new UsageError(messageText('E_BAD_SIZE', value));
  return Math.floor(n * MB);
}

function colorChoice(color: boolean | undefined): ColorChoice {
  return color === true ? 'always' : color === false ? 'never' : 'auto';
}

async function annotateCommand(argv: string[], io: Io): Promise<number> {
  const program = annotateProgram(io);
  let parsedPaths: string[] = [];
  program.action((paths: string[]) => {
    parsedPaths = paths;
  });
  await program.parseAsync(argv, { from: 'user' });
  const opts = program.opts<AnnotateOpts>();
  const paths = parsedPaths.length > 0 ? parsedPaths : ['.'];
  const stdin = paths.includes('-');
  const format = opts.format as Format;

  // Conflicts first, before any work, in one phrasing.
  const conflicts: [boolean, string, string][] = [
    [!!opts.check && !!opts.stdout, '--check', '--stdout'],
    [!!opts.check && format === 'jsonl', '--check', '--format jsonl'],
    [!!opts.check && stdin, '--check', '- (stdin)'],
    [!!opts.check && !!opts.force, '--check', '--force'],
    [opts.outDir !== undefined && !!opts.stdout, '--out-dir', '--stdout'],
    [opts.outDir !== undefined && format === 'jsonl', '--out-dir', '--format jsonl'],
    [opts.outDir !== undefined && stdin, '--out-dir', '- (stdin)'],
    [!!opts.verbose && !!opts.quiet, '--verbose', '--quiet'],
  ];
  for (const [bad, a, b] of conflicts) if (bad) throw new UsageError(messageText('E_CONFLICT', a, b));
  if (stdin && paths.length > 1) throw new UsageError(messageText('E_STDIN_WITH_PATHS'));
  const glob = validateGlob(opts.glob);
  const { jobs, capped } = validateJobs(opts.jobs, io.cpus);
  const referenceDate = validateDate(opts.referenceDate);
  const maxBytes = validateMaxSize(opts.maxSize);

  const mode: Mode = opts.check ? 'check' : opts.stdout || format === 'jsonl' || stdin ? 'stdout' : 'write';
  const level = colorLevel(colorChoice(opts.color), io.stderrIsTTY, io.env);
  const reporter = new Reporter({ stderr: io.stderr, chalk: chalkFor(level), quiet: !!opts.quiet, progress: io.stderrIsTTY });
  const out = writer(io.stdout);
  if (capped) reporter.warning('--jobs', warning('W_JOBS_CAPPED', opts.jobs!.trim(), jobs));
  const configs = configResolver(io, opts.config);

  if (stdin) {
    if (loadConfigs(configs, [io.cwd], reporter) === null) return EXIT_ERROR;
    return annotateStdin(io, { format, referenceDate, furniture: opts.furniture, maxBytes, reporter, out, now: () => io.now(), config: configs.forStdin(io.cwd) });
  }

  if (opts.outDir?.trim() === '') throw new UsageError(messageText('E_OUT_DIR_EMPTY'));
  const outDir = opts.outDir !== undefined ? path.resolve(io.cwd, opts.outDir) : null;
  if (outDir !== null) checkOutDir(io, opts.outDir!, outDir);
  const found = discover(paths, { cwd: io.cwd, glob, fs: io.fs, exclude: outDir ? [outDir] : [], followSymlinks: !!opts.followSymlinks });
  for (const issue of found.issues) {
    if (issue.message.fatal) reporter.error(issue.path, issue.message);
    else reporter.warning(issue.path, issue.message);
  }
  // Every config is read and checked before any file is written: a bad one stops the run.
  // A config named with --config is checked even when no file is found.
  const folders = [...(typeof opts.config === 'string' ? [io.cwd] : []), ...found.inputs.map((i) => path.dirname(i.abs))];
  if (loadConfigs(configs, folders, reporter) === null) return EXIT_ERROR;
  const signals = mode === 'check' ? null : io.trapSignals();
  let stats;
  try {
    stats = await annotateInputs(found.inputs, {
    mode,
    format,
    outDir,
    force: !!opts.force,
    jobs,
    referenceDate,
    furniture: opts.furniture,
    maxBytes,
    fs: io.fs,
    cwd: io.cwd,
    pid: io.pid,
    processAlive: (pid) => io.processAlive(pid),
    time: () => io.time(),
    interrupted: () => signals?.signal() ?? null,
    out,
    reporter,
    now: () => io.now(),
    configFor: (abs) => configs.forFile(abs),
    verbose: !!opts.verbose,
  });
  } finally {
    signals?.release();
  }
  for (const issue of found.issues) {
    if (issue.message.id === 'W_LINK_OUTSIDE') stats.linksSkipped++;
    else if (!issue.message.fatal) continue;
    else if (issue.message.id === 'E_NO_MATCH') stats.unmatched++;
    else stats.unsearched++;
  }
  reporter.summary(mode, stats);
  if (stats.interrupted !== null) return signalExitCode(stats.interrupted);
  if (stats.failed + stats.unsearched + stats.unmatched > 0) return EXIT_ERROR;
  if (stats.missing + stats.stale + stats.modified > 0) return EXIT_CHECK_FAILED;
  return EXIT_OK;
}

function configResolver(io: Io, option: string | false | undefined): ConfigResolver {
  if (typeof option === 'string' && option.trim() === '') throw new UsageError(messageText('E_CONFIG_EMPTY'));
  return new ConfigResolver(io.fs, { explicit: typeof option === 'string' ? path.resolve(io.cwd, option) : null, disabled: option === false }, (abs) => shownPath(io.cwd, abs));
}

/**
 * Loads the configs of these folders (each once), reporting every problem as `file:line:col:
 * what to do`. Null when any config cannot be used.
 */
function loadConfigs(configs: ConfigResolver, folders: Iterable<string>, reporter: Reporter): true | null {
  const seen = new Set<string>();
  const reported = new Set<string>();
  let ok = true;
  for (const dir of folders) {
    if (seen.has(dir)) continue;
    seen.add(dir);
    try {
      configs.forFolder(dir);
    } catch (err) {
      if (!(err instanceof ConfigProblem)) throw err;
      ok = false;
      if (reported.has(err.where)) continue;
      reported.add(err.where);
      reporter.error(err.where, err.unreadable ? fatal('E_CONFIG_READ', err.problem) : fatal('E_CONFIG', err.problem));
    }
  }
  return ok ? true : null;
}

/**
 * An --out-dir that cannot be a folder fails every write with ENOTDIR: say so once, up front.
 * One that is missing is created; other errors (permissions) are reported per file as usual.
 */
function checkOutDir(io: Io, given: string, abs: string): void {
  let isDir: boolean;
  try {
    isDir = io.fs.stat(abs).isDirectory();
  } catch (err) {
    if (errorCode(err) === 'ENOTDIR') throw new UsageError(messageText('E_OUT_DIR_NOT_DIR', given, 'is below a file'));
    return;
  }
  if (!isDir) throw new UsageError(messageText('E_OUT_DIR_NOT_DIR', given, 'is a file'));
}

async function annotateStdin(
  io: Io,
  o: { format: Format; referenceDate: string | null; furniture: FurnitureMode; maxBytes: number; reporter: Reporter; out: (s: string) => Promise<void>; now: () => number; config: FileConfig | null },
): Promise<number> {
  const started = o.now();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    size += buf.length;
    if (size > o.maxBytes) {
      const mb = (n: number) => (Math.round((n / MB) * 10) / 10).toString();
      o.reporter.error('-', fatal('E_TOO_LARGE', `more than ${mb(o.maxBytes)} MB`, `${mb(o.maxBytes)} MB`, String(Math.ceil((o.maxBytes * 2) / MB))));
      return EXIT_ERROR;
    }
    chunks.push(buf);
  }
  const bytes = Buffer.concat(chunks);
  const decoded = decodeSource(bytes);
  if (!decoded.ok) {
    o.reporter.error('-', decoded.message);
    return EXIT_ERROR;
  }
  const header = { source: '-', checksum: sourceChecksum(bytes), generator: generator(o.referenceDate, o.config, o.furniture) };
  // Loaded here: a run over files that are all up to date never needs the code that annotates.
  const { inlineAnnotator } = await import('../run/analyzer.js');
  const result = await inlineAnnotator().annotate({ path: '-', text: decoded.text, header, format: o.format, referenceDate: o.referenceDate, furniture: o.furniture, rules: jobRulesOf(o.config) });
  if (!result.ok) {
    o.reporter.error('-', result.message);
    return EXIT_ERROR;
  }
  await o.out(result.data);
  const stats = emptyStats();
  Object.assign(stats, { files: 1, printed: 1, analyzedBytes: bytes.length, elapsedMs: o.now() - started });
  [stats.people, stats.organizations, stats.places, stats.dates] = result.counts;
  o.reporter.summary('stdout', stats);
  return EXIT_OK;
}

interface ShowOpts {
  config?: string | false;
  outDir?: string;
  referenceDate?: string;
  maxSize: string;
  color?: boolean;
}

async function showCommand(argv: string[], io: Io): Promise<number> {
  const program = baseProgram('annotate show', io)
    .description('Print the article with each mention highlighted in a colour per type, or marked [Paris]{place} when colour is off. Uses the annotation file when it is up to date, else annotates on the fly (writing nothing).')
    .argument('<file>', 'the article (.txt)')
    .option('--out-dir <dir>', 'where its annotation was written, if not next to it')
    .option('--reference-date <YYYY-MM-DD>', 'as for annotate, when computing on the fly')
    .option('--max-size <MB>', 'largest file to read, in megabytes', '10')
    .option('--config <path>', 'as for annotate: the config to use')
    .option('--no-config', 'as for annotate: use no config file')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour: mark mentions as [text]{type}');
  let file = '';
  program.action((f: string) => {
    file = f;
  });
  await program.parseAsync(argv, { from: 'user' });
  const opts = program.opts<ShowOpts>();
  // A folder is fine for annotate but not here: say so rather than "give a file or a folder".
  let stats: Stats | null = null;
  try {
    stats = io.fs.stat(path.resolve(io.cwd, file));
  } catch {
    // reported by showAnalysis, as for any unreadable file
  }
  if (stats && !stats.isFile()) throw new UsageError(messageText('E_SHOW_NOT_FILE', file, stats.isDirectory() ? 'a folder' : 'not a regular file'));
  if (opts.outDir?.trim() === '') throw new UsageError(messageText('E_OUT_DIR_EMPTY'));
  const referenceDate = validateDate(opts.referenceDate);
  const maxBytes = validateMaxSize(opts.maxSize);
  const errLevel = colorLevel(colorChoice(opts.color), io.stderrIsTTY, io.env);
  const reporter = new Reporter({ stderr: io.stderr, chalk: chalkFor(errLevel), quiet: false, progress: false });
  const configs = configResolver(io, opts.config);
  const abs = path.resolve(io.cwd, file);
  if (loadConfigs(configs, [path.dirname(abs)], reporter) === null) return EXIT_ERROR;
  const { showAnalysis } = await import('../run/show.js');
  const { highlight, legend } = await import('../report/highlight.js');
  const result = await showAnalysis(file, {
    fs: io.fs,
    cwd: io.cwd,
    outDir: opts.outDir !== undefined ? path.resolve(io.cwd, opts.outDir) : null,
    referenceDate,
    maxBytes,
    config: configs.forFile(abs),
  });
  if (!result.ok) {
    reporter.error(file, result.message);
    return EXIT_ERROR;
  }
  const level = colorLevel(colorChoice(opts.color), io.stdoutIsTTY, io.env);
  const chalk = level > 0 ? chalkFor(level) : null;
  const out = writer(io.stdout);
  await out(legend(chalk));
  await out('\n');
  await out(highlight(result.text, result.analysis, chalk));
  return EXIT_OK;
}

async function evalCommand(argv: string[], io: Io): Promise<number> {
  const level = colorLevel('auto', io.stdoutIsTTY, io.env);
  // Loaded only for eval: it may pull in the NLP and gold-set readers, which other commands do not need.
  const { runEval } = await import('../eval/index.js');
  return runEval(argv, { cwd: io.cwd, stdout: io.stdout, stderr: io.stderr, color: level > 0 });
}
