import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { boundOperators, fingerprintsBothWays } from '../../helpers/engineShortcutsCheck';
import { REPO_ROOT } from '../../helpers/paths';

/**
 * The engine shortcuts must change nothing the engine answers, on queries written to reach
 * their edges. `npm run measure` compares them on the real Sentinel rules as well.
 */

const EDGES = [
  fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/tightvnc-network.kql'), 'utf8'),
  // Dynamic operands, whose values the engine unwraps and re-chooses for; lists; `between`.
  'SigninLogs | extend d = parse_json(Status) | where d.errorCode == 0 or d.errorCode in (50126, "x") or toint(d.errorCode) between (1 .. 5)',
  // Operands of types that are not built-in scalars, a star, named arguments, an unknown name.
  'SecurityEvent | summarize c = count(), arg_max(TimeGenerated, *) by Computer | where c > 1 and NoSuchColumn == 2 and pack_all() == dynamic({})',
  'let f = (a:long, b:string = "x") { a + strlen(b) }; print f(1) > 0, f(b = "y", a = 2) == 3, 1 + 1.5, now() - 1d > ago(1h), "a" has "b"',
  'SecurityEvent | where EventID == "4624" and TimeGenerated > "2024" and Computer == 12 | where (EventID + 1) / 2 >= 2.5',
  'union SecurityEvent, SigninLogs | where isnotempty(Computer) | project x = iff(Computer =~ "a", 1, 2.0) | where x != 1',
];

test("the shortcuts give exactly the engine's diagnostics and bound trees", () => {
  const { withShortcuts, shipped } = fingerprintsBothWays(EDGES);
  assert.ok(boundOperators(shipped) > 20, 'the queries bind many operators to their overloads');
  assert.ok(
    shipped.some((f) => f.includes('dx KS')),
    'the analyzers report something',
  );
  for (let i = 0; i < EDGES.length; i++)
    assert.equal(withShortcuts[i], shipped[i], `query ${i} differs:\n${EDGES[i]}`);
});
