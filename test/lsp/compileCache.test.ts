import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lspClient';
import { FIXTURES } from '../helpers/paths';

/**
 * The server runs its bundle through V8's code cache (server/src/startup). The cache is only an
 * accelerator: whatever state it is in, the server must answer exactly as without it.
 */
const TEXT = fs
  .readFileSync(path.join(FIXTURES, 'tightvnc-network.kql'), 'utf8')
  .replace('RemoteUrl', 'RemoteUrll');

/** Starts a server with `cacheDir`, opens the query, shuts down; the published diagnostics as JSON. */
async function session(cacheDir: string): Promise<string> {
  const client = new LspTestClient(['--stdio'], { ...process.env, KQL_HUNTING_CACHE_DIR: cacheDir });
  try {
    await client.initialize();
    const uri = 'file:///cache/q.kql';
    const published = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'kql', version: 1, text: TEXT },
    });
    const { diagnostics } = await published;
    assert.equal(await client.shutdown(), 0, `the server exits cleanly; stderr: ${client.stderr}`);
    assert.equal(client.stderr, '', 'nothing on stderr');
    return JSON.stringify(diagnostics);
  } finally {
    client.kill();
  }
}

const cacheFiles = (dir: string) =>
  fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.bin')) : [];

test('the compile cache is written at the first exit, read as it is after, and rebuilt when damaged', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kqlh-code-cache-'));
  const cacheDir = path.join(dir, 'nested', 'code-cache');
  try {
    const first = await session(cacheDir);
    assert.ok(first.includes('RemoteUrll'), 'the misspelled column is reported');
    const [name] = cacheFiles(cacheDir);
    assert.ok(name, 'a cache file was written at exit');
    const file = path.join(cacheDir, name);
    const written = fs.readFileSync(file);
    assert.ok(written.length > 100_000, 'it holds the compiled bundle');
    assert.equal(fs.statSync(cacheDir).mode & 0o777, 0o700, 'the folder is private to the user');

    // An accepted cache is not written again.
    assert.equal(await session(cacheDir), first);
    assert.deepEqual(cacheFiles(cacheDir), [name]);
    assert.ok(fs.readFileSync(file).equals(written), 'the cache was used as it was');

    // A damaged cache is rejected by V8, the server works as before, and a good one replaces it.
    fs.writeFileSync(file, Buffer.alloc(written.length, 0x5a));
    assert.equal(await session(cacheDir), first);
    const rebuilt = fs.readFileSync(file);
    assert.ok(
      rebuilt.length > 100_000 && !rebuilt.equals(Buffer.alloc(written.length, 0x5a)),
      'the damaged cache was replaced',
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a cache folder that cannot be created costs nothing but the cache', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kqlh-code-cache-'));
  try {
    // A file where the folder should be.
    const blocked = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocked, 'x');
    const withCache = await session(path.join(blocked, 'code-cache'));
    assert.equal(await session(''), withCache, 'the same answers as with the cache turned off');
    assert.ok(withCache.includes('RemoteUrll'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
