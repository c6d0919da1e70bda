/**
 * The product's own detections end to end against the stand-ins: the TightVNC detection and other
 * generated RMM detections (server/src/rmm) are deployed to a stand-in Sentinel workspace through
 * the real CLI, pulled back into an empty folder, and compared: the pulled files map to the same
 * rule properties as the originals, and deploying them changes nothing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { armRuleFromYaml } from '../../server/src/deploy/plan/sentinelRuleFields';
import { rmmToolById, type DetectionKind } from '../../server/src/rmm/rmmLibrary';
import { rmmRuleYaml } from '../../server/src/rmm/rmmRule';
import { alertRulesService, type AlertRulesService } from '../helpers/alertRulesService';
import { runBin } from '../helpers/cliHarness';
import { fakeAzureCli } from '../helpers/secretService';
import { startHttpsStub, type HttpsStub } from '../unit/connectors/support/httpsStub';

const TOKEN = `rmm-deploy-token-${process.pid}`;
const RULES: [id: string, tools: string[], kinds: DetectionKind[]][] = [
  ['0b5e1c3a-7f20-4d8e-9a41-6c2b8d3e5f01', ['tightvnc'], ['network', 'process']],
  ['1c6f2d4b-8031-4e9f-8b52-7d3c9e4f6a12', ['anydesk', 'atera'], ['process']],
  ['2d7a3e5c-9142-4fa0-9c63-8e4daf5a7b23', ['meshcentral'], ['network']],
];

function mapped(file: string) {
  const result = armRuleFromYaml(parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>);
  assert.ok(result.ok, `${file} maps to a rule`);
  return result;
}

describe('kqlhunt deploy and pull: generated RMM detections round-trip through the stand-in', () => {
  let stub: HttpsStub;
  let arm: AlertRulesService;
  let scratch: string;
  let env: NodeJS.ProcessEnv;
  const kqlhunt = (...args: string[]) => runBin(args, scratch, env, 60_000);

  before(async () => {
    arm = alertRulesService({
      token: TOKEN,
      subscriptionId: 'sub',
      resourceGroup: 'rg',
      workspaces: ['hunt'],
    });
    stub = await startHttpsStub((req) => arm.handler(req));
    scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kql-deploy-rmm-')));
    fs.writeFileSync(path.join(scratch, 'ca.pem'), stub.ca);
    fakeAzureCli(path.join(scratch, 'bin'), TOKEN);
    fs.writeFileSync(
      path.join(scratch, '.kqlhunt.json'),
      JSON.stringify({
        workspaces: [
          {
            name: 'Hunt',
            kind: 'logAnalytics',
            workspaceId: 'w',
            subscriptionId: 'sub',
            resourceGroup: 'rg',
            workspaceName: 'hunt',
            managementEndpoint: stub.origin,
          },
        ],
      }),
    );
    fs.mkdirSync(path.join(scratch, 'rules'));
    for (const [id, tools, kinds] of RULES)
      fs.writeFileSync(
        path.join(scratch, 'rules', `${tools.join('-')}.yaml`),
        rmmRuleYaml(
          tools.map((t) => rmmToolById(t)!),
          kinds,
          { id },
        ),
      );
    env = {
      PATH: `${path.join(scratch, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
      HOME: path.join(scratch, 'home'),
      NODE_EXTRA_CA_CERTS: path.join(scratch, 'ca.pem'),
      AZURE_TOKEN_CREDENTIALS: 'AzureCliCredential',
    };
  });
  after(async () => {
    await stub?.close();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('deploys the generated rules (they pass their checks), pulls them back and finds them equal', async () => {
    const deploy = await kqlhunt('deploy', 'rules', '--to', 'Hunt');
    assert.equal(deploy.code, 0, deploy.stdout + deploy.stderr);
    assert.match(deploy.stdout, /Done: 3 created\./);
    assert.equal(arm.rules.get('hunt')!.size, 3);

    const pull = await kqlhunt('pull', '--from', 'Hunt', '--out', 'pulled');
    assert.equal(pull.code, 0, pull.stderr);
    const pulled = fs.readdirSync(path.join(scratch, 'pulled')).map((f) => path.join(scratch, 'pulled', f));
    assert.equal(pulled.length, 3);
    assert.ok(
      pulled.some((f) => /tightvnc/i.test(path.basename(f))),
      pulled.join(', '),
    );
    for (const file of pulled) {
      const back = mapped(file);
      const original = fs
        .readdirSync(path.join(scratch, 'rules'))
        .map((f) => mapped(path.join(scratch, 'rules', f)))
        .find((o) => o.id === back.id);
      assert.ok(original, `${back.id} was deployed from the repository`);
      assert.deepEqual(back.rule, original.rule);
    }

    const again = await kqlhunt('deploy', 'pulled', '--to', 'Hunt', '--dry-run');
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /Dry run: 3 unchanged;/);
    const drift = await kqlhunt('pull', '--from', 'Hunt', '--out', 'rules', '--dry-run');
    assert.equal(drift.code, 0, drift.stdout);
    assert.match(drift.stdout, /No drift: 3 unchanged/);
  });
});
