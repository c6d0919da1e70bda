import * as path from 'node:path';

/** Tests run from out/test/**, compiled; these paths point back at the sources. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
export const SERVER_BIN = path.join(REPO_ROOT, 'bin', 'kql-language-server.js');
