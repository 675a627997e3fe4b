import { createHash } from 'node:crypto';

/**
 * Identifies the extraction engine: bump ENGINE_REVISION when behaviour changes without a data
 * file changing. Data files (model, gazetteers) are hashed in via registerEngineData().
 */
const ENGINE_REVISION = 'engine-1';
const parts: string[] = [ENGINE_REVISION];

/** Called once at module load by components that load data files, with the data's bytes hash. */
export function registerEngineData(name: string, sha256: string): void {
  parts.push(`${name}:${sha256}`);
}

/** A short stable hash of the engine revision and every data file it loaded. */
export function engineFingerprint(): string {
  return createHash('sha256').update([...parts].sort().join('\n')).digest('hex').slice(0, 16);
}
