/** Where an annotation goes, and writing it safely. */
import * as path from 'node:path';
import type { FsAdapter } from './adapter.js';

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
  return outDir ? path.join(outDir, path.relative(base, next)) : next;
}

/** `source:` of an annotation: the source path relative to the annotation's folder, with /. */
export function sourceField(sourceAbs: string, outputAbs: string): string {
  return path.relative(path.dirname(outputAbs), sourceAbs).split(path.sep).join('/');
}

/**
 * `source:` of a printed annotation (--stdout, jsonl): there is no annotation file to be
 * relative to, so the path relative to the working directory, with /, tells apart a/s.txt and
 * b/s.txt in one stream.
 */
export function printedSourceField(sourceAbs: string, cwd: string): string {
  return path.relative(cwd, sourceAbs).split(path.sep).join('/');
}

let counter = 0;

/**
 * Atomic write: a temporary file in the same folder (same file system), then rename, so an
 * interrupted run leaves the old file or the new one, never half of one. The temporary name is
 * hidden and ends in .tmp so it is never taken for an input or an annotation.
 */
export async function writeAtomic(fs: FsAdapter, target: string, data: string, pid: number): Promise<void> {
  const dir = path.dirname(target);
  await fs.mkdir(dir);
  const tmp = path.join(dir, `.${path.basename(target)}.${pid}-${counter++}.tmp`);
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.unlink(tmp).catch(() => undefined);
    throw err;
  }
}
