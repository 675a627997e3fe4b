/**
 * The engine fingerprint (nlp/fingerprint.ts) hashes the data files under src/nlp, 18 MB with the
 * model: about 25 ms, a tenth of a re-run that finds everything up to date. This keeps the hash
 * in node_modules/.cache/annotate/ (where tools keep such caches, as find-cache-dir does), with
 * the size, times and inode of each file it covered, and
 * uses it while none of those has changed, as git's index does for the work tree. A file
 * rewritten in place gets a new ctime, which no tool can set back, so the stored hash is never
 * used for contents it was not computed from.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineFingerprint } from '../nlp/fingerprint.js';

/** What a file looked like when hashed: path below the root, size, mtime, ctime (ns), inode. */
type Stamp = [string, string, string, string, string];

interface CacheFile {
  root: string;
  stamps: Stamp[];
  hash: string;
}

/**
 * A file changed within this long before being stamped could change again within the same tick
 * of a coarse file-system clock without its times moving: such a stamp is not stored.
 */
const RACY_NS = 2_000_000_000n;

/** Every file under root (sorted by code units), or null if the tree cannot be read. */
function stampTree(root: string): Stamp[] | null {
  const stamps: Stamp[] = [];
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const sub = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(sub);
      else {
        const s = fs.statSync(path.join(root, sub), { bigint: true });
        stamps.push([sub, String(s.size), String(s.mtimeNs), String(s.ctimeNs), String(s.ino)]);
      }
    }
  };
  try {
    walk('');
  } catch {
    return null;
  }
  return stamps.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Wall-clock time, as the file times are. */
function wallClockNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}

function sameStamps(a: Stamp[], b: Stamp[]): boolean {
  return a.length === b.length && a.every((s, i) => s.every((v, k) => v === b[i]![k]));
}

/**
 * `compute()` (a hash of the files under `root`), or the value it gave last time when no file
 * under `root` has changed since. The cache is best effort: any problem reading or writing it
 * just means computing.
 */
export function cachedTreeHash(root: string, cacheFile: string, compute: () => string, nowNs: () => bigint = wallClockNs): string {
  const stamps = stampTree(root);
  if (stamps === null) return compute();
  try {
    const cached = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as CacheFile;
    if (cached.root === root && typeof cached.hash === 'string' && Array.isArray(cached.stamps) && sameStamps(cached.stamps, stamps)) return cached.hash;
  } catch {
    // missing or unreadable: compute
  }
  const hash = compute();
  const now = nowNs();
  if (stamps.every((s) => now - BigInt(s[2]) > RACY_NS && now - BigInt(s[3]) > RACY_NS)) {
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
      fs.writeFileSync(tmp, `${JSON.stringify({ root, stamps, hash } satisfies CacheFile)}\n`);
      fs.renameSync(tmp, cacheFile);
    } catch {
      try {
        fs.unlinkSync(tmp);
      } catch {
        // never written
      }
    }
  }
  return hash;
}

/** From dist/src/run/ (compiled): the engine's sources, as nlp/fingerprint.ts finds them, and the cache. */
const NLP_SOURCES = fileURLToPath(new URL('../../../src/nlp/', import.meta.url));
const CACHE_FILE = fileURLToPath(new URL('../../../node_modules/.cache/annotate/engine-fingerprint.json', import.meta.url));

let fingerprint: string | null = null;

/** engineFingerprint(), from the cache when the engine's files are unchanged. */
export function cachedEngineFingerprint(): string {
  fingerprint ??= cachedTreeHash(NLP_SOURCES, CACHE_FILE, engineFingerprint);
  return fingerprint;
}
