import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../../helpers/paths';

/**
 * scripts/generateRmmTools.mjs on a small catalogue written here: indicators from the summary
 * fields and from the literals the tool's queries compare, prose and patterns dropped, tools
 * with nothing usable left out. (Its agreement with the real catalogue is a measure:
 * test/measures/rmmCatalogue.test.ts.)
 */
test('the RMM generator keeps facts from fields and queries and drops prose and patterns', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rmm-gen-'));
  const source = path.join(dir, 'catalogue.json');
  const target = path.join(dir, 'out.json');
  fs.writeFileSync(
    source,
    JSON.stringify([
      {
        tool: 'Remote Helper Pro',
        company_names: ['Helper Corp'],
        remote_urls: ['*.relay.helper.example', 'No consistent network indicators', 'connect.helper.example'],
        website: ['http://insecure.example', 'https://helper.example'],
        kql_queries: {
          process:
            "DeviceProcessEvents | where ProcessVersionInfoProductName has_any ('Helper Agent', \"helper agent\") // Signer == 'Ignored Ltd'",
          network: "DeviceNetworkEvents | where RemoteUrl has 'hlpr' or RemoteUrl matches regex @'.*\\.evil'",
          file: 'DeviceFileCertificateInfo | where Signer == "Helper Corp Signing"',
        },
      },
      { tool: 'Nothing Usable', remote_urls: ['See vendor documentation'], kql_queries: {} },
    ]),
  );
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'generateRmmTools.mjs'), source, target]);
  const { tools } = JSON.parse(fs.readFileSync(target, 'utf8')) as { tools: Record<string, unknown>[] };
  assert.deepEqual(tools, [
    {
      id: 'remote-helper-pro',
      name: 'Remote Helper Pro',
      companies: ['Helper Corp'],
      products: ['Helper Agent'],
      signers: ['Helper Corp Signing'],
      domains: ['relay.helper.example', 'connect.helper.example', 'hlpr'],
      website: 'https://helper.example',
    },
  ]);
});
