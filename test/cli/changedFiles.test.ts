import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runBin, tempTree } from '../helpers/cliHarness';

/**
 * `kqlhunt check --changed [BASE]` in a throw-away git repository laid out as a detection
 * repository: a table schema, a parser, a parser calling that parser, and rules calling each.
 */
const rule = (id: string, query: string) =>
  `id: ${id}\nname: rule ${id.slice(0, 4)}\nkind: Scheduled\nquery: |\n${query
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')}\n`;

const INNER = [
  'ParserName: WidgetEvents',
  'ParserQuery: |',
  '  Widget_CL',
  '  | project TimeGenerated, Colour = Colour_s, Size = Size_d',
  '',
].join('\n');

const REPO = {
  '.script/tests/KqlvalidationsTests/CustomTables/Widget_CL.json': JSON.stringify({
    Name: 'Widget_CL',
    Properties: [
      { Name: 'TimeGenerated', Type: 'DateTime' },
      { Name: 'Colour_s', Type: 'String' },
      { Name: 'Size_d', Type: 'Double' },
    ],
  }),
  'Parsers/Inner/WidgetEvents.yaml': INNER,
  'Parsers/Outer/BigWidgets.yaml': [
    'FunctionName: BigWidgetsFunction',
    'FunctionAlias: BigWidgets',
    'FunctionQuery: |',
    '  WidgetEvents',
    '  | where Size > 10',
    '',
  ].join('\n'),
  'Rules/direct.yaml': rule(
    '11111111-1111-4111-8111-111111111111',
    'WidgetEvents\n| where TimeGenerated > ago(1h)\n| project Colour',
  ),
  'Rules/transitive.yaml': rule(
    '22222222-2222-4222-8222-222222222222',
    'BigWidgets\n| where TimeGenerated > ago(1h)\n| project Colour, Size',
  ),
  'Rules/table.yaml': rule(
    '33333333-3333-4333-8333-333333333333',
    'Widget_CL\n| where TimeGenerated > ago(1h)\n| project Colour_s',
  ),
  'Rules/unrelated.yaml': rule(
    '44444444-4444-4444-8444-444444444444',
    'SecurityEvent\n| where TimeGenerated > ago(1h)\n| project Computer',
  ),
  'queries/hunt.kql': 'print Computer = "a"\n| take 10\n',
};

