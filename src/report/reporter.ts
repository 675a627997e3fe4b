/**
 * Everything annotate says on stderr: error lines (`path: what went wrong`), --check findings,
 * progress (only on a terminal) and the one-line summary.
 */
import type { ChalkInstance } from 'chalk';
import type { Message } from '../core/types.js';
import { escapeControls, quotePath } from '../core/quote.js';

export interface TextSink {
  write(chunk: string): unknown;
}

export interface Stats {
  files: number;
  written: number;
  unchanged: number;
  skipped: number;
  /** Files that could not be read, annotated or written (each is one of `files`). */
  failed: number;
  /**
   * Paths given or met while searching that yielded no files: missing paths, folders that
   * cannot be listed, symbolic link loops. Not files, so not in `files` or `failed`.
   */
  unsearched: number;
  /** Folders searched in which no file matched the glob. */
  unmatched: number;
  /** Symbolic links skipped because they lead out of the paths given (a warning, not a failure). */
  linksSkipped: number;
  missing: number;
  stale: number;
  /** Annotations whose header is up to date but whose bytes are not what annotate wrote. */
  modified: number;
  printed: number;
  people: number;
  organizations: number;
  places: number;
  dates: number;
  /** Bytes of the sources that went through the NLP. */
  analyzedBytes: number;
  /** Milliseconds from start to end (for throughput only; never part of any output file). */
  elapsedMs: number;
  /** The signal that stopped the run before every file was done, if any. */
  interrupted: string | null;
}

export function emptyStats(): Stats {
  return { files: 0, written: 0, unchanged: 0, skipped: 0, failed: 0, unsearched: 0, unmatched: 0, linksSkipped: 0, missing: 0, stale: 0, modified: 0, printed: 0, people: 0, organizations: 0, places: 0, dates: 0, analyzedBytes: 0, elapsedMs: 0, interrupted: null };
}

export type Mode = 'write' | 'stdout' | 'check';

export interface ReporterOptions {
  stderr: TextSink;
  chalk: ChalkInstance;
  quiet: boolean;
  /** Progress is drawn only when stderr is a terminal. */
  progress: boolean;
}

export class Reporter {
  private progressShown = false;
  private lastDraw = -1;

  constructor(private readonly options: ReporterOptions) {}

  /** A failure: always printed, even with --quiet. */
  error(path: string, message: Message): void {
    this.clearProgress();
    const c = this.options.chalk;
    this.options.stderr.write(`${c.bold(quotePath(path))}: ${c.red(escapeControls(message.text))}\n`);
  }

  /** A --check finding (missing or stale): the result of --check, so printed even with --quiet. */
  finding(path: string, message: Message): void {
    this.clearProgress();
    const c = this.options.chalk;
    this.options.stderr.write(`${c.bold(quotePath(path))}: ${c.yellow(escapeControls(message.text))}\n`);
  }

  /** Something skipped on purpose (not a failure): not printed with --quiet. */
  warning(path: string, message: Message): void {
    if (this.options.quiet) return;
    this.clearProgress();
    const c = this.options.chalk;
    this.options.stderr.write(`${c.bold(quotePath(path))}: ${c.yellow(escapeControls(message.text))}\n`);
  }

  /** Something the user should know although the run went on (a modified annotation rewritten): printed even with --quiet. */
  notice(path: string, message: Message): void {
    this.finding(path, message);
  }

  progress(done: number, total: number, path: string): void {
    if (!this.options.progress || this.options.quiet) return;
    // Redraw at most ~100 times per run, and on the last file.
    const step = Math.max(1, Math.floor(total / 100));
    if (done !== total && done - this.lastDraw < step) return;
    this.lastDraw = done;
    const line = `annotate: ${done}/${total} ${quotePath(path)}`;
    this.options.stderr.write(`\r\x1b[2K${line.length > 100 ? `${line.slice(0, 99)}…` : line}`);
    this.progressShown = true;
  }

  clearProgress(): void {
    if (this.progressShown) {
      this.options.stderr.write('\r\x1b[2K');
      this.progressShown = false;
    }
  }

  summary(mode: Mode, stats: Stats): void {
    this.clearProgress();
    if (this.options.quiet) return;
    this.options.stderr.write(`${summaryLine(mode, stats)}\n`);
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Problems with the paths themselves, kept apart from the file counts so that "N files, M
 * failed" never counts a failure that is not one of the N files.
 */
function pathProblems(s: Stats): string {
  const parts: string[] = [];
  if (s.unsearched) parts.push(`${plural(s.unsearched, 'path')} could not be searched`);
  if (s.unmatched) parts.push(`${plural(s.unmatched, 'folder')} had no matching files`);
  if (s.linksSkipped) parts.push(`${plural(s.linksSkipped, 'symbolic link')} out of the paths given skipped`);
  return parts.length ? `; ${parts.join(', ')}` : '';
}

/** The one-line summary (plain text; no colour so it reads the same in logs). */
export function summaryLine(mode: Mode, s: Stats): string {
  const parts: string[] = [];
  const files = plural(s.files, 'file');
  if (mode === 'check') {
    const bad = s.missing + s.stale + s.modified;
    parts.push(`${files} checked`);
    const modified = s.modified ? `, ${s.modified} modified` : '';
    parts.push(bad === 0 ? 'all annotations up to date' : `${s.missing} missing, ${s.stale} out of date${modified} (run annotate without --check to update them)`);
    if (s.failed) parts.push(`${s.failed} failed`);
    const cut = s.interrupted !== null ? `; interrupted by ${s.interrupted} before every file was checked` : '';
    return `annotate: ${parts.join(', ')}${pathProblems(s)}${cut}`;
  }
  const entities = `${plural(s.people, 'person', 'people')}, ${plural(s.organizations, 'organization')}, ${plural(s.places, 'place')}, ${plural(s.dates, 'date')}`;
  if (mode === 'stdout') {
    parts.push(`${files}: ${s.printed} printed`);
  } else {
    parts.push(`${files}: ${s.written} written, ${s.unchanged} unchanged, ${s.skipped} skipped (up to date)`);
  }
  parts.push(`${s.failed} failed`);
  let line = `annotate: ${parts.join(', ')}${pathProblems(s)}`;
  if (s.written + s.unchanged + s.printed > 0) line += `; ${entities}`;
  if (s.analyzedBytes > 0) {
    const mb = s.analyzedBytes / (1024 * 1024);
    const secs = Math.max(s.elapsedMs, 1) / 1000;
    line += `; ${mb.toFixed(2)} MB in ${secs.toFixed(1)} s (${(mb / secs).toFixed(2)} MB/s)`;
  }
  if (s.interrupted !== null) return `${line}; interrupted by ${s.interrupted}: the files not reached were left as they were, run again to finish`;
  if (mode === 'write' && s.written === 0 && s.failed + s.unsearched + s.unmatched === 0) line += '; nothing written, everything was up to date';
  return line;
}
