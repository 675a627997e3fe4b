/**
 * The `digest:` key: a hash of the record, so that an annotation file that is not what annotate
 * wrote (merge conflict markers, a cut-short copy, a hand edit) is noticed. The header alone says
 * whether a file is up to date with its source; the digest says whether the file still holds
 * what was written with that header. Checking a YAML file is one read and one hash of its bytes,
 * with no parsing: cheap enough for every re-run and --check.
 *
 * The digest is the SHA-256 of the record's YAML without the digest line (toYaml of the record
 * without `digest`). So a YAML file is intact when its bytes, less that line, hash to it: a
 * change anywhere else, header lines included, is caught. The value is the same in every format
 * (the JSON file, --stdout, a jsonl line carry the same record); a JSON file is checked by
 * parsing it, writing it again and comparing bytes.
 */
import { createHash } from 'node:crypto';
import type { AnnotationRecord } from './record.js';
import { toJson } from './json.js';
import { toYaml } from './yaml.js';

const PREFIX = 'sha256:';
const HEX = 64;
/** The top-level key the digest line goes before, as the only unindented lines of our YAML are keys. */
const DOCUMENT = '\ndocument:';

/** The record with its `digest` (right after `generator`), and its YAML. */
export function withDigest(record: AnnotationRecord): { record: AnnotationRecord; yaml: string } {
  const plain = toYaml(record);
  const digest = PREFIX + createHash('sha256').update(plain, 'utf8').digest('hex');
  const { schema, source, checksum, generator, ...body } = record;
  const at = plain.indexOf(DOCUMENT);
  // The YAML with its digest line: toYaml of the new record, without writing it all again.
  const yaml = `${plain.slice(0, at)}\ndigest: ${digest}${plain.slice(at)}`;
  return { record: { schema, source, checksum, generator, digest, ...body }, yaml };
}

export type Integrity =
  | { kind: 'intact' }
  /** No digest: a file of annotate 0.1, or one whose digest line was removed. */
  | { kind: 'none' }
  | { kind: 'damaged'; why: string };

const LINE = Buffer.from(`\ndigest: ${PREFIX}`);
const CONFLICT = /^(?:<{7}|>{7}|\|{7})(?: |$)|^={7}$/m;

/** Whether an annotation file's bytes are the ones annotate wrote, by its digest. */
export function checkIntegrity(bytes: Buffer): Integrity {
  // A BOM an editor added does not hide what the file is (it is not what annotate wrote either).
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x7b ? checkJson(bytes) : checkYaml(bytes);
}

function checkYaml(bytes: Buffer): Integrity {
  const at = bytes.indexOf(LINE);
  if (at < 0) return CONFLICT.test(bytes.toString('utf8')) ? { kind: 'damaged', why: 'it has merge conflict markers' } : { kind: 'none' };
  const hexAt = at + LINE.length;
  const recorded = bytes.toString('latin1', hexAt, hexAt + HEX);
  const hash = createHash('sha256').update(bytes.subarray(0, at)).update(bytes.subarray(hexAt + HEX)).digest('hex');
  return hash === recorded ? { kind: 'intact' } : { kind: 'damaged', why: damage(bytes.toString('utf8'), /^dates:/m) };
}

function checkJson(bytes: Buffer): Integrity {
  const text = bytes.toString('utf8');
  let record: AnnotationRecord;
  try {
    record = JSON.parse(text) as AnnotationRecord;
  } catch {
    return { kind: 'damaged', why: damage(text, /\n\}\n$/) };
  }
  if (typeof record !== 'object' || record === null || typeof record.digest !== 'string') return { kind: 'none' };
  const { digest: recorded, ...rest } = record;
  let signed: AnnotationRecord;
  try {
    signed = withDigest(rest).record;
  } catch {
    return { kind: 'damaged', why: damage(text, /\n\}\n$/) };
  }
  return signed.digest === recorded && toJson(signed) === text ? { kind: 'intact' } : { kind: 'damaged', why: damage(text, /\n\}\n$/) };
}

/** What seems wrong with a file whose digest does not match, in words for the user. */
function damage(text: string, complete: RegExp): string {
  if (CONFLICT.test(text)) return 'it has merge conflict markers';
  // The last key (YAML) or the closing brace (JSON) is missing: the end was lost.
  if (!text.endsWith('\n') || !complete.test(text)) return 'it is cut short';
  return 'its content does not match its digest: edited by hand or damaged';
}
