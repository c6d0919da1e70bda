import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { currentDetectionShape } from '../../../../server/src/rules/convert/currentDetectionShape';
import { LEGACY_MAILBOX_DETECTION, MAILBOX_DETECTION } from './ruleFixtures';

test('a detection in the removed shape is read into the current one, column for column', () => {
  const { lookback: _none, ...schedule } = MAILBOX_DETECTION.schedule;
  assert.deepEqual(currentDetectionShape(structuredClone(LEGACY_MAILBOX_DETECTION)), {
    ...MAILBOX_DETECTION,
    schedule,
  });
});

test('a detection in the current shape comes back unchanged', () => {
  assert.deepEqual(currentDetectionShape(structuredClone(MAILBOX_DETECTION)), MAILBOX_DETECTION);
});

test('periods, the next run and device and user assets map to their current counterparts', () => {
  const legacy = structuredClone(LEGACY_MAILBOX_DETECTION) as Record<string, unknown>;
  legacy.schedule = { period: '0', nextRunDateTime: '2026-09-01T00:00:00Z' };
  (legacy.detectionAction as { alertTemplate: Record<string, unknown> }).alertTemplate.impactedAssets = [
    { '@odata.type': '#microsoft.graph.security.impactedDeviceAsset', identifier: 'deviceId' },
    { '@odata.type': '#microsoft.graph.security.impactedDeviceAsset', identifier: 'remoteDeviceName' },
    { '@odata.type': '#microsoft.graph.security.impactedUserAsset', identifier: 'initiatingAccountSid' },
    { '@odata.type': '#microsoft.graph.security.impactedUserAsset', identifier: 'accountUpn' },
    { '@odata.type': '#microsoft.graph.security.impactedUserAsset', identifier: 'accountId' },
  ];
  const current = currentDetectionShape(legacy) as typeof MAILBOX_DETECTION;
  assert.deepEqual(current.schedule, { frequency: 'PT0S' });
  assert.deepEqual(current.detectionAction.alertTemplate.entityMappings, {
    hosts: [{ deviceIdColumn: 'DeviceId' }, { nameColumn: 'RemoteDeviceName' }],
    accounts: [{ sidColumn: 'InitiatingProcessAccountSid' }, { upnColumn: 'AccountUpn' }],
  });
});
