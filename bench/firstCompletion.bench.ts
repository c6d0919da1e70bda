import { CompletionRequest, DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient } from '../test/helpers/lspClient';
import { TIGHTVNC } from './lspScenarios';
import * as os from 'node:os';
import { summarize } from './stats';

/**
 * The newcomer's first completion: a fresh server, the TightVNC query opened, and a completion
 * asked as soon as the first diagnostics arrive, after `| where ` on the query's last line. Each
 * run starts a new server, so the figure includes whatever the engine has not warmed yet.
 *
 *   npx tsc -p . && node out/bench/firstCompletion.bench.js [runs]
 */
const uri = 'file:///bench/first.kql';
const text = `${TIGHTVNC.trimEnd()}\n| where `;

async function oneRun(): Promise<{ cold: number; first: number; items: number; second: number }> {
  const t0 = performance.now();
  const client = new LspTestClient();
  try {
    await client.initialize();
    const diagnostics = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'kql', version: 1, text },
    });
    await diagnostics;
    const cold = performance.now() - t0;
    const position = TextDocument.create(uri, 'kql', 1, text).positionAt(text.length);
    const ask = async () => {
      const t = performance.now();
      const r = await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position,
      });
      const items = Array.isArray(r) ? r.length : (r?.items.length ?? 0);
      return { ms: performance.now() - t, items };
    };
    const first = await ask();
    const second = await ask();
    return { cold, first: first.ms, items: first.items, second: second.ms };
  } finally {
    await client.shutdown().catch(() => client.kill());
  }
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5);
  const colds: number[] = [];
  const firsts: number[] = [];
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await oneRun();
    colds.push(r.cold);
    firsts.push(r.first);
    seconds.push(r.second);
    console.log(
      `run ${i + 1}: cold start ${r.cold.toFixed(0)} ms, first completion ${r.first.toFixed(1)} ms (${r.items} items), second ${r.second.toFixed(1)} ms`,
    );
  }
  console.log(
    `load average: ${os
      .loadavg()
      .map((l: number) => l.toFixed(2))
      .join(' ')}`,
  );
  for (const [name, xs] of [
    ['cold start', colds],
    ['first completion', firsts],
    ['second completion', seconds],
  ] as const) {
    const s = summarize(xs);
    console.log(
      `${name}: n=${xs.length} p50 ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms`,
    );
  }
}

void main();
