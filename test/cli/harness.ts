/** In-process harness for main(argv, io): memory streams, a temp folder, an injectable fs. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { nodeFs, type FsAdapter } from '../../src/fs/adapter.js';

/** The repository root (tests run from dist/test/<area>/). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  stdin?: string | Buffer;
  env?: Record<string, string | undefined>;
  fs?: FsAdapter;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  cpus?: number;
  /** Default: no other process is alive, so every temporary file of our pattern is stale. */
  processAlive?: (pid: number) => boolean;
  /** Wall-clock time (default: the real one). */
  time?: number;
  /** A signal caught by the run, as trapSignals would report it (default: none). */
  signal?: () => string | null;
}

export function memIo(o: RunOptions): { io: Io; stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  const input = o.stdin ?? '';
  const io: Io = {
    stdout: { write: (s: string) => ((out += s), true) },
    stderr: { write: (s: string) => ((err += s), true) },
    stdin: (async function* () {
      yield typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
    })(),
    stdoutIsTTY: o.stdoutIsTTY ?? false,
    stderrIsTTY: o.stderrIsTTY ?? false,
    cwd: o.cwd,
    env: o.env ?? {},
    fs: o.fs ?? nodeFs(),
    cpus: o.cpus ?? 2,
    now: () => 0,
    pid: 4242,
    processAlive: o.processAlive ?? (() => false),
    time: () => o.time ?? Date.now(),
    trapSignals: () => ({ signal: () => o.signal?.() ?? null, release: () => undefined }),
  };
  return { io, stdout: () => out, stderr: () => err };
}

export async function run(argv: string[], o: RunOptions): Promise<RunResult> {
  const { io, stdout, stderr } = memIo(o);
  const code = await main(argv, io);
  return { code, stdout: stdout(), stderr: stderr() };
}

/** A fresh temp folder, removed by the returned cleanup. */
export function tempDir(prefix = 'annotate-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** An Error like Node's for `code` on `p`. */
export function fsError(code: string, p: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: simulated, '${p}'`) as NodeJS.ErrnoException;
  e.code = code;
  e.path = p;
  return e;
}

/**
 * nodeFs() with failures for chosen paths, to simulate what root (who runs CI) never sees:
 * unreadable files and unlistable folders.
 */
export function failingFs(fail: { read?: (p: string) => string | undefined; list?: (p: string) => string | undefined; write?: (p: string) => string | undefined }): FsAdapter & { writes: string[] } {
  const base = nodeFs();
  const writes: string[] = [];
  return {
    ...base,
    writes,
    readdir(p) {
      const code = fail.list?.(p);
      if (code) throw fsError(code, p);
      return base.readdir(p);
    },
    open(p) {
      const code = fail.read?.(p);
      if (code) throw fsError(code, p);
      return base.open(p);
    },
    readFile(p) {
      const code = fail.read?.(p);
      if (code) throw fsError(code, p);
      return base.readFile(p);
    },
    writeNew(p, data) {
      const code = fail.write?.(p);
      if (code) throw fsError(code, p);
      writes.push(p);
      base.writeNew(p, data);
    },
  };
}

/** A two-sentence article with people, places and a date. */
export const ARTICLE = 'Barack Obama visited Paris in November.\nObama met Angela Merkel at the United Nations.\n';

/** A temporary folder holding the given files (names may have sub-folders). */
export function corpus(files: Record<string, string | Buffer>): { dir: string; cleanup: () => void } {
  const t = tempDir();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(t.dir, name)), { recursive: true });
    writeFileSync(path.join(t.dir, name), content);
  }
  return t;
}
