/**
 * The query-conversion measure (issue 23): of the Defender XDR hunting queries in
 * `<shared>/corpus` that the engine binds cleanly in the Defender XDR environment, how many bind
 * cleanly in Microsoft Sentinel once converted, how many convert with nothing left over, and why
 * the others do not.
 *
 *   npm run measure:convert -- --shared ../shared [--list] [--files TEXT]
 *
 * The queries: every `query:` under `sentinel-repo/Hunting Queries/Microsoft 365 Defender` (the
 * advanced hunting queries Microsoft published), the `sentinel-rules` files whose query reads a
 * Device* table (Defender-style queries), and the RMM catalogue's rule files, each distinct query
 * text once. `--files TEXT` lists the files behind each reason containing TEXT.
 *
 * It counts the queries with a leg of `union isfuzzy=true` dropped (Defender XDR skipped the leg
 * and Sentinel cannot bind it) and, of those that do not bind, the ones the converter says cannot
 * be converted.
 *
 * Exits 1 when a query that binds cleanly in Defender XDR converts to one that does not bind in
 * Sentinel and the conversion did not say why (a converted query must bind or be explained).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseRuleYaml } from '../../server/src/documents/ruleYaml';
import { bindingErrors } from '../../server/src/language/dialect/convert/boundBlocks';
import { convertQuery } from '../../server/src/language/dialect/convert/convertQuery';
import { BuiltinSchemaProvider } from '../../server/src/schema/schemaProvider';

interface CorpusQuery {
  file: string;
  query: string;
}

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** A rule file's query: read as YAML, or, for the RMM catalogue's malformed files, as the editor finds it. */
function queryOf(file: string): string | undefined {
  const text = fs.readFileSync(file, 'utf8');
  try {
    const doc = parseYaml(text) as { query?: unknown } | null;
    if (typeof doc?.query === 'string') return doc.query;
  } catch {
    // Fall through to the editor's own reading of a rule file.
  }
  return parseRuleYaml(text)?.region?.text;
}

function loadQueries(shared: string): CorpusQuery[] {
  const corpus = path.join(shared, 'corpus');
  const manifest = JSON.parse(fs.readFileSync(path.join(corpus, 'sentinel-rules-manifest.json'), 'utf8')) as {
    file: string;
    tables?: string[];
  }[];
  const deviceRules = manifest
    .filter((m) => m.tables?.some((t) => t.startsWith('Device')))
    .map((m) => path.join(corpus, 'sentinel-rules', m.file));
  const files = [
    ...yamlFiles(path.join(corpus, 'sentinel-repo', 'Hunting Queries', 'Microsoft 365 Defender')),
    ...deviceRules,
    ...yamlFiles(path.join(corpus, 'rmm')),
  ];
  const seen = new Set<string>();
  const out: CorpusQuery[] = [];
  for (const file of files) {
    const query = queryOf(file);
    if (!query?.trim() || seen.has(query)) continue;
    seen.add(query);
    out.push({ file: path.relative(corpus, file), query });
  }
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--shared');
  const shared = at >= 0 ? args[at + 1] : undefined;
  if (!shared || !fs.existsSync(path.join(shared, 'corpus', 'sentinel-rules-manifest.json'))) {
    console.error('usage: npm run measure:convert -- --shared PATH   (the folder holding corpus/)');
    process.exit(2);
  }
  const started = performance.now();
  const schemas = new BuiltinSchemaProvider();
  const defender = schemas.globalsFor('defender');
  const sentinel = schemas.globalsFor('sentinel');
  const queries = loadQueries(path.resolve(shared));
  let clean = 0;
  let binds = 0;
  let complete = 0;
  let rewritten = 0;
  let typeConverted = 0;
  let notConvertible = 0;
  let legDropped = 0;
  const reasons = new Map<string, string[]>();
  const unexplained: string[] = [];
  for (const { file, query } of queries) {
    if (bindingErrors(query, defender).length > 0) continue;
    clean++;
    const result = convertQuery(query, { from: 'defender', to: 'sentinel', schemas });
    if (result.edits.length > 0) rewritten++;
    if (result.edits.some((e) => e.kind === 'type')) typeConverted++;
    if (result.edits.some((e) => e.kind === 'fuzzyLeg')) legDropped++;
    const errors = bindingErrors(result.text, sentinel);
    if (errors.length === 0) binds++;
    else if (result.unconverted.some((u) => u.reason.includes('cannot be converted'))) notConvertible++;
    if (result.unconverted.length === 0) complete++;
    if (errors.length > 0 && result.unconverted.length === 0)
      unexplained.push(
        `${file}: ${errors[0].message} (${result.text.slice(errors[0].start, errors[0].end)})`,
      );
    // One count per query and reason, so that a query naming FileProfile twice counts once.
    const keys = new Set(result.unconverted.map((u) => `${u.kind} ${u.name}${reasonTail(u.reason)}`));
    for (const key of keys) reasons.set(key, [...(reasons.get(key) ?? []), file]);
  }
  const pct = (n: number) => `${((100 * n) / Math.max(1, clean)).toFixed(1)}%`;
  console.log(`Defender hunting queries: ${queries.length}; bound cleanly in Defender XDR: ${clean}`);
  console.log(`converted to Sentinel, bind cleanly in Microsoft Sentinel: ${binds} (${pct(binds)})`);
  console.log(
    `converted with nothing left over (every name has a Sentinel counterpart that Sentinel fills): ${complete} (${pct(complete)})`,
  );
  console.log(`with at least one name rewritten: ${rewritten}`);
  console.log(`with a column converted to the type it has in Defender XDR (tostring(...)): ${typeConverted}`);
  console.log(
    `with a union isfuzzy=true leg dropped that Defender XDR skipped and Sentinel cannot bind: ${legDropped}`,
  );
  console.log(
    `do not bind in Sentinel and the conversion says the query cannot be converted: ${notConvertible} of ${clean - binds}`,
  );
  console.log('\ntop reasons a name was not converted (queries)');
  const sorted = [...reasons].sort((a, b) => b[1].length - a[1].length);
  const filesFor = args.includes('--files') ? args[args.indexOf('--files') + 1] : undefined;
  for (const [reason, files] of sorted.slice(0, args.includes('--list') ? sorted.length : 20)) {
    console.log(`  ${String(files.length).padStart(4)}  ${reason}`);
    if (filesFor && reason.includes(filesFor)) for (const f of files) console.log(`          ${f}`);
  }
  if (unexplained.length) {
    console.log('\nconverted queries that do not bind in Sentinel with nothing listed (bugs):');
    for (const u of unexplained) console.log(`  ${u}`);
  }
  console.log(`\n${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (unexplained.length) process.exitCode = 1;
}

/** The reason's kind of cause, short: what sets one Defender-only table apart from a missing function. */
function reasonTail(reason: string): string {
  if (reason.includes('never fills')) return ' (Sentinel shows it, never fills it)';
  if (reason.includes('Log Analytics does not hold')) return ' (not in Log Analytics)';
  if (reason.startsWith('does not bind')) return `: ${reason}`;
  return '';
}

main();
