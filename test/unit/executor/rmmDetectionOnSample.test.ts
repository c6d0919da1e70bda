import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { rmmToolById, DETECTION_KINDS } from '../../../server/src/rmm/rmmLibrary';
import { rmmDetectionQuery } from '../../../server/src/rmm/rmmQueries';
import { executeQuery } from '../../../server/src/executor/executor';
import { loadLocalWorkspace } from '../../../server/src/executor/files/workspaceLoader';
import { builtinSchema } from '../../../server/src/schema/builtinSchemas';
import { REPO_ROOT as repoRoot } from '../../helpers/paths';

const workspace = loadLocalWorkspace(
  path.join(repoRoot, 'samples/hunting-workspace'),
  builtinSchema('defender'),
);

describe('executor: the New RMM Detection query on the sample workspace', () => {
  it('the multi-tool, multi-kind query (which uses set_difference) runs and finds the TightVNC devices', () => {
    const tools = ['tightvnc', 'anydesk', 'teamviewer']
      .map((id) => rmmToolById(id))
      .filter((t) => t !== undefined);
    assert.ok(tools.length >= 2, 'at least two library tools');
    const query = rmmDetectionQuery(tools, DETECTION_KINDS, { target: 'hunting' }).text;
    assert.match(query, /set_difference/);
    const table = executeQuery(query, { workspace }).tables[0];
    const toolCol = table.columns.findIndex((c) => c.name === 'Tool');
    assert.ok(table.rows.length > 0, 'rows found');
    assert.ok(
      table.rows.some((r) => /tightvnc/i.test(String(r[toolCol]))),
      JSON.stringify(table.rows.slice(0, 3)),
    );
  });
});
