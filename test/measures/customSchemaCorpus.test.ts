import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSchemaFile } from '../../server/src/schema/customSchemaFiles';
import { corpusRoot } from './corpusRoot';

/** Real custom-table files, as Azure-Sentinel's validation kept them (some are not strict JSON). */
test('the 2022 Azure-Sentinel validation files all load, including the non-strict ones', () => {
  const dir = path.join(corpusRoot(), 'reference', 'sentinel-ci-schemas', 'CustomTables_2022-08');
  const files = fs.readdirSync(dir);
  assert.ok(files.length > 190);
  for (const f of files) {
    const parsed = parseSchemaFile(fs.readFileSync(path.join(dir, f), 'utf8'));
    assert.deepEqual(
      parsed.problems.filter((p) => p.severity === 'error'),
      [],
      f,
    );
    assert.equal(parsed.tables.length, 1, f);
  }
});
