/**
 * Black-box helpers: spawn the real binary (`node bin/annotate.js`) in throw-away folders.
 * Everything a test observes comes from the process's exit status, its two streams and the files
 * it leaves behind, as a user would see them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

/** Package root, from the compiled file dist/test/helpers/cli.js. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = path.join(ROOT, 'bin', 'annotate.js');

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the process was killed because it outlived `timeoutMs`. */
  timedOut: boolean;
}

export interface RunOptions {
  cwd?: string;
  /** Added to (or, with value undefined, removed from) the base environment. */
  env?: Record<string, string | undefined>;
  /** Written to stdin, which is then closed; stdin is closed at once when absent. */
  input?: string | Buffer;
  /** The process is SIGKILLed after this long and the result says timedOut (default 30 s). */
  timeoutMs?: number;
  /** Run as another user (used to test permissions when the suite runs as root). */
  user?: { uid: number; gid: number };
  /** Package root to run bin/annotate.js from (default: this checkout); see packageFor(). */
  root?: string;
}

/**
 * A stable environment: no colour, no inherited options that change the output, a fixed TZ and
 * locale unless the test sets its own.
 */
export function baseEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'NODE_OPTIONS', 'NODE_TEST_CONTEXT', 'LC_ALL', 'LANGUAGE']) delete env[k];
  env.NO_COLOR = '1';
  env.TZ = 'UTC';
  env.LANG = 'C.UTF-8';
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Start the CLI without waiting (for tests that signal it mid-run). */
export function start(args: string[], options: RunOptions = {}): ChildProcess {
  const bin = options.root ? path.join(options.root, 'bin', 'annotate.js') : BIN;
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? ROOT,
    env: baseEnv(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(options.user ? { uid: options.user.uid, gid: options.user.gid } : {}),
  });
  if (options.input !== undefined) child.stdin!.end(options.input);
  else child.stdin!.end();
  return child;
}

/** Run the CLI to completion (or to its timeout) and collect everything it printed. */
export function run(args: string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = start(args, options);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    child.stdin!.on('error', () => { /* the CLI may exit before reading stdin */ });
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, options.timeoutMs ?? 30_000);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
      });
    });
  });
}

