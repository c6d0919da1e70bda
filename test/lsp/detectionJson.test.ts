import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentEnvironmentRequest } from '../../server/src/protocol/messages';
import { LspTestClient } from '../helpers/lspClient';

// A Defender XDR custom detection (Graph detectionRule JSON) over the protocol: its query is
// checked in Defender XDR (the environment the server reports as implied by the file) and the
// custom detection requirements land on the JSON nodes that break them.
const DETECTION = JSON.stringify(
  {
    displayName: 'TightVNC connection',
    isEnabled: true,
    queryCondition: {
      queryText:
        'DeviceNetworkEvents\n| where InitiatingProcessVersionInfoProductName has "TightVNC"\n| summarize Connections = count() by DeviceId',
    },
    schedule: { frequency: 'PT6H' },
    detectionAction: {
      alertTemplate: { title: 'TightVNC connection', severity: 'medium', entityMappings: {} },
      responseActions: [],
    },
  },
  null,
  2,
);

test('detection JSON over the protocol: Defender environment, requirement findings on their nodes', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize();
    const uri = 'file:///workspace/detections/tightvnc.detection.json';
    const published = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'json', version: 1, text: DETECTION },
    });
    const { diagnostics } = await published;
    const document = TextDocument.create(uri, 'json', 1, DETECTION);
    const found = diagnostics.map((d) => `${d.code} ${document.getText(d.range).slice(0, 20)}`).sort();
    assert.deepEqual(found, [
      'rule-defender-frequency "PT6H"',
      'rule-defender-required-column "DeviceNetworkEvents',
      'rule-defender-required-column "DeviceNetworkEvents',
    ]);
    const environment = await client.connection.sendRequest(DocumentEnvironmentRequest, { uri });
    assert.equal(environment?.environment, 'defender');
    assert.equal(environment?.implied, true);
  } finally {
    client.kill();
  }
});
