import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  LogMessageNotification,
  MessageType,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient } from '../helpers/lspClient';
import { settings, testService } from '../helpers/languageService';
import { FIXTURES } from '../helpers/paths';

/**
 * Property tests against the real server over the protocol: random incremental edits, random
 * requests in between, and mutated real rules. The server must never let an exception escape a
 * handler (it would log an error), must answer every request within the deadline, and its idea
 * of the document must stay equal to the client's: the final diagnostics it publishes equal the
 * pure service's diagnostics for the client's text. FUZZ_RUNS raises the number of cases.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const DEADLINE_MS = Number(process.env.FUZZ_DEADLINE_MS ?? 20000);
const TIGHTVNC = fs.readFileSync(path.join(FIXTURES, 'tightvnc-network.kql'), 'utf8');

const fragments = [
  '|',
  ' where ',
  ' summarize ',
  'count()',
  ' by ',
  '(',
  ')',
  '"',
  "'",
  '\n',
  '\r\n',
  '\n\n',
  'let x = 1;',
  '//',
  '@',
  'h"',
  '[',
  ']',
  '{',
  '}',
  'DeviceNetworkEvents',
  'Timestamp',
  '..',
  '🔎',
  'é',
  '\uD800',
  '\t',
  '\u0000',
];
const insertText = fc.oneof(
  fc.constantFrom(...fragments),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 3 }),
);

interface EditSpec {
  start: number;
  length: number;
  text: string;
  request: 'none' | 'hover' | 'completion';
  at: number;
}
const edit = fc.record({
  start: fc.nat(),
  length: fc.nat({ max: 12 }),
  text: insertText,
  request: fc.constantFrom('none', 'none', 'hover', 'completion'),
  at: fc.nat(),
});

function withDeadline<T>(p: Promise<T>, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${what} took more than ${DEADLINE_MS} ms`)),
      DEADLINE_MS,
    );
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

function comparable(ds: { range: unknown; message: unknown; code?: unknown }[]) {
  return ds.map((d) => JSON.stringify([d.range, d.code, d.message])).sort();
}

test(
  'random incremental edits keep the server in step with the client, and every request answers',
  { timeout: 30 * 60 * 1000 },
  async () => {
    const client = new LspTestClient();
    const errors: string[] = [];
    client.connection.onNotification(LogMessageNotification.type, (m) => {
      if (m.type === MessageType.Error) errors.push(m.message);
    });
    await client.initialize({ textDocument: { completion: { completionItem: { snippetSupport: true } } } });
    let n = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 15 }), async (edits: EditSpec[]) => {
          const uri = `file:///fuzz/doc${n++}.kql`;
          let doc = TextDocument.create(uri, 'kql', 1, TIGHTVNC);
          await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'kql', version: 1, text: TIGHTVNC },
          });
          for (const e of edits) {
            const len = doc.getText().length;
            const start = e.start % (len + 1);
            const end = Math.min(len, start + e.length);
            const change: TextDocumentContentChangeEvent = {
              range: { start: doc.positionAt(start), end: doc.positionAt(end) },
              text: e.text,
            };
            doc = TextDocument.update(doc, [change], doc.version + 1);
            await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
              textDocument: { uri, version: doc.version },
              contentChanges: [change],
            });
            const position = doc.positionAt(e.at % (doc.getText().length + 1));
            if (e.request === 'hover')
              await withDeadline(
                client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }),
                'hover',
              );
            if (e.request === 'completion')
              await withDeadline(
                client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }),
                'completion',
              );
          }
          // They may have arrived while a request was answered, before this line.
          const published = await withDeadline(
            client.diagnosticsForVersion(uri, doc.version, DEADLINE_MS * 2),
            'diagnostics',
          );
          const service = testService();
          const expected = service.getDiagnostics(service.analyze(doc, settings()), settings());
          assert.deepEqual(comparable(published.diagnostics), comparable(expected));
          await client.connection.sendNotification(DidCloseTextDocumentNotification.type, {
            textDocument: { uri },
          });
          assert.deepEqual(errors, []);
        }),
        // Shrinking replays a failure many times, each waiting out the deadline; report the first failure instead.
        {
          numRuns: RUNS,
          seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined,
          endOnFailure: true,
        },
      );
    } finally {
      await client.shutdown().catch(() => client.kill());
    }
  },
);

/** Rule files of our own (Sentinel and Defender, scheduled and hunting), mutated; opened as YAML, Markdown and KQL. */
function ruleSamples(): string[] {
  const files = [
    path.join(FIXTURES, 'cli', 'project', 'rules', 'tightvnc-rule.yaml'),
    ...fs.readdirSync(path.join(FIXTURES, 'rules')).map((f) => path.join(FIXTURES, 'rules', f)),
  ];
  return [TIGHTVNC, ...files.map((f) => fs.readFileSync(f, 'utf8'))];
}

test('mutated rule files never crash a handler or hang the server', { timeout: 30 * 60 * 1000 }, async () => {
  const samples = ruleSamples();
  assert.ok(samples.length >= 4);
  const client = new LspTestClient();
  const errors: string[] = [];
  client.connection.onNotification(LogMessageNotification.type, (m) => {
    if (m.type === MessageType.Error) errors.push(m.message);
  });
  await client.initialize();
  let n = 0;
  const mutation = fc.record({
    sample: fc.nat(),
    cuts: fc.array(fc.record({ at: fc.nat(), len: fc.nat({ max: 40 }), text: insertText }), { maxLength: 6 }),
    lang: fc.constantFrom('yaml', 'markdown', 'kql'),
  });
  try {
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        let text = samples[m.sample % samples.length];
        if (m.lang === 'markdown') text = '# Rule\n\n```kql\n' + text + '\n```\n';
        for (const c of m.cuts) {
          const at = c.at % (text.length + 1);
          text = text.slice(0, at) + c.text + text.slice(at + c.len);
        }
        const ext = { yaml: 'yaml', markdown: 'md', kql: 'kql' }[m.lang];
        const uri = `file:///fuzz/mutated${n++}.${ext}`;
        const published = client.nextDiagnostics(uri, () => true, DEADLINE_MS * 2);
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
          textDocument: { uri, languageId: m.lang, version: 1, text },
        });
        await withDeadline(published, 'diagnostics for a mutated rule');
        await withDeadline(
          client.connection.sendRequest(HoverRequest.type, {
            textDocument: { uri },
            position: { line: 3, character: 4 },
          }),
          'hover',
        );
        await client.connection.sendNotification(DidCloseTextDocumentNotification.type, {
          textDocument: { uri },
        });
        assert.deepEqual(errors, []);
      }),
      { numRuns: RUNS * 2, endOnFailure: true },
    );
  } finally {
    await client.shutdown().catch(() => client.kill());
  }
});
