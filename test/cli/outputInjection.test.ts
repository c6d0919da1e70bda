import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { runBin, tempTree } from '../helpers/cliHarness';

/**
 * File names and source lines chosen to forge GitHub Actions workflow commands and to drive the
 * terminal, run through the real CLI in every format: every line printed (stdout and stderr)
 * that starts with `::` must be one of kqlhunt's own annotations, and no ESC or BEL byte may be
 * printed at all.
 */
const WITHIN_MS = 90_000;

const FORGED = 'a\n::error file=x.kql,line=1::INJECTED.kql';
const COMMAND_LIKE = '::warning::second.kql';
const ESCAPED = 'e\x1b[2Jname.kql';
const FIFO = 'f\n::error::FIFO.kql';
/**
 * A query with an unknown column, on a line that retitles and then clears the terminal, after a
 * comment long enough that the controls stay under the share that makes a file look binary.
 */
const HOSTILE_LINE = `// ${'padding '.repeat(80)}\nprint x = "\x1b]0;PWNED\x07\x1b[2J" | where NoSuchColumnAnywhere == 1\n`;

const ANNOTATION =
  /^::(error|warning|notice) file=([^,:\n]*),line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=kqlhunt [^,:\n]+::[^\n]*$/;

function commandLines(text: string): string[] {
  return text.split('\n').filter((line) => /^\s*::/.test(line));
}

function unescapeProperty(value: string): string {
  return value
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%25/g, '%');
}

test('hostile file names and source lines cannot forge workflow commands or reach the terminal, in any format', async () => {
  const tree = tempTree({ [FORGED]: HOSTILE_LINE, [COMMAND_LIKE]: HOSTILE_LINE, [ESCAPED]: HOSTILE_LINE });
  try {
    execFileSync('mkfifo', [path.join(tree.dir, FIFO)]);
    const json = await runBin(['check', '-f', 'json'], tree.dir, {}, WITHIN_MS);
    const findings = JSON.parse(json.stdout) as { file: string }[];
    // JSON keeps the exact names (its escaping is the format's own).
    assert.deepEqual(
      [...new Set(findings.map((f) => f.file))].sort(),
      [COMMAND_LIKE, FORGED, ESCAPED].sort(),
    );

    const text = await runBin(['check'], tree.dir, {}, WITHIN_MS);
    const github = await runBin(['check', '-f', 'github'], tree.dir, {}, WITHIN_MS);
    for (const [name, run] of [
      ['text', text],
      ['github', github],
      ['json', json],
    ] as const) {
      assert.equal(run.code, 1, `${name}: ${run.stderr}`);
      const all = run.stdout + run.stderr;
      assert.ok(!/[\x1b\x07\x9b]/.test(all), `${name} printed a terminal control: ${JSON.stringify(all)}`);
      assert.deepEqual(commandLines(run.stderr), [], `${name}: stderr`);
      if (name !== 'github') assert.deepEqual(commandLines(run.stdout), [], `${name}: stdout`);
      // The FIFO's note names it on one line, visibly.
      assert.match(
        run.stderr,
        /^kqlhunt: skipped f\\n::error::FIFO\.kql: it is a FIFO, not a regular file$/m,
      );
    }

    // Text: the names written out, a name that looks like a command printed as ./name.
    assert.ok(text.stdout.includes('a\\n::error file=x.kql,line=1::INJECTED.kql:2:'), text.stdout);
    assert.ok(text.stdout.includes('./::warning::second.kql:2:'), text.stdout);
    assert.ok(text.stdout.includes('e\\x1b[2Jname.kql:2:'), text.stdout);
    // The source line is shown with its controls written out, and the carets still line up.
    const excerpt = text.stdout.split('\n').find((l) => l.startsWith('2 | print'))!;
    assert.equal(excerpt, '2 | print x = "\\x1b]0;PWNED\\x07\\x1b[2J" | where NoSuchColumnAnywhere == 1');
    const carets = text.stdout.split('\n')[text.stdout.split('\n').indexOf(excerpt) + 1];
    assert.equal(carets.indexOf('^'), excerpt.indexOf('NoSuchColumnAnywhere'));

    // GitHub: every command line is one of ours, one per finding, each naming a real file.
    const annotations = commandLines(github.stdout);
    assert.equal(annotations.length, findings.length);
    for (const line of annotations) {
      const match = ANNOTATION.exec(line);
      assert.ok(match, line);
      assert.ok(
        [FORGED, COMMAND_LIKE, ESCAPED.replace('\x1b', '\\x1b')].includes(unescapeProperty(match[2])),
        line,
      );
    }
  } finally {
    tree.dispose();
  }
});

test('stderr messages that quote an argument are one line with its controls written out', async () => {
  const tree = tempTree({ 'ok.kql': 'print 1\n' });
  try {
    for (const format of ['text', 'github']) {
      const run = await runBin(
        ['check', '-f', format, 'nope\n::error::ARG\x1b[2J.kql'],
        tree.dir,
        {},
        WITHIN_MS,
      );
      assert.equal(run.code, 2);
      assert.equal(run.stderr, 'kqlhunt check: nope\\n::error::ARG\\x1b[2J.kql: no such file or directory\n');
    }
  } finally {
    tree.dispose();
  }
});
