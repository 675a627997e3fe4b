/**
 * The file system as annotate sees it. Everything that touches disk goes through one of these,
 * so tests can simulate errors a root user never sees (EACCES) by wrapping nodeFs().
 *
 * Synchronous: on a local disk a stat or a small read takes microseconds, while fs/promises
 * costs a FileHandle, a trip through libuv's thread pool and several promises per call on the
 * main thread; those made up most of a re-run that finds everything up to date (2,618 files:
 * 0.8 s with fs/promises). The main thread has nothing else to do meanwhile: the NLP runs in
 * worker threads, which keep working while it reads or writes.
 */
import * as fs from 'node:fs';

/** A file opened for reading, with what fstat says about it; close it when done. */
export interface OpenFile {
  size: number;
  isFile: boolean;
  /** The whole file (`size` bytes, fewer if it shrank since). */
  read(): Buffer;
  close(): void;
}

export interface FsAdapter {
  /** Follows symbolic links. */
  stat(path: string): fs.Stats;
  /**
   * Opens a file to read it whole. Opening first and asking fstat costs one path lookup where
   * stat and then reading cost two: with two files per input, a seventh of a re-run. Opening
   * never blocks (a FIFO put in a file's place after discovery would wait for a writer).
   */
  open(path: string): OpenFile;
  realpath(path: string): string;
  /** A folder's entries with their types. */
  readdir(path: string): fs.Dirent[];
  readFile(path: string): Buffer;
  /** Up to `bytes` bytes from the start of the file, decoded as UTF-8. */
  readHead(path: string, bytes: number): string;
  writeFile(path: string, data: string | Uint8Array): void;
  rename(from: string, to: string): void;
  unlink(path: string): void;
  /** Creates the folder and any missing parents. */
  mkdir(path: string): void;
}

/** One buffer for every readHead: its bytes are decoded before the call returns. */
let headBuffer = Buffer.alloc(0);

const READ_NONBLOCK = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

function openFile(p: string): OpenFile {
  const fd = fs.openSync(p, READ_NONBLOCK);
  let stats: fs.Stats;
  try {
    stats = fs.fstatSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    throw err;
  }
  return {
    size: stats.size,
    isFile: stats.isFile(),
    read() {
      const buf = Buffer.allocUnsafe(stats.size);
      let n = 0;
      while (n < buf.length) {
        const got = fs.readSync(fd, buf, n, buf.length - n, n);
        if (got === 0) break;
        n += got;
      }
      return n < buf.length ? buf.subarray(0, n) : buf;
    },
    close: () => fs.closeSync(fd),
  };
}

export function nodeFs(): FsAdapter {
  return {
    stat: (p) => fs.statSync(p),
    open: openFile,
    realpath: (p) => fs.realpathSync.native(p),
    readdir: (p) => fs.readdirSync(p, { withFileTypes: true }),
    readFile: (p) => fs.readFileSync(p),
    readHead(p, bytes) {
      const fd = fs.openSync(p, 'r');
      try {
        if (headBuffer.length < bytes) headBuffer = Buffer.allocUnsafe(bytes);
        return headBuffer.toString('utf8', 0, fs.readSync(fd, headBuffer, 0, bytes, 0));
      } finally {
        fs.closeSync(fd);
      }
    },
    writeFile: (p, data) => fs.writeFileSync(p, data),
    rename: (a, b) => fs.renameSync(a, b),
    unlink: (p) => fs.unlinkSync(p),
    mkdir: (p) => {
      fs.mkdirSync(p, { recursive: true });
    },
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
