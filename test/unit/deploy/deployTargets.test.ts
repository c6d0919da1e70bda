import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkEndpoint } from '../../../server/src/connectors/queryPolicy';
import { armCoordinates } from '../../../server/src/deploy/sentinelRulesClient';
import {
  managementScopeFor,
  parseWorkspace,
  type LogAnalyticsWorkspace,
} from '../../../server/src/protocol/workspaces';

describe('deployment targets', () => {
  it('reads the Azure Resource Manager coordinates of a Log Analytics workspace', () => {
    const w = parseWorkspace({
      name: 'Prod',
      kind: 'logAnalytics',
      workspaceId: 'w',
      subscriptionId: ' s ',
      resourceGroup: 'rg',
      workspaceName: 'ws',
      managementEndpoint: 'https://management.usgovcloudapi.net',
    }) as LogAnalyticsWorkspace;
    assert.equal(w.subscriptionId, 's');
    assert.deepEqual(armCoordinates(w), { subscriptionId: 's', resourceGroup: 'rg', workspaceName: 'ws' });
    assert.equal(managementScopeFor(w), 'https://management.usgovcloudapi.net/.default');
    const plain = parseWorkspace({
      name: 'Q',
      kind: 'logAnalytics',
      workspaceId: 'w',
    }) as LogAnalyticsWorkspace;
    assert.equal(managementScopeFor(plain), 'https://management.azure.com/.default');
    assert.match(String(armCoordinates(plain)), /needs "subscriptionId", "resourceGroup", "workspaceName"/);
  });

  it('sends a management token only to Azure Resource Manager or to this machine', () => {
    assert.equal(
      checkEndpoint('https://management.azure.com/', 'management'),
      'https://management.azure.com',
    );
    assert.equal(checkEndpoint('https://127.0.0.1:8443', 'management'), 'https://127.0.0.1:8443');
    assert.throws(
      () => checkEndpoint('https://management.example.com', 'management'),
      /refusing to send a token/,
    );
    assert.throws(() => checkEndpoint('http://management.azure.com', 'management'), /must use https/);
    assert.throws(
      () => checkEndpoint('https://management.azure.com/subscriptions', 'management'),
      /address only/,
    );
  });
});
