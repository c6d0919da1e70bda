import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from './config';

/** How much of a JSON file is read to tell a baseline from a template: the marker is its first key. */
const SNIFF_BYTES = 4096;

/**
 * Why a file is kqlhunt's own and not one to check, or undefined for any other file. The
 * configuration (`.kqlhunt.json`) and baseline files are JSON, an extension `check` reads for ARM
 * templates; counted among the checked files they made "1 of 4 files" of a repository with three
 * rules. A baseline is known by its content, whatever its name, since teams name it as they like:
 * the `kqlhuntBaseline` version key that --write-baseline writes first.
 */
export function kqlhuntOwnFile(file: string): string | undefined {
  if (path.basename(file) === CONFIG_FILE_NAME) return 'it is the kqlhunt configuration, not a file to check';
  if (path.extname(file).toLowerCase() !== '.json') return undefined;
  return isBaseline(file) ? 'it is a kqlhunt baseline, not a file to check' : undefined;
}

function isBaseline(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const read = fs.readSync(fd, buffer, 0, SNIFF_BYTES, 0);
    const head = buffer
      .subarray(0, read)
      .toString('utf8')
      .replace(/^\ufeff/, '');
    return /^\s*\{\s*"kqlhuntBaseline"\s*:/.test(head);
  } catch {
    // Unreadable here is reported where the file is read to be checked.
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
