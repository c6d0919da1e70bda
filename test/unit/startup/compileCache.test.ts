import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultCacheDir } from '../../../server/src/startup/compileCache';

test('the code cache folder: the editor-set variable, an empty one turning it off, else the platform cache folder', () => {
  assert.equal(
    defaultCacheDir({ KQL_HUNTING_CACHE_DIR: '/ext/storage/code-cache', XDG_CACHE_HOME: '/x' }),
    '/ext/storage/code-cache',
  );
  assert.equal(defaultCacheDir({ KQL_HUNTING_CACHE_DIR: '' }), undefined);
  if (process.platform === 'linux') {
    assert.equal(
      defaultCacheDir({ XDG_CACHE_HOME: '/home/u/.xdg' }),
      path.join('/home/u/.xdg', 'kql-hunting', 'code-cache'),
    );
    assert.equal(defaultCacheDir({}), path.join(os.homedir(), '.cache', 'kql-hunting', 'code-cache'));
  }
});

test('a bundle changed to other code of the same length never runs with the old cache', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kqlh-cc-unit-'));
  try {
    const bundle = path.join(dir, 'bundle.js');
    const cacheDir = path.join(dir, 'cache');
    const loader = require.resolve('../../../server/src/startup/compileCache');
    // Runs the bundle in a fresh process, which writes the cache at exit.
    const run = () => {
      const r = spawnSync(
        process.execPath,
        [
          '-e',
          `require(${JSON.stringify(loader)}).runWithCompileCache(${JSON.stringify(bundle)}, ${JSON.stringify(cacheDir)})`,
        ],
        { encoding: 'utf8' },
      );
      assert.equal(r.status, 0, r.stderr);
      return r.stdout.trim();
    };
    // Enough code that V8 has something to cache, and a module-style export to show the wrapper works.
    const body = (answer: string) =>
      `module.exports = 1;\nfunction f(n) { return n < 2 ? n : f(n - 1) + f(n - 2); }\nconsole.log('${answer}', f(10), __filename === ${JSON.stringify(bundle)}, typeof require('node:fs').readFileSync);\n`;
    fs.writeFileSync(bundle, body('first'));
    assert.equal(run(), 'first 55 true function');
    const caches = fs.readdirSync(cacheDir);
    assert.equal(caches.length, 1, 'the cache was written at exit');
    assert.equal(run(), 'first 55 true function', 'and read back');

    fs.writeFileSync(bundle, body('other'));
    assert.equal(fs.statSync(bundle).size, Buffer.byteLength(body('first')), 'same length');
    assert.equal(run(), 'other 55 true function', 'the new code runs');
    assert.equal(
      fs.readdirSync(cacheDir).filter((f) => !caches.includes(f)).length,
      1,
      'under a cache of its own',
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
