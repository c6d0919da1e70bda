import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runBin } from '../helpers/cliHarness';
import { REPO_ROOT } from '../helpers/paths';

/**
 * The built `kqlhunt run` on the sample folder: the engine runs on a worker thread, so the
 * --timeout fires on time even while the engine is busy, and the process exits instead of
 * finishing the query first.
 */
const LOCAL = `local:${path.join(REPO_ROOT, 'samples', 'hunting-workspace')}`;

describe('kqlhunt run on local data', () => {
  it('stops a long query at --timeout with exit code 1 and says so', async () => {
    const run = await runBin(
      [
        'run',
        '--workspace',
        LOCAL,
        '--timeout',
        '2',
        '--query',
        'range x from 1 to 30000000 step 1 | extend y = x * 2 | summarize count()',
      ],
      REPO_ROOT,
    );
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /timeout: The query did not finish within 2 s/);
  });

  it('runs a short query and exits although the engine thread stays warm', async () => {
    const run = await runBin(
      ['run', '--workspace', LOCAL, '--format', 'json', '--query', 'DeviceInfo | summarize n = count()'],
      REPO_ROOT,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout).tables[0].rows, [[12]]);
  });
});
