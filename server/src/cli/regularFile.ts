import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Reading only what is a file. A checked-out repository can hold links to anything: to
 * `/proc/self/environ` (the CI runner's secrets, which the text format would print as a source
 * line), to `/dev/zero` (never ends) or to a FIFO (blocks the read for good). Every file kqlhunt
 * check reads (the checked files, `.kqlhunt.json`, `.gitignore`, the cache) comes through here.
 */

/**
 * Linux's virtual file systems: their "regular" files are generated on each read (a process's
 * environment, memory maps, kernel settings), so they are never the user's queries.
 */
const PSEUDO_FILE_SYSTEMS = ['/proc', '/sys'];

/** True when `p` is `folder` or lies inside it; both must be absolute and resolved the same way. */
export function isInside(folder: string, p: string): boolean {
  if (p === folder) return true;
  const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
  return p.startsWith(prefix);
}

/** The pseudo file system `realPath` lies in, if any. */
export function pseudoFileSystemOf(realPath: string): string | undefined {
  if (process.platform === 'win32') return undefined;
  return PSEUDO_FILE_SYSTEMS.find((root) => isInside(root, realPath));
}

/** What a non-regular file is, in words for a message. */
export function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/** Why `file` must not be read, or undefined when it is a regular file kqlhunt may read. */
export function refusalOf(file: string): string | undefined {
  const real = fs.realpathSync(file);
  const pseudo = pseudoFileSystemOf(real);
  if (pseudo) return `it is under ${pseudo}, which kqlhunt never reads`;
  const stat = fs.statSync(real);
  return stat.isFile() ? undefined : `it is ${kindOf(stat)}, not a regular file`;
}

/**
 * The bytes of `file`, refusing (with an Error whose message says why) anything that is not a
 * regular file outside /proc and /sys, or that is larger than `maxBytes`. The type is checked
 * before opening, because opening some devices acts on them, and again on the open descriptor,
 * which is opened non-blocking, so that a file swapped for a FIFO in between cannot hang the run.
 */
export function readRegularFile(file: string, maxBytes = Infinity): Buffer {
  const refusal = refusalOf(file);
  if (refusal) throw new Error(refusal);
  const flags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);
  const fd = fs.openSync(file, flags);
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new Error(`it is ${kindOf(stat)}, not a regular file`);
    if (stat.size > maxBytes) throw new Error(`it is ${stat.size} bytes, over the limit of ${maxBytes}`);
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** `readRegularFile` as UTF-8 text. */
export function readRegularText(file: string, maxBytes = Infinity): string {
  return readRegularFile(file, maxBytes).toString('utf8');
}
