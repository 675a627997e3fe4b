/** Where an annotation goes, and writing it safely. */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { OutsideWrite, type FsAdapter } from './adapter.js';
import type { Input } from './discover.js';
import { isInside, joinNormalized } from './paths.js';

export type Format = 'yaml' | 'json' | 'jsonl';

/** Extension of annotation files for a format (jsonl is never written to files). */
export function outputExtension(format: Format): string {
  return format === 'json' ? '.json' : '.yaml';
}

/**
 * story.txt -> story.yaml next to it, or under outDir with the same path relative to `base`
 * (the folder given on the command line). Any extension is replaced; a name without one gets
 * the annotation extension appended.
 */
export function outputPath(abs: string, base: string, outDir: string | null, format: Format): string {
  const ext = path.extname(abs);
  const stem = ext ? abs.slice(0, -ext.length) : abs;
  const next = stem + outputExtension(format);
  if (!outDir) return next;
  return isInside(base, next) ? joinNormalized(outDir, next.slice(base.length + 1)) : path.join(outDir, path.relative(base, next));
}

/** Source folder relative to output folder, by the two folders: the same for every file of a folder. */
const folderRelative = new Map<string, string>();

/** `source:` of an annotation: the source path relative to the annotation's folder, with /. */
export function sourceField(sourceAbs: string, outputAbs: string): string {
  const from = path.dirname(outputAbs);
  const to = path.dirname(sourceAbs);
  const key = `${from}\0${to}`;
  let rel = folderRelative.get(key);
  if (rel === undefined) {
    // path.relative resolves and normalizes both paths each time: a tenth of a re-run when it ran per file.
    rel = path.relative(from, to).split(path.sep).join('/');
    if (folderRelative.size >= 10_000) folderRelative.clear();
    folderRelative.set(key, rel);
  }
  const name = path.basename(sourceAbs);
  return rel === '' ? name : `${rel}/${name}`;
}

/**
 * `source:` of a printed annotation (--stdout, jsonl): there is no annotation file to be
 * relative to, so the path relative to the working directory, with /, tells apart a/s.txt and
 * b/s.txt in one stream.
 */
export function printedSourceField(sourceAbs: string, cwd: string): string {
  return path.relative(cwd, sourceAbs).split(path.sep).join('/');
}

/**
 * The temporary file of a write of `target` by process `pid`: `.story.yaml.<pid>-<token>.tmp`,
 * where the token is random, so that no other process can guess the name and put a link there
 * ahead of the write (which also refuses to follow one).
 */
export function tempName(target: string, pid: number, token: string = randomBytes(6).toString('hex')): string {
  const suffix = `.${pid}-${token}.tmp`;
  let base = path.basename(target);
  // A name near the 255-byte limit of most file systems would make the temporary name too long:
  // that part of it is only for people, so it is cut (at a character) to fit.
  const room = NAME_MAX - 1 - suffix.length;
  if (Buffer.byteLength(base, 'utf8') > room) {
    const chars = [...base];
    while (chars.length > 1 && Buffer.byteLength(chars.join(''), 'utf8') > room) chars.pop();
    base = chars.join('');
  }
  return path.join(path.dirname(target), `.${base}${suffix}`);
}

/** The longest file name, in bytes, on ext4, xfs, btrfs, APFS, NTFS (in UTF-16 units) and most others. */
const NAME_MAX = 255;

/** `.<target>.<pid>-<token>.tmp` -> target base name and pid, or null for any other name (earlier versions used a decimal counter as the token). */
const TEMP = /^\.(.+)\.([1-9][0-9]{0,9})-([0-9a-f]{1,16})\.tmp$/;

/** A temporary file older than this is no write in progress: a write renames it at once. */
export const STRAY_AGE_MS = 10 * 60 * 1000;

/**
 * Removes the temporary files that an interrupted run (SIGKILL or power loss between write and
 * rename) left in the folders we write into, whether or not their annotation needs writing this
 * time. Only names of our exact pattern (`.story.yaml.<pid>-<token>.tmp`), and only when no live
 * write can hold them: the process that made it is gone (its pid is not alive, or is our own,
 * since only this thread writes, one file at a time, and it renames before it does anything
 * else), or the file is older than STRAY_AGE_MS (its pid now belongs to some other process). A
 * fresh temporary file of another live annotate run is left alone. Each folder is listed once per
 * run.
 */
