/**
 * The editor's *Deploy Rule…* as the language server serves it (`kqlHunting/deployRule`): a dry
 * run that plans, then the deployment, with a sealed token from the client, against a stand-in
 * for Azure Resource Manager's alertRules API on 127.0.0.1.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DeployRuleRequest } from '../../server/src/protocol/messages';
import type { DeployRuleParams } from '../../server/src/protocol/deployRule';
import { newTokenKey, sealToken, TOKEN_KEY_ENV } from '../../server/src/protocol/tokenSeal';
import type { LogAnalyticsWorkspace } from '../../server/src/protocol/workspaces';
import { alertRulesService, type AlertRulesService } from '../helpers/alertRulesService';
import { LspTestClient } from '../helpers/lspClient';
import { startHttpsStub, type HttpsStub } from '../unit/connectors/support/httpsStub';

const TOKEN = 'editor-deploy-token';
const ID = '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a';
const RULE = `id: ${ID}
name: Scheduled task created by an Office application
description: |
  An Office process created a scheduled task.
severity: Medium
requiredDataConnectors:
  - connectorId: SecurityEvents
    dataTypes:
      - SecurityEvent
queryFrequency: 1h
queryPeriod: 1h
triggerOperator: gt
triggerThreshold: 0
tactics:
  - Persistence
relevantTechniques:
  - T1053.005
query: |
  SecurityEvent
  | where EventID == 4698
  | project TimeGenerated, Computer, Account
entityMappings:
  - entityType: Host
    fieldMappings:
      - identifier: FullName
        columnName: Computer
version: 1.0.0
kind: Scheduled
`;

describe('kql-language-server: deploying a rule for the editor', () => {
  let stub: HttpsStub;
  let arm: AlertRulesService;
  let client: LspTestClient;
  let dir: string;
  let workspace: LogAnalyticsWorkspace;
  const key = newTokenKey();
  const params = (file: string, dryRun: boolean, over: Partial<DeployRuleParams> = {}): DeployRuleParams => ({
    uri: pathToFileURL(path.join(dir, file)).href,
    workspace,
    dryRun,
    token: sealToken(TOKEN, Date.now() + 600_000, key),
    ...over,
  });

  before(async () => {
    arm = alertRulesService({ token: TOKEN, subscriptionId: 'sub', resourceGroup: 'rg', workspaces: ['ws'] });
    stub = await startHttpsStub((req) => arm.handler(req));
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kql-deploy-lsp-')));
    fs.writeFileSync(path.join(dir, 'ca.pem'), stub.ca);
    fs.writeFileSync(path.join(dir, 'office-task.yaml'), RULE);
    fs.writeFileSync(
      path.join(dir, 'broken.yaml'),
      RULE.replace(ID, 'aaaaaaaa-5a49-4382-9170-6f5e4d3c2b1a').replace('EventID == 4698', 'EventIdd == 4698'),
    );
    workspace = {
      name: 'Prod Sentinel',
      kind: 'logAnalytics',
      workspaceId: 'w',
      subscriptionId: 'sub',
      resourceGroup: 'rg',
      workspaceName: 'ws',
      managementEndpoint: stub.origin,
    };
    client = new LspTestClient(['--stdio'], {
      ...process.env,
      [TOKEN_KEY_ENV]: key,
      NODE_EXTRA_CA_CERTS: path.join(dir, 'ca.pem'),
    });
    await client.initialize();
  });
  after(async () => {
    await client?.shutdown();
    await stub?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('plans without writing, then deploys with the sealed token', async () => {
    const plan = await client.connection.sendRequest(DeployRuleRequest, params('office-task.yaml', true));
    assert.equal(plan.exitCode, 0, plan.errors);
    assert.match(plan.output, /\+ create\s+9e8d7c6b/);
    assert.equal(arm.rules.get('ws')!.size, 0);

    const done = await client.connection.sendRequest(DeployRuleRequest, params('office-task.yaml', false));
    assert.equal(done.exitCode, 0, done.errors);
    assert.match(done.output, /created 9e8d7c6b/);
    assert.equal(
      arm.rules.get('ws')!.get(ID)!.properties.displayName,
      'Scheduled task created by an Office application',
    );
    assert.equal(stub.requests.at(-1)!.headers.authorization, `Bearer ${TOKEN}`);
    assert.ok(!(done.output + done.errors + plan.output + plan.errors).includes(TOKEN));
  });

  it('refuses a rule that fails its checks, with the finding', async () => {
    const result = await client.connection.sendRequest(DeployRuleRequest, params('broken.yaml', false));
    assert.equal(result.exitCode, 1);
    assert.match(result.output, /! refused.*\n.*\n.*EventIdd/);
    assert.equal(arm.rules.get('ws')!.get('aaaaaaaa-5a49-4382-9170-6f5e4d3c2b1a'), undefined);
  });

  it('says why a workspace or a file cannot take a deployment', async () => {
    const local = await client.connection.sendRequest(
      DeployRuleRequest,
      params('office-task.yaml', true, { workspace: { name: 'Samples', kind: 'local', folder: dir } }),
    );
    assert.equal(local.exitCode, 2);
    assert.match(
      local.errors,
      /is a local folder: rules are deployed to a Log Analytics \(Sentinel\) or Defender workspace/,
    );
    const untitled = await client.connection.sendRequest(DeployRuleRequest, {
      ...params('office-task.yaml', true),
      uri: 'untitled:Untitled-1',
    });
    assert.equal(untitled.exitCode, 2);
    assert.match(untitled.errors, /saved on disk/);
  });
});
