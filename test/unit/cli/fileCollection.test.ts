import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectFiles } from '../../../server/src/cli/fileCollection';
import { languageIdOf } from '../../../server/src/cli/languageIds';
import { tempTree } from '../../helpers/cliHarness';

const rel = (dir: string, files: string[]) =>
  files.map((f) => path.relative(dir, f).split(path.sep).join('/'));

test('folders are walked recursively for the kinds of files kqlhunt checks, following .gitignore at every level', async () => {
  const tree = tempTree({
    '.git/HEAD': 'ref: refs/heads/main',
    '.gitignore': 'build/\n*.draft.kql\n!keep.draft.kql\n',
    'a.kql': '',
    'b.csl': '',
    'c.kusto': '',
    'rule.yaml': '',
    'rule2.yml': '',
    'notes.md': '',
    'arm.json': '',
    'script.ps1': '',
    'build/out.kql': '',
    'wip.draft.kql': '',
    'keep.draft.kql': '',
    'sub/.gitignore': 'local.kql\n',
    'sub/local.kql': '',
    'sub/shared.kql': '',
    'node_modules/pkg/x.kql': '',
  });
  try {
    // The walk starts below the repository root: the root's .gitignore still applies.
    fs.mkdirSync(path.join(tree.dir, 'sub', 'deeper'));
    fs.writeFileSync(path.join(tree.dir, 'sub', 'deeper', 'wip.draft.kql'), '');
    assert.deepEqual(rel(tree.dir, await collectFiles(['sub'], tree.dir)), ['sub/shared.kql']);
    assert.deepEqual(rel(tree.dir, await collectFiles(['.'], tree.dir)), [
      'a.kql',
      'arm.json',
      'b.csl',
      'c.kusto',
      'keep.draft.kql',
      'notes.md',
      'rule.yaml',
      'rule2.yml',
      'sub/shared.kql',
    ]);
  } finally {
    tree.dispose();
  }
});

test('a file named outright is checked even when ignored; globs skip ignored files; results are sorted and unique', async () => {
  const tree = tempTree({
    '.gitignore': 'skip.kql\n',
    'skip.kql': '',
    'q/one.kql': '',
    'q/two.kql': '',
    'q/three.txt': '',
  });
  try {
    assert.deepEqual(rel(tree.dir, await collectFiles(['skip.kql'], tree.dir)), ['skip.kql']);
    assert.deepEqual(rel(tree.dir, await collectFiles(['q/*', 'q/two.kql', 'q/../q/one.kql'], tree.dir)), [
      'q/one.kql',
      'q/two.kql',
    ]);
    // Everything this glob matches is ignored, so it matches nothing.
    await assert.rejects(collectFiles(['*.kql'], tree.dir), /no files kqlhunt checks match \*\.kql/);
  } finally {
    tree.dispose();
  }
});

test('a missing path, an unchecked file kind or a glob that matches nothing is an error, not an empty pass', async () => {
  const tree = tempTree({ 'notes.txt': '', 'a.kql': '' });
  try {
    await assert.rejects(collectFiles(['nope'], tree.dir), /nope: no such file or directory/);
    await assert.rejects(collectFiles(['notes.txt'], tree.dir), /notes\.txt is not a file kqlhunt checks/);
    await assert.rejects(
      collectFiles(['**/*.yaml'], tree.dir),
      /no files kqlhunt checks match \*\*\/\*\.yaml/,
    );
  } finally {
    tree.dispose();
  }
});

test('language ids follow the file extension as an editor assigns them', () => {
  assert.equal(languageIdOf('x/a.KQL'), 'kql');
  assert.equal(languageIdOf('a.csl'), 'kql');
  assert.equal(languageIdOf('a.kusto'), 'kql');
  assert.equal(languageIdOf('rule.yml'), 'yaml');
  assert.equal(languageIdOf('README.md'), 'markdown');
  assert.equal(languageIdOf('template.json'), 'json');
  assert.equal(languageIdOf('a.txt'), undefined);
});
