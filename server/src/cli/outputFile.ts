import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './exitCodes';

/**
 * Refuses an `--output` path that is one of the run's inputs (a checked file, a schema file or
 * the configuration), by real path, so that a report can never overwrite what it reports on.
 */
export function refuseOutputOverInput(given: string, output: string, inputs: readonly string[]): void {
  const target = realPath(output);
  if (inputs.some((input) => realPath(input) === target))
    throw new UsageError(
      `--output ${given} is one of the files being read; write the report to another file`,
    );
}

/**
 * Writes a report to `--output FILE`, creating its folder, so that a CI step can upload it. The
 * report goes to a new file beside it, then replaces FILE in one rename: a reader never sees half
 * a report, and a failed run leaves the previous one whole.
 */
export function writeOutput(file: string, text: string): void {
  // A fresh name, created exclusively: never written through a file or link already there.
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temp, text, { flag: 'wx' });
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw new UsageError(`cannot write ${file}: ${(e as Error).message}`);
  }
}

/** The real path of `p`, or of its folder when `p` does not exist yet. */
function realPath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(p)), path.basename(p));
    } catch {
      return path.resolve(p);
    }
  }
}
