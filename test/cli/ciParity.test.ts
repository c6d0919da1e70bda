import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runBin, tempTree } from '../helpers/cliHarness';

/**
 * kqlhunt check over a repository laid out as Azure-Sentinel (issue 17, item 3): ids shared by a
 * rule and a hunting query, and by the legacy Cisco Umbrella copies, are not reported; two
 * analytic rules sharing an id are, but not a rule and the stub left where it was moved from; a
 * hunting query with a `kind` is checked as a hunting query.
 */
const ID = '2c4e6a8b-0d1f-4a3b-8c5d-7e9f0a1b2c3d';
const LEGACY_ID = '3d5f7b9c-1e2a-4b4c-9d6e-8f0a1b2c3d4e';
const PAIR_ID = '4e6a8c0d-2f3b-4c5d-8e7f-9a0b1c2d3e4f';
const MOVED_ID = '5f7b9d1e-3a4c-4d6e-9f8a-0b1c2d3e4f5a';

const scheduled = (id: string) => `id: ${id}
name: Rule
description: A rule.
severity: Low
kind: Scheduled
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
query: |
  SecurityEvent
  | project TimeGenerated, Computer
`;

const huntingWithKind = (id: string) => `id: ${id}
name: Hunting query
description: A hunting query that carries a kind.
kind: Scheduled
requiredDataConnectors: []
tactics:
  - Persistence
query: |
  SecurityEvent
  | project TimeGenerated, Computer
`;

const TREE = {
  [`Detections/SecurityEvent/rule.yaml`]: scheduled(ID),
  [`Hunting Queries/SecurityEvent/hunt.yaml`]: huntingWithKind(ID),
  [`Detections/CiscoUmbrella/legacy.yaml`]: scheduled(LEGACY_ID),
  [`Solutions/CiscoUmbrella/Analytic Rules/legacy.yaml`]: scheduled(LEGACY_ID),
  [`Detections/SecurityEvent/first.yaml`]: scheduled(PAIR_ID),
  [`Solutions/Windows/Analytic Rules/second.yaml`]: scheduled(PAIR_ID),
  // A rule moved to a solution leaves a stub with its id and no query; the CI's structure skip
  // list names such stubs and its duplicate-id test leaves them out. A stub is no rule here.
  [`Detections/SecurityAlert/moved.yaml`]: `id: ${MOVED_ID}\nname: Moved\ndescription: Moved to the solution.\n`,
  [`Solutions/Windows/Analytic Rules/moved.yaml`]: scheduled(MOVED_ID),
};

describe('kqlhunt check: rule checks at the parity of the Sentinel CI', () => {
  it('reports the duplicate ids the CI reports, and checks hunting queries by folder', async () => {
    const tree = tempTree(TREE);
    try {
      const r = await runBin(['check', '--format', 'json', '--fail-on', 'never'], tree.dir);
      assert.equal(r.code, 0, r.stderr);
      const findings = JSON.parse(r.stdout) as { file: string; code: string; severity: string }[];
      const rules = findings.filter((f) => f.code.startsWith('rule-'));
      assert.deepEqual(
        rules.map((f) => [f.file, f.code, f.severity]),
        [
          ['Detections/SecurityEvent/first.yaml', 'rule-id-duplicate', 'error'],
          ['Solutions/Windows/Analytic Rules/second.yaml', 'rule-id-duplicate', 'error'],
        ],
        r.stdout,
      );
    } finally {
      tree.dispose();
    }
  });
});
