import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { StaticTokenCredential } from '../../../server/src/connectors/credentials';
import { DeployError } from '../../../server/src/deploy/deployErrors';
import { DetectionRulesClient } from '../../../server/src/deploy/detectionRulesClient';
import { SentinelRulesClient } from '../../../server/src/deploy/sentinelRulesClient';
import { alertRulesService, type AlertRulesService } from '../../helpers/alertRulesService';
import { detectionRulesService, type DetectionRulesService } from '../../helpers/detectionRulesService';
import { startHttpsStub, type HttpsStub, type StubRequest } from '../connectors/support/httpsStub';

const TOKEN = 'unit-deploy-token';
const credential = new StaticTokenCredential(TOKEN, Date.now() + 3_600_000);
const RULE = {
  kind: 'NRT' as const,
  properties: {
    displayName: 'D',
    query: 'T',
    severity: 'Low',
    enabled: true,
    suppressionDuration: 'PT5H',
    suppressionEnabled: false,
  },
};

describe('the rule clients against the stand-ins', () => {
  let stub: HttpsStub;
  let arm: AlertRulesService;
  let graph: DetectionRulesService;
  /** When set, the next list answer carries this nextLink. */
  let foreignNext: string | undefined;

  before(async () => {
    arm = alertRulesService({ token: TOKEN, subscriptionId: 's', resourceGroup: 'rg', workspaces: ['ws'] });
    graph = detectionRulesService(TOKEN);
    stub = await startHttpsStub((req: StubRequest) => {
      if (req.path.startsWith('/beta/')) {
        const answer = graph.handler(req);
        if (foreignNext && req.method === 'GET')
          return { ...answer, body: { ...(answer.body as object), '@odata.nextLink': foreignNext } };
        return answer;
      }
      const answer = arm.handler(req);
      if (foreignNext && req.method === 'GET')
        return { ...answer, body: { ...(answer.body as object), nextLink: foreignNext } };
      return answer;
    });
  });
  after(async () => {
    await stub?.close();
  });

  const sentinel = () =>
    new SentinelRulesClient(
      {
        name: 'W',
        kind: 'logAnalytics',
        workspaceId: 'w',
        subscriptionId: 's',
        resourceGroup: 'rg',
        workspaceName: 'ws',
        managementEndpoint: stub.origin,
      },
      credential,
      { tlsCa: stub.ca, retry: { maxRetries: 1, retryDelayInMs: 1, maxRetryDelayInMs: 1 } },
    );
  const defender = () =>
    new DetectionRulesClient({ name: 'X', kind: 'defender', endpoint: `${stub.origin}/v1.0` }, credential, {
      tlsCa: stub.ca,
    });

  it('creates, updates, lists across pages and deletes Sentinel rules', async () => {
    const client = sentinel();
    for (const id of ['r1', 'r2', 'r3']) assert.equal((await client.put(id, RULE, undefined)).created, true);
    const updated = await client.put('r1', RULE, arm.rules.get('ws')!.get('r1')!.etag);
    assert.equal(updated.created, false);
    assert.deepEqual((await client.list()).map((r) => r.name).sort(), ['r1', 'r2', 'r3']);
    assert.ok(
      stub.requests.some((r) => r.path.includes('$skipToken=2')),
      'the second page was read',
    );
    await client.delete('r2');
    await client.delete('r2');
    assert.deepEqual((await client.list()).map((r) => r.name).sort(), ['r1', 'r3']);
  });

  it('never follows a nextLink to another host, where the token would go', async () => {
    foreignNext = 'https://collector.example.net/steal';
    try {
      const before = stub.requests.length;
      await sentinel().list();
      await defender().list();
      assert.equal(stub.requests.length, before + 2, 'one request each, to the stand-in only');
    } finally {
      foreignNext = undefined;
    }
  });

  it('sends a stale etag and reports the 409', async () => {
    await assert.rejects(
      sentinel().put('r1', RULE, '"stale"'),
      (e: unknown) => e instanceof DeployError && e.status === 409 && /etag does not match/.test(e.message),
    );
  });

  it('uses Graph beta whatever version the endpoint names, and deletes detections', async () => {
    const client = defender();
    const rule = {
      displayName: 'X',
      queryCondition: { queryText: 'T' },
      schedule: { frequency: 'PT1H', lookback: 'PT4H' },
      detectionAction: { alertTemplate: { title: 'X', severity: 'low', entityMappings: {} } },
    };
    const made = await client.create(rule);
    assert.equal(stub.requests.at(-1)!.path, '/beta/security/rules/detectionRules');
    assert.deepEqual(made.schedule, rule.schedule);
    await client.update(String(made.id), { isEnabled: false });
    assert.equal(graph.rules.get(String(made.id))!.isEnabled, false);
    await client.delete(String(made.id));
    await assert.rejects(
      client.delete(String(made.id)),
      (e: unknown) => e instanceof DeployError && e.status === 404,
    );
  });

  it('gets a 400 naming the property when a rule uses one Graph removed on 2026-10-01', async () => {
    const client = defender();
    const base = {
      displayName: 'Old',
      queryCondition: { queryText: 'T' },
      detectionAction: { alertTemplate: { title: 'Old', severity: 'low' } },
    };
    await assert.rejects(
      client.create({ ...base, schedule: { period: '1H' } }),
      (e: unknown) =>
        e instanceof DeployError && e.status === 400 && /'period' does not exist/.test(e.message),
    );
    await assert.rejects(
      client.create({
        ...base,
        schedule: { frequency: 'PT1H' },
        detectionAction: { alertTemplate: { title: 'Old', severity: 'low', impactedAssets: [] } },
      }),
      (e: unknown) =>
        e instanceof DeployError && e.status === 400 && /'impactedAssets' does not exist/.test(e.message),
    );
    await assert.rejects(
      client.create({ ...base, schedule: { frequency: 'PT0S', lookback: 'PT1H' } }),
      (e: unknown) =>
        e instanceof DeployError &&
        e.status === 400 &&
        /near-real-time rule does not support lookback/.test(e.message),
    );
    assert.equal(graph.rules.size, 0);
  });
});
