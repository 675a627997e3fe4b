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
import * as path from 'node:path';

/** A file opened for reading, with what fstat says about it; close it when done. */
export interface OpenFile {
  size: number;
  isFile: boolean;
  /** What it is, when not a regular file ('a folder', 'a named pipe (FIFO)', ...). */
  kind: string;
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
  /** A folder's entry names as bytes (for names that are not valid UTF-8). */
  readdirBytes(path: string): Buffer[];
  /**
   * A regular file whole. Like readHead, it never blocks: anything else at the path (a FIFO, a
   * device, a folder) throws a NotRegularFile before a byte is read.
   */
  readFile(path: string): Buffer;
  /** Up to `bytes` bytes from the start of a regular file, decoded as UTF-8 (see readFile). A link at `path` fails with ELOOP. */
  readHead(path: string, bytes: number): string;
  /**
   * Creates a new file and writes it whole, as a normal write would (mode 0o666 less the umask),
   * but only if nothing is at the path: O_EXCL|O_NOFOLLOW, so a file or a link planted there
   * fails with EEXIST or ELOOP instead of being written through. A failed write removes the file
   * it created, and nothing else.
   */
  writeNew(path: string, data: string | Uint8Array): void;
  rename(from: string, to: string): void;
  unlink(path: string): void;
  /** Creates the folder and any missing parents. */
  mkdir(path: string): void;
}

/** One buffer for every readHead: its bytes are decoded before the call returns. */
let headBuffer = Buffer.alloc(0);

const READ_NONBLOCK = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

/** What a path that is not a regular file is, for messages. */
export function fileKind(stats: fs.Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return stats.isFile() ? 'a file' : 'not a regular file';
}

const WRITE_NEW = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0);

function writeNew(p: string, data: string | Uint8Array): void {
  const fd = fs.openSync(p, WRITE_NEW, 0o666);
  try {
    fs.writeFileSync(fd, data);
  } catch (err) {
    fs.closeSync(fd);
    try {
      fs.unlinkSync(p);
    } catch {
      // gone already
    }
    throw err;
  }
  fs.closeSync(fd);
}

/**
 * mkdir -p that fails with the real cause: Node's recursive mkdir reports ENOENT when the first
 * missing folder cannot be made on a read-only file system (EROFS), which sent users looking for
 * a missing path.
 */
function mkdirParents(p: string): void {
  try {
    fs.mkdirSync(p);
  } catch (err) {
    const code = errorCode(err);
    if (code === 'EEXIST') {
      if (!fs.statSync(p).isDirectory()) throw err;
      return;
    }
    const parent = path.dirname(p);
    if (code !== 'ENOENT' || parent === p) throw err;
    mkdirParents(parent);
    fs.mkdirSync(p);
  }
}

/** Thrown by readFile and readHead for anything but a regular file; `code` is BSD's errno for it. */
export class NotRegularFile extends Error {
  readonly code = 'EFTYPE';
  constructor(readonly kind: string) {
    super(`is ${kind}`);
  }
}

/**
 * Thrown by a write whose folder no longer leads where the run may write (fs/output.ts
 * writeAtomic): a folder swapped for a symbolic link since it was found.
 */
export class OutsideWrite extends Error {
  readonly code = 'EOUTSIDE';
  constructor(readonly realDir: string) {
    super(`its folder now leads to ${realDir}, out of where this run writes`);
  }
}

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
    kind: fileKind(stats),
    read: () => readAll(fd, stats.size),
    close: () => fs.closeSync(fd),
  };
}

function readAll(fd: number, size: number): Buffer {
  const buf = Buffer.allocUnsafe(size);
  let n = 0;
  while (n < buf.length) {
    const got = fs.readSync(fd, buf, n, buf.length - n, n);
    if (got === 0) break;
    n += got;
  }
  return n < buf.length ? buf.subarray(0, n) : buf;
}

const READ_EXISTING = READ_NONBLOCK | (fs.constants.O_NOFOLLOW ?? 0);

/**
 * Opens an existing annotation without blocking (a FIFO at its path would otherwise wait for a
 * writer forever, and the whole run with it) and runs `use` on it if it is a regular file. A
 * symbolic link there is not followed (ELOOP): annotate neither reads nor replaces a link at an
 * annotation's path, which may lead out of the corpus.
 */
function withRegularFile<T>(p: string, use: (fd: number, size: number) => T): T {
  const fd = fs.openSync(p, READ_EXISTING);
  try {
    const stats = fs.fstatSync(fd);
    if (!stats.isFile()) throw new NotRegularFile(fileKind(stats));
    return use(fd, stats.size);
  } finally {
    fs.closeSync(fd);
  }
}

export function nodeFs(): FsAdapter {
  return {
    stat: (p) => fs.statSync(p),
    open: openFile,
    realpath: (p) => fs.realpathSync.native(p),
    readdir: (p) => fs.readdirSync(p, { withFileTypes: true }),
    readdirBytes: (p) => fs.readdirSync(p, { encoding: 'buffer' }),
    readFile: (p) => withRegularFile(p, readAll),
    readHead: (p, bytes) =>
      withRegularFile(p, (fd) => {
        if (headBuffer.length < bytes) headBuffer = Buffer.allocUnsafe(bytes);
        return headBuffer.toString('utf8', 0, fs.readSync(fd, headBuffer, 0, bytes, 0));
      }),
    writeNew,
    rename: (a, b) => fs.renameSync(a, b),
    unlink: (p) => fs.unlinkSync(p),
    mkdir: mkdirParents,
  };
}

/** The errno code of a Node error, if any. */
export function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

/** What to do about a failed write, by its cause. */
export function writeAdvice(err: unknown): string {
  switch (errorCode(err)) {
    case 'ENAMETOOLONG':
      return 'the name is too long for the file system (255 bytes on most); shorten the source file name';
    case 'EROFS':
      return 'the file system is read-only; write elsewhere with --out-dir';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk (or quota) is full; free some space';
    case 'EACCES':
    case 'EPERM':
      return "check the folder's permissions";
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file is in the way of a folder it needs; move it away';
    case 'EOUTSIDE':
      return 'a folder was replaced by a symbolic link while annotate ran; check it, then run again';
    default:
      return "check the folder's permissions and free space";
  }
}

/** A short, stable description of an I/O error (no stack, no path). */
export function describeError(err: unknown): string {
  if (err instanceof OutsideWrite) return err.message;
  const code = errorCode(err);
  if (code) return code;
  return err instanceof Error ? err.message : String(err);
}
