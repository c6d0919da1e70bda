import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultCacheDir } from '../../../server/src/startup/compileCache';

test('the code cache folder: the editor-set variable, an empty one turning it off, else the platform cache folder', () => {
  assert.equal(defaultCacheDir({ KQL_HUNTING_CACHE_DIR: '/ext/storage/code-cache', XDG_CACHE_HOME: '/x' }), '/ext/storage/code-cache');
  assert.equal(defaultCacheDir({ KQL_HUNTING_CACHE_DIR: '' }), undefined);
  if (process.platform === 'linux') {
    assert.equal(defaultCacheDir({ XDG_CACHE_HOME: '/home/u/.xdg' }), path.join('/home/u/.xdg', 'kql-hunting', 'code-cache'));
    assert.equal(defaultCacheDir({}), path.join(os.homedir(), '.cache', 'kql-hunting', 'code-cache'));
  }
});
