import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Replaces `file` with `text` so that the file is at every moment either all old or all new:
 * the text goes to a new file beside it, which is flushed to disk and then renamed over the old
 * one (a rename within a folder is atomic). An interrupted run leaves the original untouched, and
 * a failure removes the temporary file. The original's permission bits are kept.
 */
export function writeFileAtomically(file: string, text: string): void {
  const mode = fs.statSync(file).mode & 0o7777;
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.kqlhunt-${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`,
  );
  // 'wx': never write through a file (or a link) that someone put at the temporary name.
  const fd = fs.openSync(temp, 'wx', mode);
  try {
    try {
      fs.writeFileSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.chmodSync(temp, mode);
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}
