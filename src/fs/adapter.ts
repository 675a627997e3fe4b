/**
 * The file system as annotate sees it. Everything that touches disk goes through one of these,
 * so tests can simulate errors a root user never sees (EACCES) by wrapping nodeFs().
 */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';

/** The callback-style subset fast-glob walks with (its `fs` option). */
export interface WalkFs {
  lstat: typeof fs.lstat;
  stat: typeof fs.stat;
  readdir: typeof fs.readdir;
  lstatSync: typeof fs.lstatSync;
  statSync: typeof fs.statSync;
  readdirSync: typeof fs.readdirSync;
}

export interface FsAdapter {
  walk: WalkFs;
  stat(path: string): Promise<fs.Stats>;
  realpath(path: string): Promise<string>;
  readFile(path: string): Promise<Buffer>;
  /** Up to `bytes` bytes from the start of the file. */
  readHead(path: string, bytes: number): Promise<Buffer>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string): Promise<void>;
  /** Names of a folder's entries. */
  readdir(path: string): Promise<string[]>;
}

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
    stat: (p) => fsp.stat(p),
    realpath: (p) => fsp.realpath(p),
    readFile: (p) => fsp.readFile(p),
    async readHead(p, bytes) {
      const handle = await fsp.open(p, 'r');
      try {
        const buf = Buffer.alloc(bytes);
        const { bytesRead } = await handle.read(buf, 0, bytes, 0);
        return buf.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    writeFile: (p, data) => fsp.writeFile(p, data),
    rename: (a, b) => fsp.rename(a, b),
    unlink: (p) => fsp.unlink(p),
    mkdir: async (p) => {
      await fsp.mkdir(p, { recursive: true });
    },
    readdir: (p) => fsp.readdir(p),
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
