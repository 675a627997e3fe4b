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

/**
 * Everything that affects an annotation's content besides the source bytes. The package version
 * and the versions of libraries are not in it: a release that changes no output must not rewrite
 * every annotation in every corpus (the YAML is written by our own code, serialize/yaml.ts, so
 * the yaml library no longer shapes it either).
 */
export interface ContentOptions {
  /** ENGINE_VERSION: the code that shapes the output. */
  engineVersion: number;
  /** engineFingerprint(): the data files the engine loads. */
  engineData: string;
  referenceDate: string | null;
  /**
   * The key of what the project's config says about the file (config/index.ts), absent
   * without one: annotations made without a config keep their generator line.
   */
  config?: string;
  /** --furniture, absent for the default (`separate`). */
  furniture?: 'keep' | 'drop';
}

/** `generator:` value: the engine version plus a hash of the engine's data and the content options. */
export function generatorLine(options: ContentOptions): string {
  return `annotate engine ${options.engineVersion} (options ${sha256Hex(stableStringify(options)).slice(0, 16)})`;
}
