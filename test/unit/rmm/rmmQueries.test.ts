import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DETECTION_KINDS,
  kindsOf,
  rmmToolById,
  rmmTools,
  type RmmTool,
} from '../../../server/src/rmm/rmmLibrary';
import { rmmDetectionQuery } from '../../../server/src/rmm/rmmQueries';
import { kqlProblems } from '../../helpers/detectionChecks';

function tool(id: string): RmmTool {
  const t = rmmToolById(id);
  assert.ok(t, id);
  return t;
}

describe('RMM detection queries', () => {
  it('gives the seed TightVNC network query for one tool and one kind', () => {
    const q = rmmDetectionQuery([tool('tightvnc')], ['network'], { target: 'hunting' });
    assert.equal(
      q.text,
      [
        'let TimeStart = ago(5d);',
        'let TimeEnd = now();',
        'DeviceNetworkEvents',
        '| where Timestamp between (TimeStart .. TimeEnd)',
        "| where InitiatingProcessVersionInfoCompanyName has 'GlavSoft'",
        "    and InitiatingProcessVersionInfoProductName has 'TightVNC'",
        '| summarize FirstSeen = min(Timestamp), LastSeen = max(Timestamp), Report = make_set(ReportId), Count = count() by DeviceId, DeviceName, RemoteUrl',
        "| extend Tool = 'TightVNC'",
        '',
      ].join('\n'),
    );
    assert.deepEqual(q.tables, ['DeviceNetworkEvents']);
  });

  it('lists several terms with has_any and escapes quotes', () => {
    const q = rmmDetectionQuery(
      [
        {
          id: 'x',
          name: "O'Tool",
          companies: ["O'Brien Ltd", 'Other'],
          products: [],
          signers: [],
          domains: [],
        },
      ],
      ['process'],
      { target: 'hunting' },
    );
    assert.match(
      q.text,
      /ProcessVersionInfoCompanyName has_any \(\n {8}'O\\'Brien Ltd',\n {8}'Other'\n {4}\)/,
    );
    assert.deepEqual(kqlProblems(q.text, 'defender'), []);
  });

  it('leaves the window out of rule queries and summarises on TimeGenerated', () => {
    const q = rmmDetectionQuery([tool('teamviewer')], ['network'], { target: 'rule' });
    assert.doesNotMatch(q.text, /TimeStart|Timestamp/);
    assert.match(q.text, /min\(TimeGenerated\)/);
  });

  it('uses the lookback it is given', () => {
    assert.match(
      rmmDetectionQuery([tool('anydesk')], ['process'], { target: 'hunting', lookback: '14d' }).text,
      /ago\(14d\)/,
    );
  });

  it('drops kinds no chosen tool supports, and says so when nothing is left', () => {
    const q = rmmDetectionQuery([tool('tigervnc')], ['process', 'fileSignature'], { target: 'hunting' });
    assert.deepEqual(q.kinds, ['process']);
    assert.throws(
      () => rmmDetectionQuery([tool('tigervnc')], ['fileSignature'], { target: 'hunting' }),
      /None of TigerVNC has indicators for a file signature detection/,
    );
    assert.throws(() => rmmDetectionQuery([], ['network'], { target: 'hunting' }), /at least one RMM tool/);
  });

  it('drives several tools from one datatable of indicators', () => {
    const q = rmmDetectionQuery([tool('tightvnc'), tool('anydesk')], ['network'], { target: 'hunting' });
    assert.match(q.text, /let RmmIndicators = datatable\(Tool: string, Field: string, Values: dynamic\) \[/);
    assert.match(q.text, /'TightVNC', 'Company', dynamic\(\['GlavSoft'\]\),/);
    assert.match(q.text, /'AnyDesk', 'Domain', dynamic\(\['anydesk.com', 'api.playanext.com'\]\),/);
    assert.doesNotMatch(q.text, /'Signer'/, 'a network detection carries no signer rows');
    assert.deepEqual(
      q.tools.map((t) => t.name),
      ['TightVNC', 'AnyDesk'],
    );
  });

  // The rule variant of each tool's query is checked inside its rule, in rmmRule.test.ts.
  for (const t of rmmTools()) {
    it(`${t.name}: the hunting query of every kind is valid`, () => {
      for (const kind of kindsOf(t)) {
        const hunting = rmmDetectionQuery([t], [kind], { target: 'hunting' }).text;
        assert.deepEqual(kqlProblems(hunting, 'defender'), [], hunting);
      }
    });
  }

  it('all tools at once, each kind and all kinds, is valid in both environments', () => {
    for (const kinds of [...DETECTION_KINDS.map((k) => [k]), [...DETECTION_KINDS]]) {
      const hunting = rmmDetectionQuery(rmmTools(), kinds, { target: 'hunting' });
      assert.deepEqual(hunting.kinds, kinds);
      assert.deepEqual(kqlProblems(hunting.text, 'defender'), [], hunting.text);
      // Alone, a rule's query has no time filter: its queryPeriod bounds it, so only errors count here.
      const rule = rmmDetectionQuery(rmmTools(), kinds, { target: 'rule' });
      assert.deepEqual(kqlProblems(rule.text, 'sentinel', { errorsOnly: true }), [], rule.text);
    }
  });
});
