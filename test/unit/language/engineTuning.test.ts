import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  installCompletionMemo,
  uninstallCompletionMemo,
} from '../../../server/src/language/engineTuning/completionMemo';
import {
  installDatabaseIndex,
  uninstallDatabaseIndex,
} from '../../../server/src/language/engineTuning/databaseIndex';
import { kusto, toArray } from '../../../server/src/language/kustoEngine';
import { BuiltinSchemaProvider } from '../../../server/src/schema/schemaProvider';
import { doc, settings, testService } from '../../helpers/languageService';
import { REPO_ROOT } from '../../helpers/paths';

const service = testService();

const TEXTS = [
  fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/tightvnc-network.kql'), 'utf8'),
  [
    '// kql-environment: sentinel',
    'let threshold = 5;',
    'let f = (s:string) { tolower(s) };',
    'SecurityEvent',
    '| where EventID == 4624 and Account has "adm"',
    '| extend a = f(Account), h = hash_sha256(Computer)',
    '| summarize n = count(), arg_max(TimeGenerated, *) by bin(TimeGenerated, 1h), a',
    '| join kind=inner (SigninLogs | project UserPrincipalName) on $left.a == $right.UserPrincipalName',
    '| where n > threshold',
    '| project-away h',
    '| render timechart',
  ].join('\n'),
  // Contexts that change a built-in function's item: the start of a query, `invoke`, a command.
  'n\n\nDeviceEvents | invoke a\n\n.create-or-alter function g() { DeviceEvents | where Timestamp > ago(1d) }\n',
];

/** Every list at every third offset, as JSON, so that any difference in any item shows. */
function allCompletions(): string[] {
  const out: string[] = [];
  for (const [i, text] of TEXTS.entries()) {
    // A fresh document each time, so that no analysis is shared between the two passes.
    const d = doc(text, `file:///memo-${i}-${out.length}.kql`);
    const analysis = service.analyze(d, settings());
    for (let offset = 0; offset <= text.length; offset += 3) {
      out.push(
        JSON.stringify(service.getCompletions(analysis, d.positionAt(offset), { snippetSupport: true })),
      );
    }
  }
  return out;
}

test('memoised completion items are the very lists the engine builds without the memo', () => {
  kusto();
  uninstallCompletionMemo();
  let shipped: string[];
  try {
    shipped = allCompletions();
  } finally {
    installCompletionMemo(kusto());
  }
  const first = allCompletions();
  // The second pass is served from the memo.
  const second = allCompletions();
  assert.equal(first.length, shipped.length);
  assert.ok(
    shipped.some((list) => list.includes('"hash_sha256')),
    'the lists hold built-in functions',
  );
  for (let i = 0; i < shipped.length; i++) {
    assert.equal(first[i], shipped[i], `list ${i} differs on first use`);
    assert.equal(second[i], shipped[i], `list ${i} differs from the memo`);
  }
});

test('the database index finds exactly the members that the engine scan finds', () => {
  const K = kusto();
  const db = new BuiltinSchemaProvider().globalsFor('sentinel')!.Database!;
  const names = toArray(db.Members).map((m) => m.Name!);
  assert.ok(names.length > 1000, 'the Sentinel catalogue is the large one');
  const probes = [
    ...names,
    ...names.slice(0, 50).map((n) => n.toLowerCase()),
    'NoSuchTable_CL',
    'securityevent',
    '',
  ];
  // All symbol kinds, tables only, functions only.
  const matchFlags = [K.Symbols.SymbolMatch.Any, K.Symbols.SymbolMatch.Table, K.Symbols.SymbolMatch.Function];
  const lookup = (name: string, match: number) => {
    const found = new (System.Collections.Generic.List$1(K.Symbols.Symbol))();
    db.GetMembers$1(name, match, found as never, false);
    return toArray(found as never).map((s) => s);
  };
  const withIndex = probes.flatMap((n) => matchFlags.map((m) => lookup(n, m)));
  uninstallDatabaseIndex(K);
  let shipped: unknown[][];
  try {
    shipped = probes.flatMap((n) => matchFlags.map((m) => lookup(n, m)));
  } finally {
    installDatabaseIndex(K);
  }
  assert.equal(withIndex.length, shipped.length);
  for (let i = 0; i < shipped.length; i++) assert.deepEqual(withIndex[i], shipped[i], `probe ${i}`);
  assert.ok(
    shipped.some((found) => found.length > 0) && shipped.some((found) => found.length === 0),
    'some names are found and some are not',
  );
});
