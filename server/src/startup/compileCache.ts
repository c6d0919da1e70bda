import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

/**
 * Runs a CommonJS bundle with V8's code cache.
 *
 * Compiling the server bundle (9 MB, most of it Microsoft's engine) takes about a third of a
 * second at every start. With the bytecode V8 produced last time, it takes a fifth of that. The
 * cache file is named by a hash of the bundle and the runtime, and V8 rejects a cache made by
 * another version or with other flags, or a damaged one. A missing, rejected or unreadable cache
 * therefore only costs a normal compile, and the cache is written again when the process exits.
 * It holds every function compiled by then, so the next start compiles almost nothing.
 *
 * Node 22 has this built in (`module.enableCompileCache`). The editors' runtimes include Node 20,
 * which does not, so this is done by hand with the vm module, which every version has.
 */
export function runWithCompileCache(file: string, cacheDir: string | undefined): void {
  const bytes = fs.readFileSync(file);
  // Our bundles are ASCII (see scripts/build.mjs), and decoding as Latin-1 is much cheaper than
  // UTF-8.
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const cacheFile = cacheDir ? cacheFileFor(file, bytes, cacheDir) : undefined;
  const cachedData = cacheFile ? readCache(cacheFile) : undefined;
  // The wrapper stays on the first line, so that line numbers in stack traces are the file's own.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  if (cacheFile && (!cachedData || script.cachedDataRejected))
    process.once('exit', () => writeCache(cacheFile, script));
  // Marks the cache as in use, for the clean-up of unused ones below.
  else if (cacheFile) fs.utimes(cacheFile, new Date(), new Date(), () => undefined);

  const dir = path.dirname(file);
  const mod = new Module(file);
  mod.filename = file;
  mod.loaded = true;
  (script.runInThisContext() as (...args: unknown[]) => void).call(
    mod.exports,
    mod.exports,
    createRequire(file),
    mod,
    file,
    dir,
  );
}

/**
 * The per-user folder for the cache: `KQL_HUNTING_CACHE_DIR` when set (empty turns the cache off),
 * else the platform's cache folder. The editor sets it to the extension's own storage.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.KQL_HUNTING_CACHE_DIR;
  if (configured !== undefined) return configured === '' ? undefined : configured;
  const base =
    env.XDG_CACHE_HOME ||
    (process.platform === 'win32'
      ? env.LOCALAPPDATA
      : path.join(os.homedir(), process.platform === 'darwin' ? 'Library/Caches' : '.cache'));
  return base ? path.join(base, 'kql-hunting', 'code-cache') : undefined;
}

/**
 * One file per bundle content and runtime. V8's own check compares only the source's length, so
 * the name carries a hash of the content: a rebuilt bundle never meets an old cache, and the same
 * bundle checked out elsewhere (a CI runner) finds its cache again. Hashing costs about 5 ms.
 */
function cacheFileFor(file: string, bytes: Buffer, cacheDir: string): string {
  const hash = createHash('sha256')
    .update(`${process.version}|${process.arch}|`)
    .update(bytes)
    .digest('hex')
    .slice(0, 24);
  return path.join(cacheDir, `${path.basename(file, '.js')}-${hash}.bin`);
}

function readCache(cacheFile: string): Buffer | undefined {
  try {
    return fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

/** Best effort, at exit: a cache that cannot be written is simply not there next time. */
function writeCache(cacheFile: string, script: vm.Script): void {
  try {
    const dir = path.dirname(cacheFile);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    removeStale(dir, path.basename(cacheFile).replace(/-[0-9a-f]+\.bin$/, '-'));
    const temp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(temp, cacheFile);
  } catch {
    // Nothing to do: the next start compiles normally.
  }
}

const STALE_MS = 7 * 24 * 3600 * 1000;

/**
 * Caches of earlier builds of a bundle are of no further use, but two installations may share the
 * folder and take turns, so only those unused for a week go.
 */
function removeStale(dir: string, prefix: string): void {
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(prefix) || !name.endsWith('.bin')) continue;
    const file = path.join(dir, name);
    if (Date.now() - fs.statSync(file).mtimeMs > STALE_MS) fs.rmSync(file, { force: true });
  }
}
