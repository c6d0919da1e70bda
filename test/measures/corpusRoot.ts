import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The folder that holds the real corpora (`corpus/sentinel-rules`, `corpus/rmm`,
 * `reference/...`). Measures are run by `npm run measure -- --shared PATH`, which passes the
 * folder in KQL_SHARED_DIR; a measure run without it fails at once rather than measuring
 * nothing, so a missing corpus can never pass for a good figure.
 */
export function corpusRoot(): string {
  const dir = process.env.KQL_SHARED_DIR;
  if (!dir)
    throw new Error('KQL_SHARED_DIR is not set: run the measures with `npm run measure -- --shared PATH`.');
  const resolved = path.resolve(dir);
  if (!fs.existsSync(path.join(resolved, 'corpus')))
    throw new Error(`${resolved} has no corpus/ folder: pass the folder that holds corpus/ and reference/.`);
  return resolved;
}
