import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { ASSISTANT_TOOLS } from '../../../server/src/assistant/toolInputs';
import { REPO_ROOT } from '../../helpers/paths';

/** VS Code reads the tools' schemas from package.json; the server validates with the zod schemas. They must agree. */
describe('languageModelTools in package.json', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    contributes: {
      languageModelTools: {
        name: string;
        modelDescription: string;
        inputSchema: Record<string, unknown>;
        toolReferenceName: string;
      }[];
    };
  };
  const contributed = manifest.contributes.languageModelTools;

  it('contributes every assistant tool, and only those', () => {
    assert.deepEqual(
      contributed.map((t) => t.name),
      ASSISTANT_TOOLS.map((t) => t.name),
    );
  });

  for (const tool of ASSISTANT_TOOLS) {
    it(`${tool.name}: same description and input schema as the server validates with`, () => {
      const entry = contributed.find((t) => t.name === tool.name)!;
      const schema = z.toJSONSchema(tool.input) as Record<string, unknown>;
      delete schema.$schema;
      assert.deepEqual(entry.inputSchema, schema);
      assert.equal(entry.modelDescription, tool.description);
      assert.match(entry.toolReferenceName, /^kql[A-Z]\w+$/);
    });
  }
});
