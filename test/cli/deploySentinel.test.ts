/**
 * `kqlhunt deploy` and `kqlhunt pull` against Microsoft Sentinel, through the real CLI process,
 * signed in by DefaultAzureCredential's Azure CLI sign-in (a stand-in `az` that prints a known
 * token), against a stand-in for Azure Resource Manager's alertRules API on 127.0.0.1.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runBin, type CapturedRun } from '../helpers/cliHarness';
import { alertRulesService, type AlertRulesService } from '../helpers/alertRulesService';
import { fakeAzureCli } from '../helpers/secretService';
import { startHttpsStub, type HttpsStub } from '../unit/connectors/support/httpsStub';

const TOKEN = `deploy-token-${process.pid}`;
const SUB = '00000000-1111-2222-3333-444444444444';
const RG = 'soc-rg';
const SIGNINS_ID = '7d2f4a10-8c3b-4e5d-9a61-2b3c4d5e6f70';
const SERVICE_ID = '1a9e3b22-4f5c-4d6e-8b70-9c8d7e6f5a41';

const SIGNINS = `id: ${SIGNINS_ID}
# Owned by the identity team; reviewed quarterly.
name: Password spray against many accounts
description: |
  One address fails to sign in to many accounts within an hour.
severity: Medium
requiredDataConnectors:
  - connectorId: AzureActiveDirectory
    dataTypes:
      - SigninLogs
queryFrequency: 1h
queryPeriod: 1h
triggerOperator: gt
triggerThreshold: 0
tactics:
  - CredentialAccess
relevantTechniques:
  - T1110.003
query: |
  SigninLogs
  | where ResultType != "0"
  | summarize Accounts = dcount(UserPrincipalName) by IPAddress
  | where Accounts > 20
entityMappings:
  - entityType: IP
    fieldMappings:
      - identifier: Address
        columnName: IPAddress
version: 1.0.0
kind: Scheduled
`;

const SERVICE = `id: ${SERVICE_ID}
name: New service installed on a server
description: |
  A service was installed (event 7045 is not in SecurityEvent, so 4697 is used).
severity: Low
requiredDataConnectors:
  - connectorId: SecurityEvents
    dataTypes:
      - SecurityEvent
queryFrequency: 1d
queryPeriod: 1d
triggerOperator: gt
triggerThreshold: 0
tactics:
  - Persistence
relevantTechniques:
  - T1543.003
query: |
  SecurityEvent
  | where EventID == 4697
  | project TimeGenerated, Computer, Account
entityMappings:
  - entityType: Host
    fieldMappings:
      - identifier: FullName
        columnName: Computer
version: 1.0.0
kind: Scheduled
`;

describe('kqlhunt deploy and pull: Sentinel analytic rules', () => {
  let stub: HttpsStub;
  let arm: AlertRulesService;
  let scratch: string;
  let env: NodeJS.ProcessEnv;
  const project = () => path.join(scratch, 'project');
  const rulesDir = () => path.join(project(), 'rules');
  const kqlhunt = (...args: string[]) => runBin(args, project(), env, 60_000);
  const writes = () => stub.requests.filter((r) => r.method === 'PUT' || r.method === 'DELETE');
  const stored = (id: string) => arm.rules.get('soc-ws')!.get(id.toLowerCase());
  const noToken = (run: CapturedRun) => {
    assert.ok(!run.stdout.includes(TOKEN) && !run.stderr.includes(TOKEN), 'the token is never printed');
  };

  before(async () => {
    arm = alertRulesService({
      token: TOKEN,
      subscriptionId: SUB,
      resourceGroup: RG,
      workspaces: ['soc-ws', 'readonly-ws'],
    });
    stub = await startHttpsStub((req) => arm.handler(req));
    scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kql-deploy-')));
    fs.mkdirSync(rulesDir(), { recursive: true });
    fs.writeFileSync(path.join(scratch, 'ca.pem'), stub.ca);
    fakeAzureCli(path.join(scratch, 'bin'), TOKEN);
    const workspace = (name: string, workspaceName: string) => ({
      name,
      kind: 'logAnalytics',
      workspaceId: '11111111-2222-3333-4444-555555555555',
      subscriptionId: SUB,
      resourceGroup: RG,
      workspaceName,
      managementEndpoint: stub.origin,
    });
    fs.writeFileSync(
      path.join(project(), '.kqlhunt.json'),
      JSON.stringify({
        workspaces: [
          workspace('Soc', 'soc-ws'),
          workspace('Missing', 'no-such-ws'),
          workspace('ReadOnly', 'readonly-ws'),
          { name: 'NoArm', kind: 'logAnalytics', workspaceId: '11111111-2222-3333-4444-555555555555' },
        ],
      }),
    );
    fs.writeFileSync(path.join(rulesDir(), 'password-spray.yaml'), SIGNINS);
    fs.writeFileSync(path.join(rulesDir(), 'new-service.yaml'), SERVICE);
    env = {
      PATH: `${path.join(scratch, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
      HOME: path.join(scratch, 'home'),
      NODE_EXTRA_CA_CERTS: path.join(scratch, 'ca.pem'),
      // The Azure CLI sign-in only: the managed identity probe would wait on a network this machine lacks.
      AZURE_TOKEN_CREDENTIALS: 'AzureCliCredential',
    };
  });
  after(async () => {
    await stub?.close();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('a dry run prints what would be created and writes nothing', async () => {
    const run = await kqlhunt('deploy', 'rules', '--to', 'Soc', '--dry-run');
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      new RegExp(`\\+ create\\s+${SIGNINS_ID}\\s+"Password spray against many accounts"`),
    );
    assert.match(run.stdout, new RegExp(`\\+ create\\s+${SERVICE_ID}`));
    assert.match(run.stdout, /Dry run: 2 to create; nothing was written\./);
    assert.deepEqual(writes(), []);
    assert.equal(stub.requests.at(-1)!.headers.authorization, `Bearer ${TOKEN}`);
    noToken(run);
  });

  it('deploys both rules with their fields mapped to the alertRules properties', async () => {
    const run = await kqlhunt('deploy', 'rules', '--to', 'Soc');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`created ${SIGNINS_ID} from rules/password-spray.yaml`));
    assert.match(run.stdout, /Done: 2 created\./);
    const rule = stored(SIGNINS_ID)!;
    assert.equal(rule.kind, 'Scheduled');
    assert.equal(rule.properties.displayName, 'Password spray against many accounts');
    assert.equal(rule.properties.queryFrequency, 'PT1H');
    assert.equal(rule.properties.triggerOperator, 'GreaterThan');
    assert.deepEqual(rule.properties.techniques, ['T1110']);
    assert.deepEqual(rule.properties.subTechniques, ['T1110.003']);
    assert.equal(rule.properties.templateVersion, '1.0.0');
    assert.equal(stored(SERVICE_ID)!.properties.queryPeriod, 'P1D');
    noToken(run);
  });

  it('deploying again changes nothing', async () => {
    const before = writes().length;
    const run = await kqlhunt('deploy', 'rules', '--to', 'Soc');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /= unchanged\s+7d2f4a10/);
    assert.match(run.stdout, /Done: 2 unchanged\./);
    assert.equal(writes().length, before, 'no PUT for unchanged rules');
  });

  it('a changed field shows as old -> new, the query as a line diff, and deploying updates the rule', async () => {
    const file = path.join(rulesDir(), 'password-spray.yaml');
    fs.writeFileSync(
      file,
      SIGNINS.replace('severity: Medium', 'severity: High').replace('Accounts > 20', 'Accounts > 30'),
    );
    const dry = await kqlhunt('deploy', 'rules', '--to', 'Soc', '--dry-run');
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /~ change\s+7d2f4a10/);
    assert.match(dry.stdout, /severity: "Medium" -> "High"/);
    assert.match(dry.stdout, /- \| where Accounts > 20\n\s+\+ \| where Accounts > 30/);
    assert.match(dry.stdout, /= unchanged\s+1a9e3b22/);
    assert.equal(stored(SIGNINS_ID)!.properties.severity, 'Medium', 'a dry run writes nothing');

    const etagBefore = stored(SIGNINS_ID)!.etag;
    const run = await kqlhunt('deploy', 'rules', '--to', 'Soc');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /updated 7d2f4a10/);
    assert.equal(stored(SIGNINS_ID)!.properties.severity, 'High');
    const put = writes().at(-1)!;
    assert.equal(
      (put.body as { etag?: string }).etag,
      etagBefore,
      'the update is conditional on the etag read',
    );
  });

  it('pull reports drift both ways, writes portal-only rules and updates changed files in place', async () => {
    // The portal: a rule someone made there, and a severity changed by hand.
    const portalOnly = '5c6d7e8f-0a1b-4c2d-8e3f-405162738495';
    arm.rules.get('soc-ws')!.set(portalOnly, {
      id: `x/${portalOnly}`,
      name: portalOnly,
      type: 'Microsoft.SecurityInsights/alertRules',
      kind: 'NRT',
      etag: '"p1"',
      properties: {
        displayName: 'Mailbox forwarding rule to an outside address',
        description: 'An inbox rule forwards mail outside the organisation.',
        severity: 'Medium',
        enabled: true,
        query: 'OfficeActivity\n| where Operation == "New-InboxRule"',
        tactics: ['Collection'],
        techniques: ['T1114'],
        subTechniques: ['T1114.003'],
        suppressionDuration: 'PT5H',
        suppressionEnabled: false,
        lastModifiedUtc: '2025-01-01T00:00:00Z',
      },
    });
    stored(SIGNINS_ID)!.properties.severity = 'Low';
    fs.writeFileSync(
      path.join(rulesDir(), 'repo-only.yaml'),
      SERVICE.replace(SERVICE_ID, 'd0d0d0d0-1111-4222-8333-444455556666'),
    );

    const dry = await kqlhunt('pull', '--from', 'Soc', '--out', 'rules', '--dry-run');
    assert.equal(dry.code, 1, 'drift with --dry-run exits 1');
    assert.match(dry.stdout, /~ differs\s+7d2f4a10.*\n\s+severity: "High" -> "Low"/);
    assert.match(dry.stdout, /- only in the repository\s+d0d0d0d0/);
    assert.match(dry.stdout, /\+ only deployed\s+5c6d7e8f.*"Mailbox forwarding rule to an outside address"/);
    assert.equal(fs.readdirSync(rulesDir()).length, 3, 'a dry run writes nothing');

    const run = await kqlhunt('pull', '--from', 'Soc', '--out', 'rules');
    assert.equal(run.code, 0, run.stderr);
    const written = path.join(rulesDir(), 'mailbox-forwarding-rule-to-an-outside-address.yaml');
    assert.ok(fs.existsSync(written), run.stdout);
    const text = fs.readFileSync(written, 'utf8');
    assert.match(text, new RegExp(`^id: ${portalOnly}$`, 'm'));
    assert.match(text, /^kind: NRT$/m);
    assert.match(text, /relevantTechniques:\n\s+- T1114\.003/);
    const updated = fs.readFileSync(path.join(rulesDir(), 'password-spray.yaml'), 'utf8');
    assert.match(updated, /^severity: Low$/m);
    assert.match(updated, /# Owned by the identity team; reviewed quarterly\./, 'comments survive');
    assert.match(updated, /requiredDataConnectors:/, 'keys that are not deployed survive');

    // Pulled back, the repository and the portal agree, so a dry run shows no drift...
    fs.rmSync(path.join(rulesDir(), 'repo-only.yaml'));
    const again = await kqlhunt('pull', '--from', 'Soc', '--out', 'rules', '--dry-run');
    assert.equal(again.code, 0, again.stdout);
    assert.match(again.stdout, /No drift: 3 unchanged/);
    // ...and deploying the pulled files changes nothing.
    const deploy = await kqlhunt('deploy', 'rules', '--to', 'Soc', '--dry-run');
    assert.equal(deploy.code, 0, deploy.stdout + deploy.stderr);
    assert.match(deploy.stdout, /Dry run: 3 unchanged;/);
  });

  it('refuses a rule that fails its checks, and deploys it with --force', async () => {
    const bad = path.join(scratch, 'bad');
    fs.mkdirSync(bad);
    const id = 'b0b0b0b0-1111-4222-8333-444455556666';
    fs.writeFileSync(
      path.join(bad, 'bad.yaml'),
      SERVICE.replace(SERVICE_ID, id).replace('| where EventID == 4697', '| where NoSuchColumn == 4697'),
    );
    const refused = await runBin(['deploy', bad, '--to', 'Soc'], project(), env, 60_000);
    assert.equal(refused.code, 1);
    assert.match(refused.stdout, /! refused\s+b0b0b0b0/);
    assert.match(refused.stdout, /NoSuchColumn/);
    assert.equal(stored(id), undefined);

    const forced = await runBin(['deploy', bad, '--to', 'Soc', '--force'], project(), env, 60_000);
    assert.equal(forced.code, 0, forced.stderr);
    assert.ok(stored(id), 'deployed with --force');
  });

  it('shows the service validation message of a 400', async () => {
    const dir = path.join(scratch, 'invalid');
    fs.mkdirSync(dir);
    fs.writeFileSync(
      path.join(dir, 'critical.yaml'),
      SERVICE.replace(SERVICE_ID, 'c0c0c0c0-1111-4222-8333-444455556666').replace(
        'severity: Low',
        'severity: Critical',
      ),
    );
    const run = await runBin(['deploy', dir, '--to', 'Soc', '--force'], project(), env, 60_000);
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /refused the rule \(400\): BadRequest: Error converting value "Critical" to type 'AlertSeverity'/,
    );
    noToken(run);
  });

  it('explains a missing workspace (404), a refused write (403) and a workspace without ARM coordinates', async () => {
    const missing = await kqlhunt('deploy', 'rules', '--to', 'Missing', '--dry-run');
    assert.equal(missing.code, 1);
    assert.match(
      missing.stderr,
      /was not found \(404\).*no-such-ws.*Check the subscription, resource group and workspace name/,
    );

    const readOnly = await kqlhunt('deploy', 'rules', '--to', 'ReadOnly');
    assert.equal(readOnly.code, 1);
    assert.match(
      readOnly.stderr,
      /may not change Sentinel workspace readonly-ws.*\(403\).*Microsoft Sentinel Contributor/,
    );

    const noArm = await kqlhunt('deploy', 'rules', '--to', 'NoArm', '--dry-run');
    assert.equal(noArm.code, 1);
    assert.match(noArm.stderr, /needs "subscriptionId", "resourceGroup", "workspaceName" in \.kqlhunt\.json/);

    const unknown = await kqlhunt('deploy', 'rules', '--to', 'Nowhere');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no workspace named 'Nowhere'/);
  });

  it('reports a 409 conflict with a rule of another kind under the same id', async () => {
    const id = 'f0f0f0f0-1111-4222-8333-444455556666';
    arm.rules.get('soc-ws')!.set(id, {
      id: `x/${id}`,
      name: id,
      type: 'Microsoft.SecurityInsights/alertRules',
      kind: 'Fusion',
      etag: '"f"',
      properties: { enabled: true, alertRuleTemplateName: 'f' },
    });
    const dir = path.join(scratch, 'conflict');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'clash.yaml'), SERVICE.replace(SERVICE_ID, id));
    const run = await runBin(['deploy', dir, '--to', 'Soc'], project(), env, 60_000);
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /conflict \(409\): Conflict: A rule with id f0f0f0f0.* of kind Fusion already exists/,
    );
  });

  it('waits out a 429 with Retry-After, and explains one that outlasts the retries', async () => {
    arm.throttle(1);
    const before = stub.requests.length;
    const run = await kqlhunt('deploy', 'rules', '--to', 'Soc', '--dry-run');
    assert.equal(run.code, 0, run.stderr);
    assert.ok(stub.requests.length > before + 1, 'the throttled list was sent again');

    arm.throttle(100);
    const throttled = await kqlhunt('deploy', 'rules', '--to', 'Soc', '--dry-run');
    arm.throttle(0);
    assert.equal(throttled.code, 1);
    assert.match(throttled.stderr, /still throttling requests after retries \(429\)/);
  });

  it('says how to sign in when no credential is available, before anything is sent', async () => {
    const emptyBin = path.join(scratch, 'empty-bin');
    fs.mkdirSync(emptyBin, { recursive: true });
    const before = stub.requests.length;
    // No `az` on the PATH: the Azure CLI sign-in has nothing to ask.
    const run = await runBin(
      ['deploy', 'rules', '--to', 'Soc', '--dry-run'],
      project(),
      { ...env, PATH: `${emptyBin}${path.delimiter}${path.dirname(process.execPath)}` },
      60_000,
    );
    assert.equal(run.code, 1);
    assert.match(run.stderr, /Sign-in failed: .*Sign in with 'az login'/);
    assert.equal(stub.requests.length, before, 'nothing reached the service');
  });

  it('rejects a token the service does not accept (401) without printing either token', async () => {
    const otherBin = path.join(scratch, 'other-bin');
    fakeAzureCli(otherBin, 'some-other-token');
    const run = await runBin(
      ['deploy', 'rules', '--to', 'Soc', '--dry-run'],
      project(),
      {
        ...env,
        PATH: `${otherBin}${path.delimiter}${process.env.PATH ?? ''}`,
      },
      60_000,
    );
    assert.equal(run.code, 1);
    assert.match(run.stderr, /\(401\).*az login/);
    assert.ok(!(run.stdout + run.stderr).includes('some-other-token'));
  });
});
