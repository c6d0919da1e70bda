/**
 * The formatting measure (issue 24): `kqlhunt fmt`'s formatter over every file that holds KQL in
 * `<shared>/corpus` (.kql, rule and hunting YAML, Markdown; ARM JSON is not rewritten), with the
 * meaning check the command makes on every file: the formatted queries must bind to the same
 * result columns and gain no error. Prints how many files and queries formatting changes, how many
 * it leaves as they are and why, how many would change meaning (must be 0: each is a formatter
 * fault), how many are not idempotent (must be 0: formatting `fmt`'s output changes it again, so
 * `fmt --check` would fail on a file `fmt --write` had just written) and the wall time. The
 * idempotence check formats every changed file a second time, about a third of the time.
 *
 *   npm run measure:fmt -- --shared ../shared [--list]
 *
 * Rules are bound in the Sentinel environment, the RMM library's queries in Defender XDR's, so
 * that their tables resolve and the check compares real columns. Exits 1 on any meaning change or
 * any file that is not idempotent.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { collectFiles } from '../../server/src/cli/fileCollection';
import { formatText } from '../../server/src/cli/fmt/formatText';
import { languageIdOf } from '../../server/src/cli/languageIds';
import { createCliService } from '../../server/src/cli/schemaSources';
import { DEFAULT_SETTINGS } from '../../server/src/protocol/settings';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--shared');
  const shared = at >= 0 ? args[at + 1] : undefined;
  if (!shared || !fs.existsSync(path.join(shared, 'corpus'))) {
    console.error('usage: npm run measure:fmt -- --shared PATH   (the folder holding corpus/)');
    process.exit(2);
  }
  const corpus = path.resolve(shared, 'corpus');
  const started = performance.now();
  const files = (await collectFiles([corpus], corpus)).filter((f) => languageIdOf(f) !== 'json');
  const service = createCliService([], {});
  let withKql = 0;
  let queries = 0;
  let changedFiles = 0;
  let changedQueries = 0;
  const left = new Map<string, string[]>();
  const meaning: string[] = [];
  const unstable: string[] = [];
  for (const file of files) {
    const rel = path.relative(corpus, file).split(path.sep).join('/');
    const environment = rel.startsWith('rmm/') ? 'defender' : 'sentinel';
    const settings = { ...DEFAULT_SETTINGS, environment } as const;
    const languageId = languageIdOf(file)!;
    const uri = pathToFileURL(file).href;
    const text = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '');
    const result = formatText(service, uri, languageId, text, settings);
    if (result.queries === 0) continue;
    withKql++;
    queries += result.queries;
    for (const n of result.notes) {
      // Grouped by the kind of reason, without the line and message that vary per file.
      const reason = result.meaningChanged
        ? 'formatting would change the meaning (see MEANING CHANGED below)'
        : n.replace(/^line \d+: /, '').replace(/syntax error: .*/, 'syntax error');
      (left.get(reason) ?? left.set(reason, []).get(reason)!).push(`${rel}: ${n}`);
    }
    if (result.meaningChanged) meaning.push(`${rel}: ${result.notes.at(-1)}`);
    if (result.text === undefined) continue;
    changedFiles++;
    changedQueries += result.changedQueries ?? 0;
    // Format twice == format once: the second run must neither change the text nor leave it for a reason.
    const again = formatText(service, uri, languageId, result.text, settings);
    if (again.text !== undefined || again.notes.length > result.notes.length) unstable.push(rel);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`files read: ${files.length}; holding KQL: ${withKql}; queries: ${queries}`);
  console.log(`changed by formatting: ${changedFiles} files, ${changedQueries} queries`);
  console.log(`would change result columns or fail to bind after formatting: ${meaning.length}`);
  console.log(`not idempotent (formatting the formatted file changes it again): ${unstable.length}`);
  console.log('left as they are (files: reason)');
  for (const [reason, list] of [...left].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${String(list.length).padStart(4)}  ${reason}`);
    if (args.includes('--list')) for (const l of list) console.log(`          ${l}`);
  }
  for (const m of meaning) console.log(`  MEANING CHANGED ${m}`);
  for (const u of unstable) console.log(`  NOT IDEMPOTENT ${u}`);
  console.log(`\n${seconds.toFixed(1)} s`);
  if (meaning.length + unstable.length > 0) process.exitCode = 1;
}

void main();