export class TempSweeper {
  private readonly swept = new Set<string>();

  constructor(
    private readonly fs: FsAdapter,
    private readonly ownPid: number,
    private readonly isAlive: (pid: number) => boolean,
    /** Wall-clock milliseconds, to tell a temporary file's age. */
    private readonly time: () => number,
  ) {}

  /** Removes the stray temporary files in `dir` (once per run); never throws. Returns the paths removed. */
  sweep(dir: string): string[] {
    if (this.swept.has(dir)) return [];
    this.swept.add(dir);
    let entries: { name: string }[];
    try {
      entries = this.fs.readdir(dir);
    } catch {
      return []; // not there yet: nothing to sweep
    }
    const removed: string[] = [];
    for (const { name } of entries) {
      const m = TEMP.exec(name);
      if (!m) continue;
      const p = path.join(dir, name);
      const pid = Number(m[2]);
      if (pid !== this.ownPid && this.isAlive(pid) && !this.isOld(p)) continue;
      try {
        this.fs.unlink(p);
        removed.push(p);
      } catch {
        // Gone already, or not ours to remove: leave it.
      }
    }
    return removed;
  }

  private isOld(p: string): boolean {
    try {
      return this.time() - this.fs.stat(p).mtimeMs > STRAY_AGE_MS;
    } catch {
      return false;
    }
  }
}

/**
 * Creates each output folder once per run: a corpus of 100,000 files in a few folders would
 * otherwise ask the file system for the same folders 100,000 times.
 */
export class FolderMaker {
  private readonly made = new Set<string>();

  constructor(private readonly fs: FsAdapter) {}

  /** Throws as mkdir does; a failure is not remembered, so the next write into the folder tries again and reports it. */
  ensure(dir: string): void {
    if (this.made.has(dir)) return;
    this.fs.mkdir(dir);
    this.made.add(dir);
  }
}

/**
 * Where a run's annotations may land, asked right before each write (writeAtomic): next to an
 * input, in the real folder discovery found the input in; under --out-dir, below the out-dir's
 * real path. Between discovery and the write, a folder of the corpus can be swapped for a
 * symbolic link that leads anywhere; the annotation must not follow it there.
 */
export class WriteBounds {
  private outReal: string | null = null;

  constructor(
    private readonly fs: FsAdapter,
    private readonly outDir: string | null,
  ) {}

  /** Whether real folder `realDir` may receive the annotation of `input`. */
  allows(input: Input, realDir: string): boolean {
    if (this.outDir === null) return realDir === input.realFolder;
    // Asked at the first write, when the out-dir has been made.
    this.outReal ??= this.fs.realpath(this.outDir);
    return realDir === this.outReal || isInside(this.outReal, realDir);
  }
}

/**
 * Atomic write: a temporary file in the same folder (same file system), then rename, so an
 * interrupted run leaves the old file or the new one, never half of one. The temporary name is
 * hidden and ends in .tmp so it is never taken for an input or an annotation.
 *
 * With `allowed`, the folder's real path is checked with it before the write, and the file is
 * written and renamed by that real path, after checking again that the path still leads to
 * itself (OutsideWrite otherwise, the temporary file removed): the temporary file may have gone
 * through a link swapped in between, but it never becomes the annotation there. Node has no
 * openat(2) or renameat(2) to hold the folder open, so a swap within one system call of a check
 * is the window left.
 */
export function writeAtomic(
  fs: FsAdapter, target: string, data: string, pid: number, folders?: FolderMaker, allowed?: (realDir: string) => boolean,
): void {
  const dir = path.dirname(target);
  if (folders) folders.ensure(dir);
  else fs.mkdir(dir);
  let into = dir;
  if (allowed) {
    into = fs.realpath(dir);
    if (!allowed(into)) throw new OutsideWrite(into);
  }
  const final = into === dir ? target : joinNormalized(into, path.basename(target));
  const tmp = tempName(final, pid);
  // Fails, without touching it, if anything is at the temporary path already.
  fs.writeNew(tmp, data);
  try {
    if (allowed) {
      const now = fs.realpath(into);
      if (now !== into) throw new OutsideWrite(now);
    }
    fs.rename(tmp, final);
  } catch (err) {
    try {
      fs.unlink(tmp);
    } catch {
      // gone already
    }
    throw err;
  }
}