/** A fresh folder under the OS temp dir; remove it with `removeDir`. */
export function tempDir(prefix = 'annotate-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  // Undo chmod 000 first so that removal works for any user.
  const walk = (p: string): void => {
    let st: fs.Stats;
    try { st = fs.lstatSync(p); } catch { return; }
    if (st.isSymbolicLink()) return;
    try { fs.chmodSync(p, st.isDirectory() ? 0o755 : 0o644); } catch { /* best effort */ }
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
  };
  walk(dir);
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Write files given as { 'a/b.txt': 'text' | Buffer } under dir, making folders as needed. */
export function writeTree(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
}

/** Every file under dir (relative paths, '/'-separated, sorted by code units), symlinks not followed. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    const abs = path.join(dir, rel);
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out.push(r);
    }
  };
  walk('');
  return out.sort(byCodeUnits);
}

/** { relative path: bytes } of every file under dir, for byte-for-byte comparisons. */
export function snapshot(dir: string, filter: (rel: string) => boolean = () => true): Map<string, Buffer> {
  const m = new Map<string, Buffer>();
  for (const rel of listFiles(dir)) {
    if (!filter(rel)) continue;
    const abs = path.join(dir, rel);
    if (fs.lstatSync(abs).isFile()) m.set(rel, fs.readFileSync(abs));
  }
  return m;
}

export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Assert two snapshots hold the same files with the same bytes, naming the first difference. */
export function assertSameTree(a: Map<string, Buffer>, b: Map<string, Buffer>, what: string): void {
  assert.deepEqual([...a.keys()], [...b.keys()], `${what}: different file lists`);
  for (const [k, v] of a) {
    assert.ok(v.equals(b.get(k)!), `${what}: ${k} differs`);
  }
}

/**
 * The CLI must never show a crash: no stack frames, no uncaught-error banner, no Node internals.
 */
export function assertNoCrash(r: RunResult, what = 'run'): void {
  assert.equal(r.timedOut, false, `${what}: timed out (hang?)\nstderr: ${r.stderr.slice(0, 2000)}`);
  assert.equal(r.signal, null, `${what}: killed by ${r.signal}\nstderr: ${r.stderr.slice(0, 2000)}`);
  const bad = [
    /^\s+at .*(?:\(|:\d+:\d+)/m, // a stack frame
    /^\w*Error(?: \[\w+\])?: /m, // an uncaught-error banner (Error:, TypeError:, ...)
    /node:internal/,
    /Unhandled|uncaught/i,
    /^\s*\^\s*$/m, // the caret line under a thrown source line
  ];
  for (const re of bad) {
    assert.doesNotMatch(r.stderr, re, `${what}: stderr looks like a crash:\n${r.stderr.slice(0, 3000)}`);
  }
}

/** Lines of stderr that mention `name` (a file's base name or relative path). */
export function linesNaming(stderr: string, name: string): string[] {
  return stderr.split(/\r?\n/).filter((l) => l.includes(name));
}

/**
 * Exactly one stderr line names the file, and it says something after the name
 * (`path: what went wrong`).
 */
export function assertOneErrorLine(r: RunResult, name: string): string {
  const lines = linesNaming(r.stderr, name);
  assert.equal(lines.length, 1, `expected exactly one stderr line naming ${name}, got ${lines.length}:\n${r.stderr}`);
  const line = lines[0]!;
  assert.match(line, /:\s*\S/, `the error line should read "path: what went wrong": ${line}`);
  return line;
}

/** The `nobody` account, to run the CLI without root's power to read anything. */
export function nobody(): { uid: number; gid: number } | null {
  try {
    const passwd = fs.readFileSync('/etc/passwd', 'utf8');
    for (const line of passwd.split('\n')) {
      const f = line.split(':');
      if (f[0] === 'nobody' && f[2] && f[3]) return { uid: Number(f[2]), gid: Number(f[3]) };
    }
  } catch { /* not a Unix-like system */ }
  return null;
}

/**
 * A package root `user` can run: this checkout when the user can read it, else a copy of what
 * the CLI needs at run time (bin, dist, src, package.json, runtime node_modules) in a temp folder
 * anyone can read. CI may clone under a folder only root can enter (e.g. /root).
 */
export function packageFor(user: { uid: number; gid: number }): { root: string; cleanup: () => void } {
  const probe = spawnSync(process.execPath, ['-e', "require('fs').readFileSync(process.argv[1])", BIN], { stdio: 'ignore', uid: user.uid, gid: user.gid });
  if (probe.status === 0) return { root: ROOT, cleanup: () => undefined };
  const root = tempDir('annotate-pkg-');
  fs.chmodSync(root, 0o755);
  const skip = new Set(['typescript', '@types', '.bin', '.package-lock.json']);
  for (const d of ['bin', 'dist', 'src']) fs.cpSync(path.join(ROOT, d), path.join(root, d), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
  fs.mkdirSync(path.join(root, 'node_modules'));
  for (const m of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
    if (!skip.has(m)) fs.cpSync(path.join(ROOT, 'node_modules', m), path.join(root, 'node_modules', m), { recursive: true });
  }
  return { root, cleanup: () => removeDir(root) };
}

/** Give a tree to a user (recursively), so a process running as that user owns it. */
export function chownTree(dir: string, user: { uid: number; gid: number }): void {
  const walk = (p: string): void => {
    fs.lchownSync(p, user.uid, user.gid);
    const st = fs.lstatSync(p);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
  };
  walk(dir);
}

/** Modification times (ms, with sub-ms part) of every file under dir. */
export function mtimes(dir: string): Map<string, bigint> {
  const m = new Map<string, bigint>();
  for (const rel of listFiles(dir)) m.set(rel, fs.statSync(path.join(dir, rel), { bigint: true }).mtimeNs);
  return m;
}
