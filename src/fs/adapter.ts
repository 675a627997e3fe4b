/**
 * The file system as annotate sees it. Everything that touches disk goes through one of these,
 * so tests can simulate errors a root user never sees (EACCES) by wrapping nodeFs().
 */
import * as fs from 'node:fs';

/** The callback-style subset fast-glob walks with (its `fs` option). */
export interface WalkFs {
  lstat: typeof fs.lstat;
  stat: typeof fs.stat;
  readdir: typeof fs.readdir;
  lstatSync: typeof fs.lstatSync;
  statSync: typeof fs.statSync;
  readdirSync: typeof fs.readdirSync;
}

/**
 * Promise-shaped so tests can fake failures and an adapter could be truly asynchronous. The
 * node one below does its work synchronously: on a local disk a stat or a small read takes
 * microseconds, while fs/promises costs a FileHandle, a thread-pool round trip and several
 * promises per call, which made up over half of a re-run that skips everything (2,618 files:
 * 0.8 s with fs/promises, see run/annotate.ts). Blocking the main thread for a few microseconds
 * costs nothing either: the NLP runs in worker threads.
 */
export interface FsAdapter {
  walk: WalkFs;
  stat(path: string): Promise<fs.Stats>;
  realpath(path: string): Promise<string>;
  readFile(path: string): Promise<Buffer>;
  /** Up to `bytes` bytes from the start of the file, decoded as UTF-8. */
  readHead(path: string, bytes: number): Promise<string>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string): Promise<void>;
  /** Names of a folder's entries. */
  readdir(path: string): Promise<string[]>;
}

/** One buffer for every readHead: its bytes are decoded before the call returns. */
let headBuffer = Buffer.alloc(0);

export function nodeFs(): FsAdapter {
  return {
    walk: {
      lstat: fs.lstat,
      stat: fs.stat,
      readdir: fs.readdir,
      lstatSync: fs.lstatSync,
      statSync: fs.statSync,
      readdirSync: fs.readdirSync,
    },
    stat: async (p) => fs.statSync(p),
    realpath: async (p) => fs.realpathSync(p),
    readFile: async (p) => fs.readFileSync(p),
    async readHead(p, bytes) {
      const fd = fs.openSync(p, 'r');
      try {
        if (headBuffer.length < bytes) headBuffer = Buffer.allocUnsafe(bytes);
        return headBuffer.toString('utf8', 0, fs.readSync(fd, headBuffer, 0, bytes, 0));
      } finally {
        fs.closeSync(fd);
      }
    },
    writeFile: async (p, data) => fs.writeFileSync(p, data),
    rename: async (a, b) => fs.renameSync(a, b),
    unlink: async (p) => fs.unlinkSync(p),
    mkdir: async (p) => {
      fs.mkdirSync(p, { recursive: true });
    },
    readdir: async (p) => fs.readdirSync(p),
  };
}

/** The errno code of a Node error, if any. */
export function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

/** A short, stable description of an I/O error (no stack, no path). */
export function describeError(err: unknown): string {
  const code = errorCode(err);
  if (code) return code;
  return err instanceof Error ? err.message : String(err);
}
