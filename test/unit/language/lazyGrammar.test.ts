import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { kusto } from '../../../server/src/language/kustoEngine';
import {
  installLazyGrammar,
  queryGrammarBuilt,
  uninstallLazyGrammar,
} from '../../../server/src/language/engineTuning/lazyGrammar';
import { doc, settings, testService } from '../../helpers/languageService';
import { REPO_ROOT } from '../../helpers/paths';

// Each test file runs in a process of its own, so the grammar starts unbuilt here.
const service = testService();

const TIGHTVNC = fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/tightvnc-network.kql'), 'utf8');
const TEXTS = [
  TIGHTVNC,
  'let f = (s:string) { tolower(s) };\nDeviceProcessEvents\n| where f(FileName) == "x"\n| summarize count() by DeviceName\n| join kind=inner (DeviceNetworkEvents) on DeviceId',
  // A broken query, whose diagnostics come from the parser.
  'DeviceEvents | where (Timestamp > | summarize by',
];

// Commands take the engine's own path, with a grammar that contains the query grammar.
const COMMAND = '.create-or-alter function g() { DeviceEvents | where Timestamp > ago(1d) }\n';

/** Each text analysed, with its diagnostics as JSON. */
function analyseAll(tag: string, texts = TEXTS) {
  return texts.map((text, i) => {
    const d = doc(text, `file:///lazy-${tag}-${i}.kql`);
    const analysis = service.analyze(d, settings());
    return { text, d, analysis, diagnostics: JSON.stringify(service.getDiagnostics(analysis, settings())) };
  });
}

/** Completion lists at every fourth offset of every analysed text, as JSON. */
function completionsOf(analysed: ReturnType<typeof analyseAll>): string[] {
  const out: string[] = [];
  for (const { text, d, analysis } of analysed) {
    for (let offset = 0; offset <= text.length; offset += 4) {
      out.push(
        JSON.stringify(service.getCompletions(analysis, d.positionAt(offset), { snippetSupport: true })),
      );
    }
  }
  return out;
}

test('diagnostics and hover do not build the query grammar; completion on code parsed before it existed gives the lists of the engine as shipped', () => {
  const K = kusto();
  const text = TIGHTVNC.replace('RemoteUrl', 'RemoteUrll');
  const d = doc(text);
  const analysis = service.analyze(d, settings());
  const diagnostics = service.getDiagnostics(analysis, settings());
  assert.ok(
    diagnostics.some((x) => String(x.message).includes('RemoteUrll')),
    'the misspelled column is reported',
  );
  assert.ok(
    service.getHover(analysis, d.positionAt(text.indexOf('DeviceNetworkEvents') + 2)),
    'the table has a hover',
  );
  // Parsed while the grammar is deferred: these codes build it when the completer first reads it.
  const early = analyseAll('early');
  assert.equal(queryGrammarBuilt(K), false, 'diagnostics and hover need no grammar');
  early.push(...analyseAll('early-command', [COMMAND]));

  const lazy = completionsOf(early);
  assert.equal(queryGrammarBuilt(K), true);
  uninstallLazyGrammar();
  let shipped: string[];
  let shippedAnalyses: ReturnType<typeof analyseAll>;
  try {
    shippedAnalyses = analyseAll('shipped', [...TEXTS, COMMAND]);
    shipped = completionsOf(shippedAnalyses);
  } finally {
    installLazyGrammar(K);
  }
  assert.deepEqual(
    early.map((a) => a.diagnostics),
    shippedAnalyses.map((a) => a.diagnostics),
  );
  assert.equal(lazy.length, shipped.length);
  for (let i = 0; i < shipped.length; i++) assert.equal(lazy[i], shipped[i], `completion list ${i}`);
  assert.ok(
    shipped.some((l) => l.includes('"DeviceName"')) && shipped.some((l) => l.includes('"summarize"')),
    'the lists hold columns and operators',
  );
  // Warming once the grammar exists does no harm.
  service.warmCompletion();
});