function git(dir: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args],
    { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/** The repository with everything committed on `branch`, and a feature branch checked out. */
function repository(branch = 'main') {
  const tree = tempTree(REPO);
  git(tree.dir, 'init', '-q', '-b', branch);
  git(tree.dir, 'add', '-A');
  git(tree.dir, 'commit', '-q', '-m', 'initial');
  git(tree.dir, 'checkout', '-q', '-b', 'feature');
  return tree;
}

function write(dir: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
}

interface Finding {
  file: string;
  code: string;
  message: string;
}

async function changed(dir: string, ...args: string[]) {
  const r = await runBin(['check', ...args, '--format', 'json', '--verbose', '--fail-on', 'never'], dir);
  assert.equal(r.code, 0, r.stderr);
  const selected = new Map(
    [...r.stderr.matchAll(/^kqlhunt: selected (.+?): (.+)$/gm)].map((m) => [m[1], m[2]] as const),
  );
  const findings = JSON.parse(r.stdout) as Finding[];
  return { selected, findings, stderr: r.stderr };
}

const engineErrors = (findings: Finding[]) =>
  findings.filter((f) => /^KS/.test(f.code)).map((f) => [f.file, f.code]);

describe('kqlhunt check --changed', () => {
  it('checks the files changed since an explicit base, with unchanged parsers still resolving', async () => {
    const tree = repository();
    try {
      write(tree.dir, 'Rules/transitive.yaml', REPO['Rules/transitive.yaml'] + '# edited\n');
      write(tree.dir, 'queries/hunt.kql', REPO['queries/hunt.kql'] + '| project Computer\n');
      git(tree.dir, 'commit', '-qam', 'edit two files');
      const r = await changed(tree.dir, '--changed', 'main');
      assert.deepEqual(
        [...r.selected],
        [
          ['Rules/transitive.yaml', 'changed'],
          ['queries/hunt.kql', 'changed'],
        ],
      );
      assert.match(r.stderr, /2 file\(s\) changed since main \(merge base [0-9a-f]{12}\); checking 2 of 8/);
      // BigWidgets resolves through WidgetEvents, neither of which changed.
      assert.deepEqual(engineErrors(r.findings), []);
      assert.ok(r.findings.every((f) => r.selected.has(f.file)));
    } finally {
      tree.dispose();
    }
  });

  it('takes the default branch when no base is named: origin/HEAD, else main, else master', async () => {
    const tree = repository('master');
    try {
      write(tree.dir, 'queries/hunt.kql', REPO['queries/hunt.kql'] + '| project Computer\n');
      // --changed followed by another option takes no value.
      let r = await changed(tree.dir, '--changed');
      assert.match(r.stderr, /changed since master /);
      assert.deepEqual([...r.selected.keys()], ['queries/hunt.kql']);

      const head = git(tree.dir, 'rev-parse', 'master').trim();
      git(tree.dir, 'update-ref', 'refs/remotes/origin/trunk', head);
      git(tree.dir, 'symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/trunk');
      r = await changed(tree.dir, '--changed=');
      assert.match(r.stderr, /changed since origin\/HEAD /);
      assert.deepEqual([...r.selected.keys()], ['queries/hunt.kql']);
    } finally {
      tree.dispose();
    }
  });

  it('checks the rules that call a changed parser, directly and through another parser', async () => {
    const tree = repository();
    try {
      // Uncommitted: the parser now names the colour column Hue.
      write(tree.dir, 'Parsers/Inner/WidgetEvents.yaml', INNER.replace('Colour =', 'Hue ='));
      const r = await changed(tree.dir, '--changed', 'main');
      assert.equal(r.selected.get('Parsers/Inner/WidgetEvents.yaml'), 'changed');
      assert.equal(r.selected.get('Rules/direct.yaml'), 'calls changed parser WidgetEvents');
      assert.equal(
        r.selected.get('Rules/transitive.yaml'),
        'calls parser BigWidgets, which calls changed parser WidgetEvents',
      );
      assert.equal(r.selected.get('Parsers/Outer/BigWidgets.yaml'), 'calls changed parser WidgetEvents');
      assert.ok(!r.selected.has('Rules/table.yaml') && !r.selected.has('Rules/unrelated.yaml'));
      // The callers are checked against the parser as it is now.
      assert.deepEqual(
        engineErrors(r.findings).filter(([f]) => f.startsWith('Rules/')),
        [
          ['Rules/direct.yaml', 'KS142'],
          ['Rules/transitive.yaml', 'KS142'],
        ],
      );
    } finally {
      tree.dispose();
    }
  });

  it('checks the rules that read a changed table schema, and those of a deleted parser', async () => {
    const tree = repository();
    try {
      const table = '.script/tests/KqlvalidationsTests/CustomTables/Widget_CL.json';
      write(tree.dir, table, REPO[table].replace('Colour_s', 'Shade_s'));
      git(tree.dir, 'rm', '-q', 'Parsers/Inner/WidgetEvents.yaml');
      const r = await changed(tree.dir, '--changed', 'main');
      assert.equal(r.selected.get('Rules/table.yaml'), 'reads changed table Widget_CL');
      // The deleted parser's name comes from its text at the merge base.
      assert.equal(r.selected.get('Rules/direct.yaml'), 'calls changed parser WidgetEvents');
      assert.ok(!r.selected.has('Parsers/Inner/WidgetEvents.yaml'));
      assert.ok(!r.selected.has('Rules/unrelated.yaml'));
      assert.deepEqual(
        engineErrors(r.findings).find(([f]) => f === 'Rules/direct.yaml'),
        ['Rules/direct.yaml', 'KS204'],
      );
    } finally {
      tree.dispose();
    }
  });

  it("checks every file when one of the CI's skip lists is added or deleted", async () => {
    const tree = repository();
    try {
      const list =
        '.script/tests/detectionTemplateSchemaValidation/SkipConnectorIdsValidationsTemplates.json';
      write(tree.dir, list, '[]');
      const added = await changed(tree.dir, '--changed', 'main');
      assert.equal(
        added.selected.get('Rules/unrelated.yaml'),
        'the CI skip list SkipConnectorIdsValidationsTemplates.json changed',
      );
      git(tree.dir, 'add', '-A');
      git(tree.dir, 'commit', '-qm', 'add a skip list');
      git(tree.dir, 'checkout', '-q', '-b', 'later');
      git(tree.dir, 'rm', '-q', list);
      const deleted = await changed(tree.dir, '--changed', 'feature');
      assert.equal(
        deleted.selected.get('Rules/unrelated.yaml'),
        'the CI skip list SkipConnectorIdsValidationsTemplates.json changed',
      );
    } finally {
      tree.dispose();
    }
  });

  it('includes untracked and staged files, skips deleted ones and follows renames', async () => {
    const tree = repository();
    try {
      git(tree.dir, 'mv', 'queries/hunt.kql', 'queries/renamed.kql');
      git(tree.dir, 'rm', '-q', 'Rules/unrelated.yaml');
      git(tree.dir, 'commit', '-qm', 'rename and delete');
      write(tree.dir, 'queries/untracked.kql', 'SecurityEvent | take 1\n');
      write(tree.dir, 'queries/staged.kql', 'SecurityEvent | take 2\n');
      git(tree.dir, 'add', 'queries/staged.kql');
      // Ignored files are not changes.
      write(tree.dir, '.gitignore', 'scratch/\n');
      write(tree.dir, 'scratch/ignored.kql', 'SecurityEvent | take 3\n');
      const r = await changed(tree.dir, '--changed', 'main');
      assert.deepEqual([...r.selected].sort(), [
        ['queries/renamed.kql', 'changed'],
        ['queries/staged.kql', 'changed'],
        ['queries/untracked.kql', 'changed'],
      ]);
    } finally {
      tree.dispose();
    }
  });

  it('checks everything when the settings file changed, and rules sharing a changed rule id', async () => {
    const tree = repository();
    try {
      write(tree.dir, 'Rules/copy.yaml', REPO['Rules/unrelated.yaml']);
      let r = await changed(tree.dir, '--changed', 'main');
      assert.equal(r.selected.get('Rules/copy.yaml'), 'changed');
      assert.equal(
        r.selected.get('Rules/unrelated.yaml'),
        'shares the rule id 44444444-4444-4444-8444-444444444444 with a changed rule',
      );
      write(tree.dir, '.kqlhunt.json', '{ "environment": "sentinel" }\n');
      r = await changed(tree.dir, '--changed', 'main');
      // Every file but .kqlhunt.json itself, which is kqlhunt's, not a file to check.
      assert.equal(r.selected.size, 9, r.stderr);
      assert.equal(r.selected.has('.kqlhunt.json'), false);
      assert.equal(r.selected.get('queries/hunt.kql'), 'the settings file .kqlhunt.json changed');
    } finally {
      tree.dispose();
    }
  });

  it('says clearly when there is no repository or no base, with the usage exit code', async () => {
    const plain = tempTree({ 'q.kql': 'print 1\n' });
    const tree = repository('trunk');
    try {
      let r = await runBin(['check', '--changed'], plain.dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--changed compares with git history, and .* is not inside a git repository/);
      r = await runBin(['check', '--changed', 'no-such-branch'], tree.dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--changed no-such-branch: git knows no commit of that name/);
      r = await runBin(['check', '--changed'], tree.dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /no default branch to compare with \(none of origin\/HEAD, main, master/);
    } finally {
      plain.dispose();
      tree.dispose();
    }
  });
});
