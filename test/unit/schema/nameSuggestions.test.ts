import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { closestNames, editDistance } from '../../../server/src/schema/nameSuggestions';

const COLUMNS = [
  'Timestamp',
  'TimeGenerated',
  'DeviceName',
  'DeviceId',
  'InitiatingProcessFileName',
  'InitiatingProcessFolderPath',
  'FileName',
  'RemoteIP',
  'RemoteIPType',
  'RemotePort',
];

test('edit distance counts a swap of neighbouring letters as one edit', () => {
  assert.equal(editDistance('RemoteIP', 'RemoteIP'), 0);
  assert.equal(editDistance('RmeoteIP', 'RemoteIP'), 1);
  assert.equal(editDistance('RemoteP', 'RemoteIP'), 1);
  assert.equal(editDistance('abc', 'xyz'), 3);
  assert.equal(editDistance('short', 'a much longer name', 2), 3);
});

test('a difference of case comes first', () => {
  assert.deepEqual(closestNames('timestamp', COLUMNS, 2), ['Timestamp']);
  assert.deepEqual(closestNames('FILENAME', ['FileName', 'FileNames', 'FolderName']), [
    'FileName',
    'FileNames',
  ]);
});

test('typos rank by edits, then shared prefix; unrelated names are not offered', () => {
  assert.deepEqual(closestNames('DeviceNmae', COLUMNS), ['DeviceName']);
  assert.deepEqual(closestNames('RemotePrt', COLUMNS), ['RemotePort', 'RemoteIP']);
  assert.deepEqual(closestNames('InitiatingProcessFileNme', COLUMNS, 3), ['InitiatingProcessFileName']);
  assert.deepEqual(closestNames('Zebra', COLUMNS), []);
});

test('max limits the list, the name itself is never offered, and the order is stable', () => {
  assert.deepEqual(closestNames('RemoteIPTyp', COLUMNS, 1), ['RemoteIPType']);
  assert.deepEqual(closestNames('RemoteIPTypo', COLUMNS, 5), ['RemoteIPType', 'RemoteIP']);
  assert.deepEqual(closestNames('RemoteIP', ['RemoteIP', 'RemoteIP', 'remoteIP'], 5), ['remoteIP']);
  assert.deepEqual(closestNames('x', [], 3), []);
  assert.deepEqual(closestNames('RemoteIP', COLUMNS, 0), []);
});
