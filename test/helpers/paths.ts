import * as path from 'node:path';

/** Tests run from out/test/**, compiled; these paths point back at the sources and shared data. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SHARED = path.resolve(REPO_ROOT, '..', 'shared');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
export const SERVER_BIN = path.join(REPO_ROOT, 'bin', 'kql-language-server.js');
