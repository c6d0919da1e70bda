import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient } from '../helpers/lspClient';
import { FIXTURES } from '../helpers/paths';

const TIGHTVNC = fs.readFileSync(path.join(FIXTURES, 'tightvnc-network.kql'), 'utf8');
const NAME = 'InitiatingProcessVersionInfoCompanyName';
const TYPO = 'InitiatingProcessVersionInfoCompanyNme';

test('kql-language-server --stdio: a misspelled column is reported on exactly its range, and cleared when fixed', async () => {
  const client = new LspTestClient();
  try {
    const init = await client.initialize();
    assert.equal(init.serverInfo?.name, 'kql-language-server');
    assert.equal(typeof init.capabilities.textDocumentSync, 'object');

    const uri = 'file:///workspace/tightvnc.kql';
    const text = TIGHTVNC.replace(NAME, TYPO);
    const doc = TextDocument.create(uri, 'kql', 1, text);
    const first = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'kql', version: 1, text },
    });
    const published = await first;
    assert.equal(published.diagnostics.length, 1, JSON.stringify(published.diagnostics));
    const [d] = published.diagnostics;
    assert.equal(doc.getText(d.range), TYPO);
    assert.equal(
      d.range.start.line,
      text.split('\n').findIndex((l) => l.includes(TYPO)),
    );
    assert.match(String(d.message), new RegExp(TYPO));
    assert.equal(d.code, 'KS142');

    // Fix it with an incremental edit that inserts the missing letter, as an editor sends it.
    const fixAt = doc.positionAt(text.indexOf(TYPO) + 'InitiatingProcessVersionInfoCompanyN'.length);
    const cleared = client.nextDiagnostics(uri, (p) => p.version === 2);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: fixAt, end: fixAt }, text: 'a' }],
    });
    assert.deepEqual((await cleared).diagnostics, []);

    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});

test('diagnostics for quick edits arrive in version order and end on the newest text', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize();
    const uri = 'file:///workspace/typing.kql';
    const opened = client.nextDiagnostics(uri);
    const base = 'DeviceNetworkEvents | where Timestamp > ago(1d)';
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'kql', version: 1, text: base },
    });
    await opened;
    const final = client.nextDiagnostics(uri, (p) => p.version === 6);
    let text = base;
    for (let v = 2; v <= 6; v++) {
      const suffix = ' | take 1'.slice(0, (v - 1) * 2);
      const next = base + suffix;
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: v },
        contentChanges: [{ text: next }],
      });
      text = next;
    }
    const published = await final;
    assert.equal(text, base + ' | take 1');
    assert.deepEqual(published.diagnostics, []);
    // A version overtaken by a newer edit is never published after it.
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version ?? 0);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      `published versions ${JSON.stringify(versions)}`,
    );
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});
