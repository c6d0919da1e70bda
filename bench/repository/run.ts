/**
 * The reviewer's repository measure (issue 17): `kqlhunt check` at the root of a detection
 * repository with no configuration, as a reviewer runs it, and how many of its rules get a
 * false alarm. Prints rules with an unknown-name error (the engine's KS142/KS204), rules with
 * any error, files with any warning, the names most often unknown, the warning codes that reach
 * the most files (to see which checks make the noise) and the wall time. `--out FILE` also
 * writes every finding as JSON, to study them; `--list` prints each rule with an unknown-name
 * error and the names. `--shared PATH` takes the repository from PATH/corpus/sentinel-repo.
 *
 *   npm run measure:repository -- --shared ../shared [--list] [--out findings.json]
 *   npm run measure:repository -- --repo ../shared/corpus/sentinel-repo
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli/main';

interface Finding {
  file: string;
  code: string;
  severity: string;
  message: string;
}

const UNKNOWN_NAME = new Set(['KS142', 'KS204']);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const valueOf = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const shared = valueOf('--shared');
  const repo = valueOf('--repo') ?? (shared ? path.join(shared, 'corpus', 'sentinel-repo') : undefined);
  if (!repo || !fs.existsSync(repo)) {
    console.error(
      'usage: npm run measure:repository -- --shared PATH | --repo PATH   (PATH/corpus/sentinel-repo, or a repository root)',
    );
    process.exit(2);
  }
  const root = path.resolve(repo);
  let out = '';
  let err = '';
  const started = performance.now();
  await runCli(['check', '--format', 'json', '--verbose', '--fail-on', 'never', '--quiet'], {
    cwd: root,
    env: {},
    stdout: { isTTY: false, columns: 80, write: (t: string) => void (out += t) },
    stderr: { isTTY: false, columns: 80, write: (t: string) => void (err += t) },
  });
  const seconds = (performance.now() - started) / 1000;
  const findings = JSON.parse(out) as Finding[];
  const outAt = args.indexOf('--out');
  if (outAt >= 0 && args[outAt + 1]) fs.writeFileSync(args[outAt + 1], out);
  const isRule = (f: string) => /\.ya?ml$/i.test(f) && !/(^|\/)(Parsers|ASIM|\.script)\//.test(f);
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) (byFile.get(f.file) ?? byFile.set(f.file, []).get(f.file)!).push(f);
  const rulesWith = (p: (f: Finding) => boolean) =>
    [...byFile].filter(([file, fs]) => isRule(file) && fs.some(p)).length;
  const unknown = new Map<string, number>();
  for (const f of findings)
    if (UNKNOWN_NAME.has(f.code) && isRule(f.file)) {
      const name = /'([^']+)'/.exec(f.message)?.[1] ?? f.message;
      unknown.set(name, (unknown.get(name) ?? 0) + 1);
    }
  for (const line of err.split('\n').filter((l) => l.includes('loaded'))) console.log(line);
  console.log(
    `rules with an unknown-name error: ${rulesWith((f) => f.severity === 'error' && UNKNOWN_NAME.has(f.code))}`,
  );
  // The aim is about false alarms; say apart where the rest lie, analytic rules (which the CI
  // validates) and hunting queries (which the 2022 CI did not).
  const all = ruleFiles(root, '').filter(isRule);
  for (const [label, folder] of [
    ['analytic rules', /(^|\/)(Detections|Analytic Rules)\//],
    ['hunting queries', /(^|\/)Hunting Queries\//],
  ] as const) {
    const total = all.filter((f) => folder.test(f)).length;
    const withUnknown = rulesWith(
      (f) => folder.test(f.file) && f.severity === 'error' && UNKNOWN_NAME.has(f.code),
    );
    console.log(
      `  ${label}: ${withUnknown} of ${total} (${((100 * withUnknown) / Math.max(total, 1)).toFixed(2)}%)`,
    );
  }
  console.log(`  (of ${all.length} rule files)`);
  console.log(
    `rules with an unknown name the CI skip list lowers to a warning: ${rulesWith(
      (f) =>
        f.severity === 'warning' && UNKNOWN_NAME.has(f.code) && f.message.includes('CI skips KQL validation'),
    )}`,
  );
  console.log(`rules with any error: ${rulesWith((f) => f.severity === 'error')}`);
  console.log(
    `files with any warning: ${[...byFile].filter(([, fs]) => fs.some((f) => f.severity === 'warning')).length}`,
  );
  console.log(
    `names most often unknown: ${[...unknown]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([n, c]) => `${n} (${c})`)
      .join(', ')}`,
  );
  const filesByCode = new Map<string, Set<string>>();
  for (const f of findings)
    if (f.severity === 'warning')
      (filesByCode.get(f.code) ?? filesByCode.set(f.code, new Set()).get(f.code)!).add(f.file);
  console.log(
    `files with a warning, by code: ${[...filesByCode]
      .sort((a, b) => b[1].size - a[1].size)
      .slice(0, 12)
      .map(([code, files]) => `${code} (${files.size})`)
      .join(', ')}`,
  );
  if (args.includes('--list')) {
    const names = new Map<string, Set<string>>();
    for (const f of findings)
      if (f.severity === 'error' && UNKNOWN_NAME.has(f.code) && isRule(f.file))
        (names.get(f.file) ?? names.set(f.file, new Set()).get(f.file)!).add(
          /'([^']+)'/.exec(f.message)?.[1] ?? f.message,
        );
    for (const [file, set] of [...names].sort(([a], [b]) => a.localeCompare(b)))
      console.log(`  ${file}: ${[...set].join(', ')}`);
  }
  console.log(`${seconds.toFixed(1)} s`);
}

/** The YAML files under `dir`, relative to `root`, with forward slashes. */
function ruleFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...ruleFiles(root, rel));
    else if (/\.ya?ml$/i.test(entry.name)) out.push(rel);
  }
  return out;
}

void main();
