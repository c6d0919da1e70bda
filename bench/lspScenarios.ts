import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient } from '../test/helpers/lspClient';
import { FIXTURES } from '../test/helpers/paths';

/**
 * Scenarios that drive the built `kql-language-server --stdio` exactly as an editor does: real
 * processes, real JSON-RPC framing, incremental didChange, and the time until the server's answer
 * arrives on the client side.
 */
export const TIGHTVNC = fs.readFileSync(path.join(FIXTURES, 'tightvnc-network.kql'), 'utf8');

const now = () => performance.now();

/** Spawn to first publishDiagnostics for the TightVNC query, in milliseconds. */
export async function coldStart(): Promise<number> {
  const start = now();
  const client = new LspTestClient();
  try {
    await client.initialize();
    const uri = 'file:///bench/cold.kql';
    const first = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'kql', version: 1, text: TIGHTVNC },
    });
    await first;
    return now() - start;
  } finally {
    await client.shutdown().catch(() => client.kill());
  }
}

/** An open document on a running server, edited and queried one request at a time. */
export class OpenDocument {
  private version = 1;
  private doc: TextDocument;

  private constructor(
    readonly client: LspTestClient,
    readonly uri: string,
    text: string,
  ) {
    this.doc = TextDocument.create(uri, 'kql', 1, text);
  }

  static async open(client: LspTestClient, uri: string, text: string): Promise<OpenDocument> {
    const d = new OpenDocument(client, uri, text);
    const first = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'kql', version: 1, text },
    });
    await first;
    return d;
  }

  get text(): string {
    return this.doc.getText();
  }

  positionAt(offset: number): Position {
    return this.doc.positionAt(offset);
  }

  /** Replaces [start, end) with `insert` and resolves with the ms until diagnostics for that version arrive. */
  async edit(start: number, end: number, insert: string): Promise<number> {
    const range = { start: this.doc.positionAt(start), end: this.doc.positionAt(end) };
    const version = ++this.version;
    this.doc = TextDocument.update(this.doc, [{ range, text: insert }], version);
    const t0 = now();
    const published = this.client.nextDiagnostics(this.uri, (p) => p.version === version);
    await this.client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: this.uri, version },
      contentChanges: [{ range, text: insert }],
    });
    await published;
    return now() - t0;
  }

  /** Types `word` one character at a time at `offset`, then deletes it again; one timing per keystroke. */
  async typeAndErase(offset: number, word: string): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < word.length; i++) times.push(await this.edit(offset + i, offset + i, word[i]));
    for (let i = word.length; i > 0; i--) times.push(await this.edit(offset + i - 1, offset + i, ''));
    return times;
  }

  async completionMs(offset: number): Promise<{ ms: number; items: number }> {
    const t0 = now();
    const r = await this.client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: this.uri },
      position: this.doc.positionAt(offset),
    });
    const items = Array.isArray(r) ? r.length : (r?.items.length ?? 0);
    return { ms: now() - t0, items };
  }

  async hoverMs(offset: number): Promise<{ ms: number; found: boolean }> {
    const t0 = now();
    const r = await this.client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: this.uri },
      position: this.doc.positionAt(offset),
    });
    return { ms: now() - t0, found: !!r };
  }
}

/** A 2,000-line file of 100 hunting queries, each 20 lines, every one different. */
export function largeFile(): string {
  const queries: string[] = [];
  for (let q = 0; q < 100; q++) {
    queries.push(
      [
        `// query ${q}: connections to port ${1000 + q}`,
        `let window_${q} = ${q + 1}d;`,
        `let ports_${q} = dynamic([${1000 + q}, ${2000 + q}]);`,
        'DeviceNetworkEvents',
        `| where Timestamp > ago(window_${q})`,
        `| where RemotePort in (ports_${q})`,
        "| where ActionType == 'ConnectionSuccess'",
        `| where InitiatingProcessFileName =~ 'tool${q}.exe'`,
        '| where isnotempty(RemoteUrl)',
        `| extend Bucket = bin(Timestamp, ${(q % 6) + 1}h)`,
        '| extend Domain = tostring(parse_url(strcat("https://", RemoteUrl)).Host)',
        '| summarize',
        '    FirstSeen = min(Timestamp),',
        '    LastSeen = max(Timestamp),',
        '    Devices = dcount(DeviceId),',
        '    Reports = make_set(ReportId, 100)',
        '    by Domain, Bucket',
        '| where Devices > 1',
        '| order by Devices desc',
        `| take ${10 + q}`,
      ].join('\n'),
    );
  }
  return queries.join('\n\n') + '\n';
}

/** Resident set size of a process in MB, from /proc. */
export function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}
