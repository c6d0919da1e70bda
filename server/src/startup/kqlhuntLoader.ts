/**
 * kqlhunt's entry point (dist/cli/kqlhunt.js): runs the command-line bundle beside it through
 * V8's code cache, as the language server does (see compileCache.ts). Short runs, such as a
 * pre-commit hook on a few files, are mostly start-up.
 */
import * as path from 'node:path';
import { defaultCacheDir, runWithCompileCache } from './compileCache';

runWithCompileCache(path.join(__dirname, 'kqlhuntMain.js'), defaultCacheDir());
