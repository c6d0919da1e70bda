/**
 * Editing latency through the real protocol (issue 4): didChange to publishDiagnostics and
 * completion request to answer, p50 and p95, on the TightVNC query and on a 2,000-line file of
 * 100 queries where one line changes. Diagnostics include the engine's analyzers and the
 * hunting lints, as an editor receives them.
 *
 * Run: npm run build && npx tsc -p . && node out/bench/editing.bench.js [rounds]
 */
import { SignatureHelpRequest } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../test/helpers/lspClient';
import { largeFile, OpenDocument, TIGHTVNC } from './lspScenarios';
import { summarize } from './stats';

const rounds = Number(process.argv[2] ?? 40);

function row(name: string, values: number[]): string {
  const s = summarize(values);
  return `| ${name} | ${s.n} | ${s.median.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.max.toFixed(1)} |`;
}

/** The offset just after `needle`, which must be in the text. */
function after(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`'${needle}' is not in the document`);
  return at + needle.length;
}

/** One line of a document edited over and over: the digit at `offset` changes each round. */
async function lineEdits(doc: OpenDocument, offset: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) times.push(await doc.edit(offset, offset + 1, String((i % 9) + 1)));
  return times;
}

async function completions(doc: OpenDocument, offset: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const { ms, items } = await doc.completionMs(offset);
    if (items === 0) throw new Error('completion returned no items');
    times.push(ms);
  }
  return times;
}

async function signatureHelp(client: LspTestClient, doc: OpenDocument, offset: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const r = await client.connection.sendRequest(SignatureHelpRequest.type, {
      textDocument: { uri: doc.uri },
      position: doc.positionAt(offset),
    });
    if (!r) throw new Error('no signature help');
    times.push(performance.now() - t0);
  }
  return times;
}

async function main(): Promise<void> {
  const client = new LspTestClient();
  try {
    await client.initialize({ textDocument: { completion: { completionItem: { snippetSupport: true } } } });
    const small = await OpenDocument.open(client, 'file:///bench/tightvnc.kql', TIGHTVNC);
    const big = await OpenDocument.open(client, 'file:///bench/large.kql', largeFile());
    // Offsets are taken before editing: each edit replaces one digit, so none of them move.
    const smallDigit = after(small.text, 'now(-');
    const smallCompletion = after(small.text, '| where Initi');
    const bigDigit = after(big.text, "'tool5");
    const bigCompletion =
      after(big.text, "| where InitiatingProcessFileName =~ 'tool50") -
      "InitiatingProcessFileName =~ 'tool50".length;
    const bigCall = after(big.text, 'parse_url(');
    // Warm both paths once so that the figures are steady-state typing, not first use.
    await lineEdits(small, smallDigit);
    await completions(small, smallCompletion);

    const lines = [
      '| measure | n | p50 ms | p95 ms | max ms |',
      '|---|---|---|---|---|',
      row('didChange → publishDiagnostics, TightVNC query', await lineEdits(small, smallDigit)),
      row(
        'didChange → publishDiagnostics, 2,000 lines / 100 queries, one line changed',
        await lineEdits(big, bigDigit),
      ),
      row('completion, TightVNC after `| where Initi`', await completions(small, smallCompletion)),
      row('completion, 2,000-line file, query 50 after `| where `', await completions(big, bigCompletion)),
      row('signature help, 2,000-line file, inside `parse_url(`', await signatureHelp(client, big, bigCall)),
    ];
    console.log(lines.join('\n'));
    await client.shutdown();
  } catch (e) {
    client.kill();
    throw e;
  }
}

void main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
