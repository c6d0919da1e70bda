import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runBin, tempTree } from '../helpers/cliHarness';

/**
 * `kqlhunt fmt` run as CI runs it (the built bin/kqlhunt.js as a child process) on files each
 * test writes: the modes, each kind of file, the YAML around a rule's query kept byte for byte,
 * and the files it must leave alone.
 */
const ONE_LINE = 'DeviceProcessEvents | where Timestamp > ago(1d) | project DeviceName, FileName';
const FORMATTED = ['DeviceProcessEvents', '| where Timestamp > ago(1d)', '| project DeviceName, FileName'];

/** A hunting rule's YAML with comments around a query block of `header` style at `indent`. */
function rule(header: string, indent: string, queryLines: readonly string[], eol = '\n'): string {
  return [
    '# Owned by the hunting team',
    'id: 5b0c6f1e-2d7a-4e8b-b1c3-9f4e2a6d8c20',
    'name: Rare process   # trailing comment',
    'description: |',
    '  Processes started today.',
    `query: ${header}`,
    ...queryLines.map((l) => (l === '' ? '' : indent + l)),
    '',
    '# kept: a comment after the query',
    'tactics:',
    '  - Execution',
    '',
  ].join(eol);
}

function read(dir: string, file: string): string {
  return fs.readFileSync(path.join(dir, file), 'utf8');
}

test('--check lists the files that would change and exits 1, changing nothing; --write rewrites them', async () => {
  const tree = tempTree({
    'a.kql': `${ONE_LINE}\n`,
    'done.kql': `${FORMATTED.join('\n')}\n`,
    'notes.md': '# Notes\n\nNo KQL here.\n',
  });
  try {
    const check = await runBin(['fmt', '--check'], tree.dir);
    assert.equal(check.code, 1, check.stderr);
    assert.equal(check.stdout, 'a.kql\n');
    assert.match(check.stderr, /1 of 3 files would be reformatted/);
    assert.equal(read(tree.dir, 'a.kql'), `${ONE_LINE}\n`);

    const write = await runBin(['fmt', '--write'], tree.dir);
    assert.equal(write.code, 0, write.stderr);
    assert.equal(write.stdout, 'a.kql\n');
    assert.equal(read(tree.dir, 'a.kql'), `${FORMATTED.join('\n')}\n`);
    // Written through a temporary file beside it, which is gone afterwards.
    assert.deepEqual(fs.readdirSync(tree.dir).sort(), ['a.kql', 'done.kql', 'notes.md']);

    const again = await runBin(['fmt', '--check'], tree.dir);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, '');
  } finally {
    tree.dispose();
  }
});

