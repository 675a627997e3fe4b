/**
 * Reading one source: size limit, binary and encoding checks, BOM. Returns the text or a
 * fatal message; never throws.
 */
import { isUtf8 } from 'node:buffer';
import type { Message } from '../core/types.js';
import { fatal } from '../core/messages.js';
import { describeError, errorCode, type FsAdapter, type OpenFile } from './adapter.js';

export const MB = 1024 * 1024;

export interface Source {
  bytes: Buffer;
  /** Decoded text without a leading BOM; line endings as in the file. */
  text: string;
}

export type Failed = { ok: false; message: Message };
export type ReadResult = { ok: true; source: Source } | Failed;

/** Reads and decodes one source. */
export function readSource(fs: FsAdapter, abs: string, maxBytes: number): ReadResult {
  const opened = openSource(fs, abs, maxBytes);
  if (!opened.ok) return opened;
  const read = readBytes(opened.file);
  if (!read.ok) return read;
  const decoded = decodeSource(read.bytes);
  return decoded.ok ? { ok: true, source: { bytes: read.bytes, text: decoded.text } } : decoded;
}

/**
 * Opens a source if it is a regular file within the size limit (closed again if not): a caller
 * that bounds how much text is in memory at once admits `file.size` bytes before reading them.
 */
export function openSource(fs: FsAdapter, abs: string, maxBytes: number): { ok: true; file: OpenFile } | Failed {
  let file: OpenFile;
  try {
    file = fs.open(abs);
  } catch (err) {
    return { ok: false, message: readIssue(err, abs) };
  }
  const problem = !file.isFile ? fatal('E_NOT_FILE', file.kind) : file.size > maxBytes ? tooLarge(file.size, maxBytes) : null;
  if (problem === null) return { ok: true, file };
  file.close();
  return { ok: false, message: problem };
}

/** Reads an opened source whole, and closes it. Not decoded: a re-run that finds the annotation up to date needs only the bytes' checksum. */
export function readBytes(file: OpenFile): { ok: true; bytes: Buffer } | Failed {
  try {
    return { ok: true, bytes: file.read() };
  } catch (err) {
    return { ok: false, message: readIssue(err) };
  } finally {
    file.close();
  }
}

function tooLarge(size: number, maxBytes: number): Message {
  const mb = (n: number) => (Math.round((n / MB) * 10) / 10).toString();
  // Just over the limit, both round to the same figure ("10 MB, over the 10 MB limit"): say it in bytes.
  const [shown, limit] = mb(size) === mb(maxBytes) ? [`${size} bytes`, `${maxBytes}-byte`] : [`${mb(size)} MB`, `${mb(maxBytes)} MB`];
  return fatal('E_TOO_LARGE', shown, limit, String(Math.ceil(size / MB)));
}

/**
 * The message for a failed stat, list or read of a path. Node decodes command-line arguments as
 * UTF-8, so a name typed with bytes that are not (a Latin-1 "café") arrives with U+FFFD in their
 * place and names nothing: a missing `path` that holds U+FFFD is most likely such a name, and the
 * message says what to do instead of "check the path".
 */
export function readIssue(err: unknown, path?: string): Message {
  switch (errorCode(err)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return path?.includes('\uFFFD') ? fatal('E_ARG_NOT_UTF8') : fatal('E_NOT_FOUND');
    case 'EACCES':
    case 'EPERM':
      return fatal('E_ACCESS');
    case 'ELOOP':
      return fatal('E_LOOP');
    case 'EISDIR':
      return fatal('E_NOT_FILE', 'a folder');
    case 'ENXIO': // opening a socket
      return fatal('E_NOT_FILE', 'a socket');
    default:
      return fatal('E_READ', describeError(err));
  }
}

/**
 * Bytes to text, or why they are not a text file we can annotate. UTF-8 (with or without a BOM)
 * and UTF-16 with a BOM (what Windows tools write as "Unicode") are read; offsets count the code
 * points of the decoded text either way, without the BOM.
 */
export function decodeSource(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: Message } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)) {
    return { ok: false, message: fatal('E_UTF32') };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'be');
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const binaryAt = findBinary(bytes);
  if (binaryAt >= 0) return { ok: false, message: fatal('E_BINARY', binaryAt) };
  if (!isUtf8(bytes)) return { ok: false, message: fatal('E_UTF8', firstInvalidUtf8(bytes)) };
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.length - bom).toString('utf8');
  if (text.trim() === '') return { ok: false, message: fatal('E_EMPTY') };
  return { ok: true, text };
}

/** UTF-16 after its BOM: well-formed (no lone surrogate, whole code units), not binary, not empty. */
function decodeUtf16(bytes: Uint8Array, order: 'le' | 'be'): { ok: true; text: string } | { ok: false; message: Message } {
  const name = order === 'le' ? 'UTF-16LE' : 'UTF-16BE';
  if (bytes.length % 2 !== 0) return { ok: false, message: fatal('E_UTF16', name, bytes.length - 1) };
  const units = Buffer.from(bytes.subarray(2));
  if (order === 'be') units.swap16();
  const text = units.toString('utf16le');
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) return { ok: false, message: fatal('E_UTF16', name, 2 + 2 * i) };
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return { ok: false, message: fatal('E_UTF16', name, 2 + 2 * i) };
      i++;
    }
  }
  const binaryAt = findBinary(text);
  if (binaryAt >= 0) return { ok: false, message: fatal('E_BINARY', 2 + 2 * binaryAt) };
  if (text.trim() === '') return { ok: false, message: fatal('E_EMPTY') };
  return { ok: true, text };
}

/**
 * Offset of the byte that makes this look binary, or -1: any NUL (as git decides), or C0
 * control characters other than tab, newlines, form feed and ESC making up more than 1 in 100
 * of the first 64 Ki. Given the bytes of UTF-8 or the code units of decoded UTF-16 (offsets are
 * then in code units). UTF-16 without a BOM has NULs, so it is reported as binary.
 */
function findBinary(bytes: Uint8Array | string): number {
  const nul = typeof bytes === 'string' ? bytes.indexOf('\u0000') : bytes.indexOf(0);
  if (nul >= 0) return nul;
  const n = Math.min(bytes.length, 64 * 1024);
  let count = 0;
  let first = -1;
  for (let i = 0; i < n; i++) {
    const b = typeof bytes === 'string' ? bytes.charCodeAt(i) : bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) {
      if (first < 0) first = i;
      count++;
    }
  }
  return count > 0 && count * 100 > n ? first : -1;
}

/** Byte offset of the first byte that is not part of a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
