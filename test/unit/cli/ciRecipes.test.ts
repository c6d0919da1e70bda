import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CI_RECIPES, kqlhuntCommandLines, optionsOf, readRecipe } from '../../helpers/ciRecipes';
import { REPO_ROOT } from '../../helpers/paths';

/**
 * The CI recipes (docs/ci, shown in the README) cannot rot: both parse as YAML, every kqlhunt
 * command line in them runs a real command with options that command accepts, and the README
 * shows them as they are.
 */

interface Step {
  uses?: string;
  task?: string;
  if?: string;
  condition?: string;
  with?: Record<string, unknown>;
  inputs?: Record<string, unknown>;
  checkout?: string;
  fetchDepth?: number;
}

for (const [name, file] of Object.entries(CI_RECIPES)) {
  test(`the ${name} recipe passes kqlhunt only options its commands accept`, () => {
    const lines = kqlhuntCommandLines(readRecipe(file));
    assert.ok(lines.length > 0, 'the recipe runs kqlhunt');
    for (const args of lines) {
      const { command, options } = optionsOf(args);
      assert.ok(command, `${args.join(' ')}: no command ${args[0]}`);
      for (const o of options) {
        const known = o.name === 'help' || Object.hasOwn(command.options, o.name);
        assert.ok(known, `kqlhunt ${command.name} has no option ${o.name}`);
        if (command.options[o.name]?.type === 'string' && !command.optionalValues?.includes(o.name))
          assert.ok(o.value, `${o.name} needs a value`);
      }
      const used = new Set(options.map((o) => o.name));
      for (const needed of ['changed', 'baseline', 'format', 'output', 'cache', 'cache-location'])
        assert.ok(used.has(needed), `${name}: the check passes --${needed}`);
      assert.equal(options.find((o) => o.name === 'format')?.value, 'sarif');
    }
  });

  test(`the README shows the ${name} recipe as it is in docs/ci`, () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const recipe = fs.readFileSync(file, 'utf8').trimEnd();
    assert.ok(readme.includes(recipe), `README.md lacks the text of ${path.relative(REPO_ROOT, file)}`);
    assert.ok(readme.includes(`docs/ci/${path.basename(file)}`));
  });
}

test('the GitHub workflow fetches the history, caches npm and kqlhunt, and uploads the SARIF always', () => {
  const workflow = readRecipe(CI_RECIPES.github) as { jobs: Record<string, { steps: Step[] }> };
  const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
  const uses = (prefix: string) => steps.filter((s) => s.uses?.startsWith(prefix));
  assert.equal(uses('actions/checkout@')[0].with?.['fetch-depth'], 0);
  assert.equal(uses('actions/setup-node@')[0].with?.cache, 'npm');
  assert.equal(uses('actions/cache@').length, 1);
  const upload = uses('github/codeql-action/upload-sarif@')[0];
  assert.equal(upload.if, 'always()');
  assert.equal(upload.with?.sarif_file, 'rules/kqlhunt.sarif');
});

test('the Azure pipeline fetches the history, caches with Cache@2 and publishes the SARIF always', () => {
  const pipeline = readRecipe(CI_RECIPES.azure) as { steps: Step[] };
  assert.equal(pipeline.steps.find((s) => s.checkout === 'self')?.fetchDepth, 0);
  assert.equal(pipeline.steps.filter((s) => s.task === 'Cache@2').length, 2);
  const publish = pipeline.steps.find((s) => s.task?.startsWith('PublishBuildArtifacts@'));
  assert.equal(publish?.condition, 'always()');
  assert.match(String(publish?.inputs?.PathtoPublish), /kqlhunt\.sarif$/);
});
