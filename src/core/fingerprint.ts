import { createHash } from 'node:crypto';

/** JSON with object keys sorted by code units at every level, so equal values hash alike. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** `checksum:` value of an annotation: the hash of the source's bytes (BOM and all). */
export function sourceChecksum(bytes: Uint8Array): string {
  return `sha256:${sha256Hex(bytes)}`;
}

/** Everything that affects an annotation's content besides the source bytes. */
export interface ContentOptions {
  /** engineFingerprint(): engine revision and the data files it loads. */
  engine: string;
  /** Versions of the libraries that shape the output (e.g. { compromise: '14.14.4', yaml: '2.8.1' }). */
  dependencies: Record<string, string>;
  referenceDate: string | null;
}

/** `generator:` value: tool version plus a hash of the engine and content options. */
export function generatorLine(version: string, options: ContentOptions): string {
  return `annotate ${version} (options ${sha256Hex(stableStringify(options)).slice(0, 16)})`;
}
