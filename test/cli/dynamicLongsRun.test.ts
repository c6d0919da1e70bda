import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runBin, tempTree } from '../helpers/cliHarness';

/**
 * `kqlhunt run` prints a dynamic value holding a long beyond 2^53 with every digit (issue 16):
 * the JSON output carries it as the value's exact JSON text, as Log Analytics carries dynamic
 * values; the table and CSV outputs show that text.
 */
describe('kqlhunt run: longs beyond 2^53 inside dynamic values', () => {
  const query = `print d = parse_json('{"a":[9007199254740993], "b": -9223372036854775808}'), n = 1`;

  for (const format of ['json', 'csv', 'table'] as const) {
    it(`prints the exact digits in the ${format} output`, async () => {
      const tree = tempTree({ 'ws/workspace.json': '{}' });
      try {
        const r = await runBin(
          ['run', '--workspace', 'local:ws', '--format', format, '--query', query],
          tree.dir,
        );
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, /9007199254740993\]/);
        assert.match(r.stdout, /-9223372036854775808/);
        assert.doesNotMatch(r.stdout, /9007199254740992|9223372036854776000/);
        if (format === 'json') {
          const cell = (JSON.parse(r.stdout) as { tables: { rows: unknown[][] }[] }).tables[0].rows[0][0];
          assert.equal(cell, '{"a":[9007199254740993],"b":-9223372036854775808}');
        }
      } finally {
        tree.dispose();
      }
    });
  }
});
