import * as path from 'node:path';
import { REPO_ROOT } from '../test/helpers/paths';

/**
 * The real corpora beside our own checkout, for the benchmarks only (KQL_SHARED_DIR overrides).
 * Tests never read it, since they must pass on a fresh clone; the corpus measures take the folder
 * from `npm run measure -- --shared PATH`.
 */
export const SHARED = process.env.KQL_SHARED_DIR ?? path.resolve(REPO_ROOT, '..', 'shared');