test('with no mode flag fmt writes, as ruff format and cargo fmt do, keeping the permission bits and a BOM', async () => {
  const tree = tempTree({ 'a.kql': `\ufeff${ONE_LINE}\n` });
  try {
    fs.chmodSync(path.join(tree.dir, 'a.kql'), 0o640);
    const run = await runBin(['fmt', 'a.kql'], tree.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(read(tree.dir, 'a.kql'), `\ufeff${FORMATTED.join('\n')}\n`);
    assert.equal(fs.statSync(path.join(tree.dir, 'a.kql')).mode & 0o777, 0o640);
  } finally {
    tree.dispose();
  }
});

test('--diff prints a unified diff and exits 1, changing nothing', async () => {
  const tree = tempTree({ 'q.kql': `// hosts\n${ONE_LINE}\n` });
  try {
    const run = await runBin(['fmt', '--diff'], tree.dir);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(
      run.stdout,
      [
        '--- a/q.kql',
        '+++ b/q.kql',
        '@@ -1,2 +1,4 @@',
        ' // hosts',
        `-${ONE_LINE}`,
        ...FORMATTED.map((l) => `+${l}`),
        '',
      ].join('\n'),
    );
    assert.equal(read(tree.dir, 'q.kql'), `// hosts\n${ONE_LINE}\n`);
  } finally {
    tree.dispose();
  }
});

test('in rule YAML only the query block changes, in each literal style, keeping comments, indentation and CRLF', async () => {
  const cases: Record<string, { header: string; indent: string; eol: string; extra?: string[] }> = {
    'clip.yaml': { header: '|', indent: '  ', eol: '\n' },
    'strip.yaml': { header: '|-', indent: '    ', eol: '\r\n' },
    'keep.yaml': { header: '|+', indent: '  ', eol: '\r\n' },
    'indicator.yaml': { header: '|2', indent: '  ', eol: '\n' },
  };
  const files: Record<string, string> = {};
  for (const [name, c] of Object.entries(cases))
    files[name] = rule(c.header, c.indent, ['// why this query', ONE_LINE], c.eol);
  const tree = tempTree(files);
  try {
    const run = await runBin(['fmt', '--write'], tree.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, 'kqlhunt: 4 of 4 files reformatted\n');
    for (const [name, c] of Object.entries(cases))
      assert.equal(
        read(tree.dir, name),
        rule(c.header, c.indent, ['// why this query', ...FORMATTED], c.eol),
        name,
      );
  } finally {
    tree.dispose();
  }
});

test('a folded, quoted or plain query and a query with a syntax error are left as they are, with one note each', async () => {
  const files = {
    'folded.yaml': rule('>', '  ', [ONE_LINE]),
    'quoted.yaml': rule(JSON.stringify(ONE_LINE), '', []),
    'broken.kql': `${ONE_LINE}\n\nDeviceEvents | where (\n`,
  };
  const tree = tempTree(files);
  try {
    const run = await runBin(['fmt', '--check'], tree.dir);
    // Nothing was formatted, and the gate fails: it could not check these files. The notes say why.
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /0 of 3 files would be reformatted; 3 files left as they are/);
    const notes = run.stderr.split('\n').filter((l) => l.startsWith('kqlhunt: ') && !/files? would/.test(l));
    assert.deepEqual(
      notes.map((l) => l.slice('kqlhunt: '.length, l.indexOf(':', 'kqlhunt: '.length))),
      ['broken.kql', 'folded.yaml', 'quoted.yaml'],
    );
    assert.match(notes[0], /line 3: syntax error: .+; the file is left as it is/);
    assert.match(notes[1], /folded \(>\) YAML scalar is left as it is/);
    for (const [name, text] of Object.entries(files)) assert.equal(read(tree.dir, name), text, name);
  } finally {
    tree.dispose();
  }
});

test('Markdown: every kql and kusto fence is formatted, other fences and the prose are not', async () => {
  const md = (a: string[], b: string[]) =>
    [
      '# Hunting notes',
      '',
      'DeviceEvents | take 1 is prose, not a query.',
      '',
      '```kql',
      ...a,
      '```',
      '',
      '1. In a list:',
      '   ```kusto',
      ...b.map((l) => `   ${l}`),
      '   ```',
      '',
      '```python',
      'x = "a | b" | 1',
      '```',
      '',
    ].join('\n');
  const tree = tempTree({ 'notes.md': md([ONE_LINE], ['DeviceEvents|take 5']) });
  try {
    const run = await runBin(['fmt'], tree.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(read(tree.dir, 'notes.md'), md(FORMATTED, ['DeviceEvents', '| take 5']));
  } finally {
    tree.dispose();
  }
});

test('the format settings of .kqlhunt.json apply, as the editor applies kqlHunting.format', async () => {
  const tree = tempTree({
    'a.kql': `${ONE_LINE}\n`,
    '.kqlhunt.json': JSON.stringify({ format: { pipeOperatorStyle: 'none' } }),
  });
  try {
    const run = await runBin(['fmt', '--check'], tree.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
  } finally {
    tree.dispose();
  }
});

test('two modes at once are a usage error', async () => {
  const tree = tempTree({ 'a.kql': `${ONE_LINE}\n` });
  try {
    const run = await runBin(['fmt', '--check', '--write'], tree.dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--write and --check cannot be used together/);
    assert.equal(read(tree.dir, 'a.kql'), `${ONE_LINE}\n`);
  } finally {
    tree.dispose();
  }
});
