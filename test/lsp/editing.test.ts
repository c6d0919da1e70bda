import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  CodeActionRequest,
  CompletionRequest,
  CompletionResolveRequest,
  DefinitionRequest,
  DidOpenTextDocumentNotification,
  DocumentFormattingRequest,
  DocumentHighlightRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  SemanticTokensRequest,
  SignatureHelpRequest,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient } from '../helpers/lspClient';

const NAME = 'InitiatingProcessVersionInfoCompanyName';

/** One server for every editing method: starting the engine is the slow part. */
test('kql-language-server answers every editing request over stdio', async (t) => {
  const client = new LspTestClient();
  try {
    const init = await client.initialize({
      textDocument: { completion: { completionItem: { snippetSupport: true } } },
    });
    const caps = init.capabilities;
    for (const c of [
      'completionProvider',
      'hoverProvider',
      'signatureHelpProvider',
      'definitionProvider',
      'referencesProvider',
      'renameProvider',
      'documentHighlightProvider',
      'documentSymbolProvider',
      'foldingRangeProvider',
      'documentFormattingProvider',
      'documentRangeFormattingProvider',
      'semanticTokensProvider',
      'codeActionProvider',
    ] as const) {
      assert.ok(caps[c], `announces ${c}`);
    }
    const uri = 'file:///workspace/editing.kql';
    const text = `let port = 443;\nDeviceNetworkEvents\n| where RemotePort == port and ${NAME.replace('Name', 'Nme')}`;
    const doc = TextDocument.create(uri, 'kql', 1, text);
    const opened = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'kql', version: 1, text },
    });
    const published = await opened;
    const textDocument = { uri };
    const pos = (needle: string, delta = 0) => doc.positionAt(text.indexOf(needle) + delta);

    await t.test('publishes engine errors and hunting lints together', () => {
      const codes = published.diagnostics.map((d) => d.code).sort();
      assert.deepEqual(codes, ['KS142', 'missing-time-filter']);
    });

    await t.test('completion offers the column being typed and resolves its documentation', async () => {
      const list = (await client.connection.sendRequest(CompletionRequest.type, {
        textDocument,
        position: pos('InitiatingProcess', 5),
      })) as CompletionList;
      const item = list.items.find((i) => i.label === NAME);
      assert.ok(item);
      const resolved: CompletionItem = await client.connection.sendRequest(
        CompletionResolveRequest.type,
        item,
      );
      assert.equal(resolved.detail, `${NAME}: string`);
    });

    await t.test('hover shows a column type', async () => {
      const hover = await client.connection.sendRequest(HoverRequest.type, {
        textDocument,
        position: pos('RemotePort', 2),
      });
      assert.match((hover!.contents as MarkupContent).value, /RemotePort: int/);
    });

    await t.test('signature help inside a call', async () => {
      const d2 = 'print strcat_delim("-", ';
      const u2 = 'file:///workspace/sig.kql';
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: u2, languageId: 'kql', version: 1, text: d2 },
      });
      const help = await client.connection.sendRequest(SignatureHelpRequest.type, {
        textDocument: { uri: u2 },
        position: { line: 0, character: d2.length },
      });
      assert.equal(help?.activeParameter, 1);
    });

    await t.test('definition, references, highlights and rename of a let', async () => {
      const usage = pos('== port', 4);
      const defs = await client.connection.sendRequest(DefinitionRequest.type, {
        textDocument,
        position: usage,
      });
      assert.deepEqual(
        (defs as { range: unknown }[]).map((d) => d.range),
        [{ start: { line: 0, character: 4 }, end: { line: 0, character: 8 } }],
      );
      const refs = await client.connection.sendRequest(ReferencesRequest.type, {
        textDocument,
        position: usage,
        context: { includeDeclaration: true },
      });
      assert.equal(refs?.length, 2);
      const highlights = await client.connection.sendRequest(DocumentHighlightRequest.type, {
        textDocument,
        position: usage,
      });
      assert.equal(highlights?.length, 2);
      const range = await client.connection.sendRequest(PrepareRenameRequest.type, {
        textDocument,
        position: usage,
      });
      assert.ok(range);
      const edit = await client.connection.sendRequest(RenameRequest.type, {
        textDocument,
        position: usage,
        newName: 'remotePort',
      });
      assert.equal(edit?.changes?.[uri].length, 2);
      await assert.rejects(
        client.connection.sendRequest(RenameRequest.type, {
          textDocument,
          position: pos('RemotePort', 2),
          newName: 'X',
        }),
        /can be renamed/,
      );
    });

    await t.test('symbols, folding, semantic tokens and formatting', async () => {
      const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
      assert.equal(symbols?.length, 1);
      const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument });
      assert.ok(folds?.some((f) => f.startLine === 0 && f.endLine === 2));
      const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument });
      assert.ok(tokens && tokens.data.length > 0 && tokens.data.length % 5 === 0);
      const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, {
        textDocument,
        options: { tabSize: 4, insertSpaces: true },
      });
      assert.ok(Array.isArray(edits));
    });

    await t.test('code actions: did you mean and add a time filter', async () => {
      const diagnostics = published.diagnostics as Diagnostic[];
      const unknown = diagnostics.find((d) => d.code === 'KS142')!;
      const fixes = await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument,
        range: unknown.range,
        context: { diagnostics: [unknown] },
      });
      assert.ok(
        fixes?.some((f) => 'title' in f && /^Change to 'Initiating/.test(f.title)),
        JSON.stringify(fixes),
      );
      const time = diagnostics.find((d) => d.code === 'missing-time-filter')!;
      const add = await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument,
        range: time.range,
        context: { diagnostics: [time], only: ['quickfix'] },
      });
      assert.ok(
        add?.some((f) => f.title === 'Add a time filter on Timestamp'),
        JSON.stringify(add),
      );
    });

    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});
