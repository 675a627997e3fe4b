/**
 * `annotate diff A B` over files or folders: reads the annotation files, pairs them by their
 * path below A and B, and compares the views of each pair. Pairs whose bytes are equal are not
 * parsed at all, so comparing a corpus with a copy costs reads, not YAML parsing.
 */
import * as path from 'node:path';
import { compareCodeUnits } from '../core/compare.js';
import type { FsAdapter } from '../fs/adapter.js';
import { describeError } from '../fs/adapter.js';
import { discover } from '../fs/discover.js';
import { HEADER_BYTES, parseRecord, readHeader } from '../serialize/header.js';
import { compareViews, type Change } from './compare.js';
import { viewOf, type Item, type View } from './view.js';

export type FileDiff =
  | { path: string; status: 'changed'; changes: Change[] }
  | { path: string; status: 'added' | 'removed'; items: Item[] };

export interface DiffResult {
  files: FileDiff[];
  /** Pairs compared that showed no change. */
  same: number;
  /** `path: what went wrong`, one per file that could not be read or is not an annotation. */
  errors: { path: string; text: string }[];
}

/** Reads one annotation file into its view; throws an Error with a short message. */
export function readView(fs: FsAdapter, abs: string): View {
  let content: string;
  try {
    content = fs.readFile(abs).toString('utf8');
  } catch (err) {
    throw new Error(`cannot read (${describeError(err)}); check the path`);
  }
  return viewFromText(content);
}

export function viewFromText(content: string): View {
  try {
    return viewOf(parseRecord(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content));
  } catch (err) {
    throw new Error(`is not a readable annotate/1 file (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
}

/** Annotation files below a folder, by their path relative to it (with /). */
function annotationFiles(fs: FsAdapter, cwd: string, dir: string, errors: DiffResult['errors']): Map<string, string> {
  const found = discover([dir], { cwd, glob: '**/*.{yaml,json}', fs, exclude: [] });
  for (const issue of found.issues) if (issue.message.id !== 'E_NO_MATCH') errors.push({ path: issue.path, text: issue.message.text });
  const root = path.resolve(cwd, dir);
  const files = new Map<string, string>();
  for (const input of found.inputs) files.set(path.relative(root, input.abs).split(path.sep).join('/'), input.abs);
  return files;
}

export function diffPaths(fs: FsAdapter, cwd: string, a: string, b: string): DiffResult {
  const result: DiffResult = { files: [], same: 0, errors: [] };
  const absA = path.resolve(cwd, a);
  const absB = path.resolve(cwd, b);
  const folder = (abs: string, shown: string): boolean => {
    try {
      return fs.stat(abs).isDirectory();
    } catch (err) {
      throw new DiffUsageError(`${shown}: no such file or folder (${describeError(err)}); check the path`);
    }
  };
  const [dirA, dirB] = [folder(absA, a), folder(absB, b)];
  if (dirA !== dirB) throw new DiffUsageError(`compare two files or two folders: ${dirA ? a : b} is a folder, ${dirA ? b : a} is not`);
  if (!dirA) {
    try {
      const one = comparePair(fs, b, absA, absB, a, b, result);
      if (one) result.files.push(one);
    } catch (err) {
      if (!(err instanceof PathError)) throw err;
      result.errors.push({ path: err.path, text: err.message });
    }
    return result;
  }
  const filesA = annotationFiles(fs, cwd, a, result.errors);
  const filesB = annotationFiles(fs, cwd, b, result.errors);
  const names = [...new Set([...filesA.keys(), ...filesB.keys()])].sort(compareCodeUnits);
  for (const name of names) {
    const fa = filesA.get(name);
    const fb = filesB.get(name);
    const shownA = path.posix.join(a.split(path.sep).join('/'), name);
    const shownB = path.posix.join(b.split(path.sep).join('/'), name);
    try {
      if (fa && fb) {
        const d = comparePair(fs, name, fa, fb, shownA, shownB, result);
        if (d) result.files.push(d);
      } else if (fa) {
        result.files.push({ path: name, status: 'removed', items: withPath(shownA, () => readView(fs, fa)).items });
      } else {
        result.files.push({ path: name, status: 'added', items: withPath(shownB, () => readView(fs, fb!)).items });
      }
    } catch (err) {
      if (!(err instanceof PathError)) throw err;
      result.errors.push({ path: err.path, text: err.message });
    }
  }
  return result;
}

/** A usage problem with A and B themselves: exit 2 before any comparison. */
export class DiffUsageError extends Error {}

class PathError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

function withPath<T>(shown: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw new PathError(shown, err instanceof Error ? err.message : String(err));
  }
}

/** The diff of one pair, or null when a reader sees no change. */
function comparePair(fs: FsAdapter, name: string, fa: string, fb: string, shownA: string, shownB: string, result: DiffResult): FileDiff | null {
  const bytesA = withPath(shownA, () => readBytes(fs, fa));
  const bytesB = withPath(shownB, () => readBytes(fs, fb));
  if (bytesA.equals(bytesB)) {
    // Still one of ours (by its header, not parsed): other YAML files are not "the same annotations".
    if (readHeader(bytesA.toString('utf8', 0, HEADER_BYTES)).kind !== 'ours') throw new PathError(shownA, 'is not an annotation file (no "schema: annotate/" key)');
    result.same++;
    return null;
  }
  const viewA = withPath(shownA, () => viewFromText(bytesA.toString('utf8')));
  const viewB = withPath(shownB, () => viewFromText(bytesB.toString('utf8')));
  const changes = compareViews(viewA, viewB);
  if (changes.length === 0) {
    result.same++;
    return null;
  }
  return { path: name, status: 'changed', changes };
}

function readBytes(fs: FsAdapter, abs: string): Buffer {
  try {
    return fs.readFile(abs);
  } catch (err) {
    throw new Error(`cannot read (${describeError(err)}); check the path`);
  }
}
