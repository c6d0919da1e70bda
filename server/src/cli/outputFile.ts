import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './exitCodes';

/** Writes a report to `--output FILE`, creating its folder, so that a CI step can upload it. */
export function writeOutput(file: string, text: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  } catch (e) {
    throw new UsageError(`cannot write ${file}: ${(e as Error).message}`);
  }
}
