import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { SERVER_BIN } from '../helpers/paths';

/**
 * A client that sends a frame the server cannot read must not leave it hanging silently: the
 * server says why on stderr and exits, while stdin is still open, so the client can restart it.
 */
function sendAndWaitForExit(bytes: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.resume();
  child.stdin.write(bytes);
  // stdin stays open: only the server's own handling of the bad frame can end it.
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the server was still running 30 s after a malformed frame; stderr: ${stderr}`));
    }, 30000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('LSP framing', () => {
  for (const [what, bytes] of [
    ['a Content-Length that is not a number', 'Content-Length: abc\r\n\r\n{}'],
    ['a header without Content-Length', 'Content-Type: application/json\r\n\r\n{}'],
    ['a body that is not JSON', 'Content-Length: 5\r\n\r\n{oops'],
  ] as const) {
    it(`logs and exits on ${what}`, async () => {
      const { code, stderr } = await sendAndWaitForExit(bytes);
      assert.equal(code, 1);
      assert.match(stderr, /kql-language-server: cannot read a message from the client \(.+\); exiting/);
    });
  }
});
