import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';

/**
 * A hash of the code that runs: the command-line bundle (dist/cli/kqlhuntMain.js) when started
 * from bin/kqlhunt.js. The version number alone does not tell builds apart (a CI job that builds
 * the tool from a branch keeps the same version while the checks change), and a cache restored
 * from an earlier build must not answer for this one. When the file cannot be read the hash is
 * random, so that nothing cached is trusted.
 */
let buildHash: string | undefined;

export function toolBuildHash(): string {
  if (buildHash === undefined) {
    try {
      buildHash = createHash('sha256').update(fs.readFileSync(__filename)).digest('hex');
    } catch {
      buildHash = randomBytes(32).toString('hex');
    }
  }
  return buildHash;
}
