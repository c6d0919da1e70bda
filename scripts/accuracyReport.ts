/**
 * Prints the catalogue's accuracy on the real Sentinel rules (corpus/sentinel-rules under the
 * folder given by --shared, ../shared by default): the files that get errors (explained or not)
 * and the misspelling check. `npm run accuracy -- --shared PATH`; the same figures are asserted
 * by test/measures/sentinelRulesAccuracy.test.ts, which `npm run measure` runs.
 */
import * as path from 'node:path';
import { builtinSchema } from '../server/src/schema/builtinSchemas';
import { BuiltinSchemaProvider } from '../server/src/schema/schemaProvider';
import { measureAccuracy, measureMisspellings } from '../test/measures/accuracyMeasures';
import { KNOWN_RULE_ERRORS } from '../test/measures/knownRuleErrors';
import { loadCorpus } from '../test/measures/ruleCorpus';

const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;

function main(): void {
  const at = process.argv.indexOf('--shared');
  const shared = path.resolve(
    at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : path.join('..', 'shared'),
  );
  const schemas = new BuiltinSchemaProvider();
  const globals = schemas.globalsFor('sentinel');
  const rules = loadCorpus(shared);
  const started = Date.now();
  const a = measureAccuracy(globals, rules);
  const byKind = (kind: string) =>
    a.withErrors.filter((r) => KNOWN_RULE_ERRORS[r.file]?.kind === kind).length;
  console.log(
    `Sentinel rules checked in the sentinel environment: ${a.rules} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
  console.log(
    `  files with any error:          ${a.withErrors.length} (${pct(a.withErrors.length, a.rules)})`,
  );
  console.log(`  explained, rule really broken:  ${byKind('broken')}`);
  console.log(`  explained, engine stricter:     ${byKind('engine')}`);
  console.log(
    `  unexplained (false alarms):     ${a.unexplained.length} (${pct(a.unexplained.length, a.rules)})`,
  );
  for (const r of a.unexplained)
    console.log(`    ${r.file}: ${r.errors.map((e) => `'${e.text}' ${e.message}`).join('; ')}`);
  if (a.stale.length) console.log(`  pinned errors that no longer occur: ${a.stale.join('; ')}`);
  const clean = rules.filter((r) => !a.withErrors.some((e) => e.file === r.file));
  const m = measureMisspellings(globals, builtinSchema('sentinel'), clean, 200);
  const tables = m.tried.filter((t) => t.kind === 'table').length;
  console.log(
    `Misspelled names: ${m.tried.length} rules (${tables} tables, ${m.tried.length - tables} columns), error on exactly the name: ${m.tried.length - m.missed.length}/${m.tried.length}`,
  );
  for (const x of m.missed) console.log(`    ${x.file}: ${x.original} -> ${x.misspelled}: ${x.got}`);
}

main();
