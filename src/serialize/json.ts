/** JSON writers: the same record as YAML. */
import type { AnnotationRecord } from './record.js';

/** One pretty-printed JSON object (the file format of --format json). */
export function toJson(record: AnnotationRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** One line per document (--format jsonl). */
export function toJsonLine(record: AnnotationRecord): string {
  return `${JSON.stringify(record)}\n`;
}
