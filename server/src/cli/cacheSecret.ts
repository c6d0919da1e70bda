import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isInside, readRegularText } from './regularFile';

/**
 * The key that signs `kqlhunt check --cache` entries (checkCache.ts). The cache file usually
 * lives in the repository being checked, where a pull request can commit one; its entries are
 * used only when signed with a key the repository cannot hold: `KQLHUNT_CACHE_KEY`, else a
 * random key kept in the user's cache folder (`$XDG_CACHE_HOME/kql-hunting/cache-key`, by default
 * `~/.cache/kql-hunting/cache-key`, under `%LOCALAPPDATA%` on Windows and `~/Library/Caches` on
 * macOS), made on first use.
 */
const CACHE_KEY_VARIABLE = 'KQLHUNT_CACHE_KEY';

const KEY_FILE_PATTERN = /^[0-9a-f]{64}$/;

export type CacheSecret = { key: Buffer } | { problem: string };

/** The signing key, or why there is none (the run then goes on without the cache). */
export function cacheSecret(
  env: Readonly<Record<string, string | undefined>>,
  checkedFolder: string,
): CacheSecret {
  const fromEnv = env[CACHE_KEY_VARIABLE];
  if (fromEnv) return { key: createHash('sha256').update(fromEnv).digest() };
  const file = keyFile(env);
  // A key inside the working folder could have come with the repository being checked (a
  // container whose home folder is the checkout, for one), so it is never used from there.
  const cwd = realPath(checkedFolder);
  const inWorkingFolder = () => isInside(cwd, realPath(file));
  const refused = {
    problem: `its key ${file} would lie inside the working folder; set ${CACHE_KEY_VARIABLE} instead`,
  };
  if (inWorkingFolder()) return refused;
  try {
    const text = readOrCreate(file).trim();
    if (inWorkingFolder()) return refused;
    if (!KEY_FILE_PATTERN.test(text))
      return { problem: `its key ${file} is not 64 hexadecimal digits; delete it to make a new one` };
    return { key: Buffer.from(text, 'hex') };
  } catch (e) {
    return { problem: `cannot keep its key in ${file}: ${(e as Error).message}` };
  }
}

/** In the same per-user folder as the start-up code cache (startup/compileCache.ts). */
function keyFile(env: Readonly<Record<string, string | undefined>>): string {
  const base =
    env.XDG_CACHE_HOME ||
    (process.platform === 'win32' && env.LOCALAPPDATA
      ? env.LOCALAPPDATA
      : path.join(os.homedir(), process.platform === 'darwin' ? 'Library/Caches' : '.cache'));
  return path.resolve(base, 'kql-hunting', 'cache-key');
}

function readOrCreate(file: string): string {
  try {
    return readRegularText(file, 1024);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // 'wx': never through an existing file or link; readable by its owner only.
    fs.writeFileSync(file, randomBytes(32).toString('hex') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (e) {
    // Another run made it first: use theirs.
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return readRegularText(file, 1024);
}

/** The real path of `p`, or, when it does not exist yet, its nearest existing folder's real path joined with the rest. */
function realPath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    const parent = path.dirname(p);
    return parent === p ? p : path.join(realPath(parent), path.basename(p));
  }
}
