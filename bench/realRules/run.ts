/**
 * The real-rule measure of the local workspace (issue 16): of the Sentinel rules in
 * `<shared>/corpus/sentinel-rules` whose query the engine binds cleanly in the Sentinel
 * environment, how many run on an empty Sentinel workspace (every table of the schema, no rows),
 * and why the others do not. A refusal names what the executor lacks; any other failure is a bug.
 *
 *   npm run measure:rules -- --shared ../shared [--list] [--files TEXT] [--no-repository] [--whole-repository]
 *
 * --whole-repository measures instead every rule and hunting query YAML of
 * `<shared>/corpus/sentinel-repo` (Detections, Hunting Queries, Solutions), bound with the
 * repository's own table and parser declarations as a reviewer's editor binds them.
 *
 * Functions the rules call that Sentinel provides from KQL (the ASIM parsers such as _Im_Dns) run
 * from their text in `<shared>/corpus/sentinel-repo`, as a reviewer's repository supplies them,
 * unless --no-repository is given.
 *
 * Exits 1 when a rule fails other than by a refusal.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  MissingColumnError,
  MissingExternalDataError,
  MissingTableError,
  QueryError,
  UnsupportedError,
} from '../../server/src/executor/errors';
import { executeQuery } from '../../server/src/executor/executor';
import { createWorkspace } from '../../server/src/executor/workspace';
import { builtinSchema } from '../../server/src/schema/builtinSchemas';
import type { EnvironmentSchema } from '../../server/src/schema/types';
import { BuiltinSchemaProvider } from '../../server/src/schema/schemaProvider';
import { discoverRepository } from '../../server/src/schemaFiles/repositoryDiscovery';
import { errorsOf, loadCorpus, loadYamlQueries } from '../../test/measures/ruleCorpus';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--shared');
  const shared = at >= 0 ? args[at + 1] : undefined;
  if (!shared || !fs.existsSync(path.join(shared, 'corpus', 'sentinel-rules'))) {
    console.error(
      'usage: npm run measure:rules -- --shared PATH   (the folder holding corpus/sentinel-rules)',
    );
    process.exit(2);
  }
  const started = performance.now();
  const repositoryRoot = path.join(shared, 'corpus', 'sentinel-repo');
  const whole = args.includes('--whole-repository');
  const rules = whole
    ? loadYamlQueries(path.resolve(repositoryRoot), ['Detections', 'Hunting Queries', 'Solutions'])
    : loadCorpus(path.resolve(shared));
  // Rules bind against the built-in catalogue, as they are checked; they run with the repository's parsers.
  const runProvider = new BuiltinSchemaProvider();
  if (!args.includes('--no-repository') && fs.existsSync(repositoryRoot)) {
    const repository = await discoverRepository(path.resolve(repositoryRoot), { keepBuiltinNames: true });
    runProvider.setCustomSources(repository.files.map((f) => f.source));
    console.log(`parsers from ${repositoryRoot}: ${repository.report.join('; ')}`);
  }
  const runGlobals = runProvider.globalsFor('sentinel');
  const globals = whole ? runGlobals : new BuiltinSchemaProvider().globalsFor('sentinel');
  // The workspace is empty, and so is the external data: a URL the rule reads is given as an empty
  // file, as a table is given with no rows (nothing is fetched). Those rules are counted apart.
  const workspaceWith = (emptyExternal: Record<string, string>) =>
    createWorkspace({
      name: 'empty sentinel',
      tables: {},
      // The whole repository runs on the tables as it declares them (its custom tables add
      // columns the built-in catalogue lacks); the shared rules on the built-in catalogue.
      schema: whole ? withEmptyStubs(runProvider.schemaFor('sentinel')) : builtinSchema('sentinel'),
      includeEmptySchemaTables: true,
      externalData: emptyExternal,
    });
  const workspace = workspaceWith({});
  const urls = new Set<string>();
  let clean = 0;
  let ran = 0;
  const refusals = new Map<string, string[]>();
  const failures: string[] = [];
  const missingColumns: string[] = [];
  // Rules that ran with at least one URL given as an empty file.
  let ranWithEmptyExternal = 0;
  for (const rule of rules) {
    if (errorsOf(globals, rule.query).length > 0) continue;
    clean++;
    // Each rule starts with no external data, so that the count below is of rules that needed it.
    const emptyExternal: Record<string, string> = {};
    let current = workspace;
    for (;;) {
      try {
        executeQuery(rule.query, { workspace: current, globals: runGlobals, now: '2024-05-10T12:00:00Z' });
        ran++;
        if (Object.keys(emptyExternal).length) ranWithEmptyExternal++;
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        if (e instanceof MissingExternalDataError && !(e.url in emptyExternal)) {
          emptyExternal[e.url] = '';
          urls.add(e.url);
          current = workspaceWith(emptyExternal);
          continue;
        } else if (e instanceof MissingColumnError || e instanceof MissingTableError) {
          // Kusto fails these too: the columns come from data, and the empty workspace has none;
          // the tables of a fuzzy union are in no declaration.
          missingColumns.push(
            `${rule.file}: ${e instanceof MissingColumnError ? e.column : e.tables.join(', ')}`,
          );
        } else if (e instanceof QueryError && unknownNamesOnly(e)) {
          // An open declaration (AzureDiagnostics: any column name binds, since its columns come
          // from the data) let the rule bind; the empty workspace's table has only the declared
          // columns, and Kusto, with no such data, has no such column either.
          missingColumns.push(`${rule.file}: ${unknownNamesOnly(e)!.join(', ')}`);
        } else if (e instanceof UnsupportedError) {
          const list = refusals.get(e.feature) ?? [];
          list.push(rule.file);
          refusals.set(e.feature, list);
        } else
          failures.push(`${rule.file}: ${e instanceof QueryError ? 'binds differently: ' : ''}${message}`);
      }
      break;
    }
  }
  const pct = (n: number) => `${((100 * n) / Math.max(1, clean)).toFixed(1)}%`;
  console.log(`rules with a query: ${rules.length}; bound cleanly in Sentinel: ${clean}`);
  console.log(
    `ran: ${ran} (${pct(ran)}); refused by name: ${clean - ran - failures.length - missingColumns.length}; ` +
      `failed as Kusto would, on a column or table the data did not have: ${missingColumns.length}; failed otherwise: ${failures.length}`,
  );
  console.log(
    `of those ran, reading externaldata with each URL given as an empty file: ${ranWithEmptyExternal} (${urls.size} URLs); without them: ${ran - ranWithEmptyExternal} (${pct(ran - ranWithEmptyExternal)})`,
  );
  console.log('\ntop refusals (feature: rules)');
  const sorted = [...refusals].sort((a, b) => b[1].length - a[1].length);
  // --files TEXT lists the rules behind each refusal whose feature contains TEXT.
  const filesFor = args.includes('--files') ? args[args.indexOf('--files') + 1] : undefined;
  for (const [feature, files] of sorted.slice(0, args.includes('--list') ? sorted.length : 25)) {
    console.log(`  ${String(files.length).padStart(4)}  ${feature}`);
    if (filesFor && feature.includes(filesFor)) for (const f of files) console.log(`          ${f}`);
  }
  if (args.includes('--list') && missingColumns.length) {
    console.log('\nfailed as Kusto would (the column or table the data lacked):');
    for (const m of missingColumns) console.log(`  ${m}`);
  }
  if (failures.length) {
    console.log('\nfailures other than refusals (bugs):');
    for (const f of failures) console.log(`  ${f}`);
  }
  console.log(`\n${((performance.now() - started) / 1000).toFixed(1)} s`);
  // A refusal names what is missing; any other failure is a bug in the executor, and fails the run.
  if (failures.length) process.exitCode = 1;
}

/** The names a bind failure reports as unknown, when those are all it reports. */
function unknownNamesOnly(e: QueryError): string[] | undefined {
  const names = e.diagnostics.map((d) => /^The name '(.+)' does not refer to any known column/.exec(d)?.[1]);
  return names.length && names.every((n) => n !== undefined) ? [...new Set(names as string[])] : undefined;
}

/**
 * The schema with each function known only by its result columns (no query, no parameters) as a
 * table of those columns: the executor refuses such a function, rightly where data could flow
 * through it, but every table here is empty, so the parser would return no rows either.
 */
function withEmptyStubs(schema: EnvironmentSchema): EnvironmentSchema {
  const tables = new Set(schema.tables.map((t) => t.name));
  const stubs = schema.functions.filter(
    (f) => !f.body && f.resultColumns && f.parameters.length === 0 && !tables.has(f.name),
  );
  return {
    ...schema,
    tables: [...schema.tables, ...stubs.map((f) => ({ name: f.name, columns: f.resultColumns! }))],
  };
}

void main();
