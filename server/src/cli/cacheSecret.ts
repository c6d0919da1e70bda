import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isInside, readRegularText } from './regularFile';

/**
 * The key that signs `kqlhunt check --cache` entries (checkCache.ts). The cache file usually
 * lives in the repository being checked, where a pull request can commit one; its entries are
 * used only when signed with a key the repository cannot hold: `KQLHUNT_CACHE_KEY`, else a
 * random key kept in the user's cache folder (`$XDG_CACHE_HOME/kqlhunt/cache-key`, by default
 * `~/.cache/kqlhunt/cache-key`; `%LOCALAPPDATA%\kqlhunt\cache-key` on Windows), made on first use.
 */
export const CACHE_KEY_VARIABLE = 'KQLHUNT_CACHE_KEY';

const KEY_FILE_PATTERN = /^[0-9a-f]{64}$/;

export type CacheSecret = { key: Buffer } | { problem: string };

export function cacheSecret(env: Readonly<Record<string, string | undefined>>, checkedFolder: string): CacheSecret {
  const fromEnv = env[CACHE_KEY_VARIABLE];
  if (fromEnv) return { key: createHash('sha256').update(fromEnv).digest() };
  const file = keyFile(env);
  try {
    const text = readOrCreate(file).trim();
    // A key inside the folder being checked could have come with the pull request.
    if (isInside(realFolder(checkedFolder), fs.realpathSync(file))) return { problem: `its key ${file} lies inside the folder being checked; set ${CACHE_KEY_VARIABLE} instead` };
    if (!KEY_FILE_PATTERN.test(text)) return { problem: `its key ${file} is not 64 hexadecimal digits; delete it to make a new one` };
    return { key: Buffer.from(text, 'hex') };
  } catch (e) {
    return { problem: `cannot keep its key in ${file}: ${(e as Error).message}` };
  }
}

function keyFile(env: Readonly<Record<string, string | undefined>>): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : process.platform === 'win32' && env.LOCALAPPDATA ? env.LOCALAPPDATA : path.join(os.homedir(), '.cache');
  return path.join(base, 'kqlhunt', 'cache-key');
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

function realFolder(folder: string): string {
  try {
    return fs.realpathSync(folder);
  } catch {
    return folder;
  }
}
