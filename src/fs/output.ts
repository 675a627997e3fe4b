/** Where an annotation goes, and writing it safely. */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import type { FsAdapter } from './adapter.js';
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
  return path.join(path.dirname(target), `.${path.basename(target)}.${pid}-${token}.tmp`);
}

/** `.<target>.<pid>-<token>.tmp` -> target base name and pid, or null for any other name (earlier versions used a decimal counter as the token). */
const TEMP = /^\.(.+)\.([1-9][0-9]{0,9})-([0-9a-f]{1,16})\.tmp$/;

/**
 * Removes the temporary files that a killed run (SIGKILL between write and rename) left next to
 * the annotations we write. Only our exact pattern for the very annotation about to be written
 * (`.story.yaml.<pid>-<n>.tmp` before writing story.yaml), and only when the process that made
 * it is gone: its pid is not alive, or is our own (only this thread writes, one file at a time,
 * so a temp file with our pid that is not being written is a leftover of an earlier process that
 * had our pid). A temp file of another live annotate run is left alone. Each folder is listed
 * once per run, on the first write into it.
 */
export class TempSweeper {
  /** Per folder, its leftover temporary files by target name (listed once). */
  private readonly byFolder = new Map<string, Map<string, { name: string; pid: number }[]>>();

  constructor(
    private readonly fs: FsAdapter,
    private readonly ownPid: number,
    private readonly isAlive: (pid: number) => boolean,
  ) {}

  /** Removes the stale temporary files of `target`; never throws. Returns the paths removed. */
  sweep(target: string): string[] {
    const dir = path.dirname(target);
    let temps = this.byFolder.get(dir);
    if (!temps) {
      temps = this.list(dir);
      this.byFolder.set(dir, temps);
    }
    const base = path.basename(target);
    const mine = temps.get(base);
    if (!mine) return [];
    temps.delete(base);
    const removed: string[] = [];
    for (const { name, pid } of mine) {
      if (pid !== this.ownPid && this.isAlive(pid)) continue;
      const p = path.join(dir, name);
      try {
        this.fs.unlink(p);
        removed.push(p);
      } catch {
        // Gone already, or not ours to remove: leave it.
      }
    }
    return removed;
  }

  private list(dir: string): Map<string, { name: string; pid: number }[]> {
    const temps = new Map<string, { name: string; pid: number }[]>();
    let entries: { name: string }[];
    try {
      entries = this.fs.readdir(dir);
    } catch {
      return temps; // not there yet: nothing to sweep
    }
    for (const { name } of entries) {
      const m = TEMP.exec(name);
      if (!m) continue;
      const list = temps.get(m[1]!) ?? [];
      list.push({ name, pid: Number(m[2]) });
      temps.set(m[1]!, list);
    }
    return temps;
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
 * Atomic write: a temporary file in the same folder (same file system), then rename, so an
 * interrupted run leaves the old file or the new one, never half of one. The temporary name is
 * hidden and ends in .tmp so it is never taken for an input or an annotation.
 */
export function writeAtomic(fs: FsAdapter, target: string, data: string, pid: number, folders?: FolderMaker): void {
  const dir = path.dirname(target);
  if (folders) folders.ensure(dir);
  else fs.mkdir(dir);
  const tmp = tempName(target, pid);
  // Fails, without touching it, if anything is at the temporary path already.
  fs.writeNew(tmp, data);
  try {
    fs.rename(tmp, target);
  } catch (err) {
    try {
      fs.unlink(tmp);
    } catch {
      // gone already
    }
    throw err;
  }
}
