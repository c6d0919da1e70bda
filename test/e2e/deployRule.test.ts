/**
 * Deploying a Sentinel rule from the real editor: "KQL Hunting: Deploy Rule…" on a rule YAML plans
 * the deployment against a local stand-in of Azure Resource Manager's alertRules API, asks in a
 * modal that names the workspace, and only after "Deploy" is pressed creates the rule there. The
 * same command on a `*.detection.json` file deploys a Defender XDR custom detection to a stand-in
 * of Microsoft Graph `security/rules/detectionRules`, which refuses the properties Graph removed on
 * 2026-10-01, so the rule must arrive in the current shape.
 *
 * Signing in takes the product's other mode, `kqlHunting.run.signIn: default`, with a stand-in
 * `az` on the PATH, as refreshSchema.test.ts does: VS Code's Microsoft account cannot be faked.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { alertRulesService, type AlertRulesService } from '../helpers/alertRulesService';
import { detectionRulesService, type DetectionRulesService } from '../helpers/detectionRulesService';
import { fakeAzureCli } from '../helpers/secretService';
import { waitUntil } from '../helpers/waitUntil';
import { startHttpsStub, type HttpsStub } from '../unit/connectors/support/httpsStub';
import { EditorSession, openEditorSession, resultsDir } from './support/editorSession';
import { loadWorkbench, openFromExplorer, runCommand, stepLogger } from './support/workbench';

const TOKEN = 'e2e-deploy-token';
const SUB = '00000000-1111-2222-3333-444444444444';
const RG = 'soc-rg';
const RULE_ID = '6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const FILE = 'tightvnc-sentinel.yaml';

const RULE = `id: ${RULE_ID}
name: TightVNC server reached from outside
description: |
  A TightVNC server accepted a connection from a public address.
severity: Medium
requiredDataConnectors:
  - connectorId: MicrosoftThreatProtection
    dataTypes:
      - DeviceNetworkEvents
queryFrequency: 1h
queryPeriod: 1h
triggerOperator: gt
triggerThreshold: 0
tactics:
  - CommandAndControl
relevantTechniques:
  - T1219
query: |
  DeviceNetworkEvents
  | where InitiatingProcessFileName =~ "tvnserver.exe"
  | where RemoteIPType == "Public"
  | project TimeGenerated, DeviceName, RemoteIP
entityMappings:
  - entityType: Host
    fieldMappings:
      - identifier: HostName
        columnName: DeviceName
version: 1.0.0
kind: Scheduled
`;

const DETECTION_FILE = 'remote-access.detection.json';
const DETECTION = {
  displayName: 'Remote access tool started from a user folder',
  isEnabled: true,
  queryCondition: {
    queryText:
      'DeviceProcessEvents\n| where FolderPath startswith @"C:\\Users\\"\n| where FileName in~ ("anydesk.exe", "tvnserver.exe")\n| project Timestamp, DeviceId, ReportId, DeviceName, FileName',
  },
  schedule: { frequency: 'PT1H', lookback: 'PT4H' },
  detectionAction: {
    alertTemplate: {
      title: 'Remote access tool started from a user folder',
      description: 'A remote access tool ran from a folder users can write to.',
      severity: 'medium',
      tactics: [{ tactic: 'CommandAndControl', techniques: [{ technique: 'T1219', subTechniques: [] }] }],
      entityMappings: { hosts: [{ deviceIdColumn: 'DeviceId', nameColumn: 'DeviceName' }] },
    },
    responseActions: [],
  },
};

let stub: HttpsStub;
let arm: AlertRulesService;
let graph: DetectionRulesService;
let session: EditorSession;
let tools: string;

before(async () => {
  arm = alertRulesService({ token: TOKEN, subscriptionId: SUB, resourceGroup: RG, workspaces: ['soc-ws'] });
  graph = detectionRulesService(TOKEN);
  stub = await startHttpsStub((req) =>
    req.path.startsWith('/beta/security/') ? graph.handler(req) : arm.handler(req),
  );
  tools = fs.mkdtempSync(path.join(os.tmpdir(), 'kql-e2e-deploy-'));
  const caFile = path.join(tools, 'ca.pem');
  fs.writeFileSync(caFile, stub.ca);
  fakeAzureCli(path.join(tools, 'bin'), TOKEN);
  session = await openEditorSession('deploy-rule', {
    env: {
      PATH: `${path.join(tools, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
      NODE_EXTRA_CA_CERTS: caFile,
    },
    userSettings: { 'kqlHunting.run.signIn': 'default' },
  });
  fs.mkdirSync(path.join(session.workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(
    path.join(session.workspace, '.vscode', 'settings.json'),
    JSON.stringify(
      {
        'kqlHunting.workspaces': [
          {
            name: 'SOC Sentinel',
            kind: 'logAnalytics',
            workspaceId: '11111111-2222-3333-4444-555555555555',
            subscriptionId: SUB,
            resourceGroup: RG,
            workspaceName: 'soc-ws',
            managementEndpoint: stub.origin,
          },
          { name: 'SOC Defender', kind: 'defender', endpoint: `${stub.origin}/beta` },
        ],
      },
      null,
      2,
    ),
  );
  fs.writeFileSync(path.join(session.workspace, FILE), RULE);
  fs.writeFileSync(path.join(session.workspace, DETECTION_FILE), JSON.stringify(DETECTION, null, 2));
});
after(async () => {
  await session?.dispose();
  await stub?.close();
  if (tools) fs.rmSync(tools, { recursive: true, force: true });
});

const step = stepLogger('deploy-rule');

test(
  'Deploy Rule plans, asks in a modal naming the workspace, and creates the rule once confirmed',
  { timeout: 360000 },
  async () => {
    const page = await session.newPage();
    try {
      await step('workbench loaded', () => loadWorkbench(page, session));
      await step(`${FILE} opened from the explorer`, () => openFromExplorer(page, FILE, 'tvnserver.exe'));
      const dialog = page.locator('.monaco-dialog-box', { hasText: 'SOC Sentinel' });
      await step('Deploy Rule… run from the command palette', async () => {
        await page.locator('.monaco-editor .view-lines').click();
        await runCommand(page, 'KQL Hunting: Deploy Rule…');
      });
      await step('the modal names the workspace and the plan', async () => {
        await dialog.waitFor({ timeout: 120000 });
        await dialog.locator('text=TightVNC server reached from outside').first().waitFor({ timeout: 10000 });
      });
      assert.equal(
        stub.requests.filter((r) => r.method === 'PUT').length,
        0,
        'nothing is written before the user confirms',
      );
      await step('Deploy pressed', () =>
        dialog.locator('.monaco-button', { hasText: 'Deploy' }).first().click(),
      );
      await step('the rule exists in the stand-in workspace', () =>
        waitUntil(
          'the alert rule is created',
          () => arm.rules.get('soc-ws')?.has(RULE_ID.toLowerCase()) === true,
          {
            timeoutMs: 120000,
            pollMs: 200,
          },
        ),
      );
      const created = arm.rules.get('soc-ws')!.get(RULE_ID.toLowerCase())!;
      assert.equal(created.properties.displayName, 'TightVNC server reached from outside');
      assert.ok(
        stub.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`),
        'every request carried the stand-in az token',
      );
      await step('the notification says it was deployed', async () => {
        await runCommand(page, 'Notifications: Show Notifications');
        await page
          .locator('.notifications-center .notification-list-item-message', { hasText: `Deployed ${FILE}` })
          .first()
          .waitFor({ timeout: 60000 });
      });
      fs.mkdirSync(resultsDir, { recursive: true });
      await page.screenshot({ path: path.join(resultsDir, 'deploy-rule.png') });
    } catch (error) {
      const logs = await session.failureReport('deploy');
      throw new Error(`${(error as Error).message}\n${logs}`, { cause: error });
    }
  },
);

test(
  'Deploy Rule on a detection JSON creates the custom detection in the current Graph shape once confirmed',
  { timeout: 360000 },
  async () => {
    const page = await session.newPage();
    try {
      await step('workbench loaded', () => loadWorkbench(page, session));
      await step(`${DETECTION_FILE} opened from the explorer`, () =>
        openFromExplorer(page, DETECTION_FILE, 'anydesk.exe'),
      );
      const dialog = page.locator('.monaco-dialog-box', { hasText: 'SOC Defender' });
      await step('Deploy Rule… run from the command palette', async () => {
        await page.locator('.monaco-editor .view-lines').click();
        await runCommand(page, 'KQL Hunting: Deploy Rule…');
      });
      await step('the modal names the Defender workspace and the plan', async () => {
        await dialog.waitFor({ timeout: 120000 });
        await dialog
          .locator('text=Remote access tool started from a user folder')
          .first()
          .waitFor({ timeout: 10000 });
      });
      assert.equal(
        stub.requests.filter((r) => r.method === 'POST').length,
        0,
        'nothing is written before the user confirms',
      );
      await step('Deploy pressed', () =>
        dialog.locator('.monaco-button', { hasText: 'Deploy' }).first().click(),
      );
      await step('the detection exists in the Graph stand-in', () =>
        waitUntil('the custom detection is created', () => graph.rules.size === 1, {
          timeoutMs: 120000,
          pollMs: 200,
        }),
      );
      const post = stub.requests.find((r) => r.method === 'POST')!;
      assert.equal(post.path, '/beta/security/rules/detectionRules');
      const body = post.body as typeof DETECTION;
      assert.deepEqual(body.schedule, { frequency: 'PT1H', lookback: 'PT4H' });
      assert.deepEqual(
        body.detectionAction.alertTemplate.entityMappings,
        DETECTION.detectionAction.alertTemplate.entityMappings,
      );
      assert.deepEqual(
        body.detectionAction.alertTemplate.tactics,
        DETECTION.detectionAction.alertTemplate.tactics,
      );
      assert.ok(!('period' in body.schedule) && !('impactedAssets' in body.detectionAction.alertTemplate));
      assert.equal([...graph.rules.values()][0].displayName, DETECTION.displayName);
      await step('the notification says it was deployed', async () => {
        await runCommand(page, 'Notifications: Show Notifications');
        await page
          .locator('.notifications-center .notification-list-item-message', {
            hasText: `Deployed ${DETECTION_FILE}`,
          })
          .first()
          .waitFor({ timeout: 60000 });
      });
      fs.mkdirSync(resultsDir, { recursive: true });
      await page.screenshot({ path: path.join(resultsDir, 'deploy-detection.png') });
    } catch (error) {
      const logs = await session.failureReport('deploy-detection');
      throw new Error(`${(error as Error).message}\n${logs}`, { cause: error });
    }
  },
);
