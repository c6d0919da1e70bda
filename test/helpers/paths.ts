import * as path from 'node:path';

/** Tests run from out/test/**, compiled; these paths point back at the sources. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
export const SERVER_BIN = path.join(REPO_ROOT, 'bin', 'kql-language-server.js');
/**
 * The real corpora beside our own checkout, for the benchmarks only: tests never read it (they
 * must pass on a fresh clone), and the corpus measures take the folder from `npm run measure`.
 */
export const SHARED = process.env.KQL_SHARED_DIR ?? path.resolve(REPO_ROOT, '..', 'shared');
