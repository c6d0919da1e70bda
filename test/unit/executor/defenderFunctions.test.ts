import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { executeQuery } from '../../../server/src/executor/executor';
import { createWorkspace } from '../../../server/src/executor/workspace';
import { builtinSchema } from '../../../server/src/schema/builtinSchemas';
import { BuiltinSchemaProvider } from '../../../server/src/schema/schemaProvider';

/**
 * Defender XDR's FileProfile, AssignedIPAddresses, DeviceFromIP and SeenBy on a local workspace:
 * what the workspace's own tables hold, nulls for Microsoft's intelligence, and a warning naming them.
 */
describe('executor: Defender functions from the workspace’s own tables', () => {
  const globals = new BuiltinSchemaProvider().globalsFor('defender');
  const sha1 = 'a'.repeat(40);
  const workspace = createWorkspace({
    schema: builtinSchema('defender'),
    tables: {
      DeviceProcessEvents: [
        {
          Timestamp: '2025-03-01T10:00:00Z',
          DeviceName: 'wks-1',
          SHA1: sha1,
          FileName: 'tvnserver.exe',
          ProcessId: 1,
        },
        { Timestamp: '2025-03-01T11:00:00Z', DeviceName: 'wks-1', SHA1: '', FileName: 'x.exe', ProcessId: 2 },
      ],
      DeviceFileEvents: [
        {
          Timestamp: '2025-03-01T09:00:00Z',
          SHA1: sha1,
          SHA256: 'b'.repeat(64),
          MD5: 'c'.repeat(32),
          FileSize: 1234,
        },
      ],
      DeviceFileCertificateInfo: [
        {
          Timestamp: '2025-03-01T09:00:00Z',
          SHA1: sha1,
          Signer: 'GlavSoft LLC.',
          Issuer: 'Example CA',
          IsRootSignerMicrosoft: false,
        },
      ],
      DeviceNetworkInfo: [
        {
          Timestamp: '2025-03-01T08:00:00Z',
          DeviceId: 'dev-1',
          DeviceName: 'wks-1.corp.example.com',
          NetworkAdapterType: 'Ethernet',
          IPAddresses: '[{"IPAddress":"10.0.0.5","SubnetPrefix":24,"AddressType":"Private"}]',
        },
        {
          Timestamp: '2025-03-02T08:00:00Z',
          DeviceId: 'dev-1',
          DeviceName: 'wks-1.corp.example.com',
          NetworkAdapterType: 'Wireless80211',
          IPAddresses: '[{"IPAddress":"10.0.1.9","SubnetPrefix":24,"AddressType":"Private"}]',
        },
      ],
    },
  });
  const run = (q: string) => executeQuery(q, { workspace, globals, now: '2025-03-14T12:00:00Z' });

  it('FileProfile adds hashes, size and signer from the workspace and leaves global intelligence null, saying so', () => {
    const r = run(
      'DeviceProcessEvents | order by ProcessId asc | invoke FileProfile() | project ProcessId, SHA256, MD5, FileSize, Signer, Issuer, GlobalPrevalence, ThreatName',
    );
    assert.deepEqual(r.tables[0].rows, [
      [1, 'b'.repeat(64), 'c'.repeat(32), 1234, 'GlavSoft LLC.', 'Example CA', null, ''],
      [2, '', '', null, '', '', null, ''],
    ]);
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0], /GlobalPrevalence.*ThreatName.*null here/);
  });

  it('FileProfile enriches at most y files and refuses an id column the page does not list', () => {
    const r = run(
      'DeviceProcessEvents | order by ProcessId asc | invoke FileProfile("SHA1", 1) | project ProcessId, Signer',
    );
    assert.deepEqual(r.tables[0].rows, [
      [1, 'GlavSoft LLC.'],
      [2, ''],
    ]);
    assert.throws(
      () => run('DeviceProcessEvents | invoke FileProfile("FileName")'),
      /not one of SHA1, SHA256/,
    );
  });

  it('AssignedIPAddresses lists a device’s addresses from DeviceNetworkInfo, latest first, up to a time', () => {
    const all = run('AssignedIPAddresses("wks-1.corp.example.com")');
    assert.deepEqual(all.tables[0].rows, [
      ['2025-03-02T08:00:00Z', '10.0.1.9', 'Private', 71, null],
      ['2025-03-01T08:00:00Z', '10.0.0.5', 'Private', 6, null],
    ]);
    const before = run('AssignedIPAddresses("dev-1", datetime(2025-03-01 12:00))');
    assert.deepEqual(
      before.tables[0].rows.map((r) => r[1]),
      ['10.0.0.5'],
    );
  });

  it('DeviceFromIP finds the device that held an address; SeenBy says its data is not local', () => {
    const r = run('print IP = "10.0.1.9" | invoke DeviceFromIP()');
    assert.deepEqual(r.tables[0].rows, [['10.0.1.9', 'dev-1']]);
    const seen = run('print DeviceId = "dev-1" | invoke SeenBy()');
    assert.deepEqual(seen.tables[0].rows, []);
    assert.match(seen.warnings.join(' '), /device discovery data is not in a local workspace/);
  });
});
