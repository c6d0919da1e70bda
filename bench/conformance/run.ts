/**
 * The conformance measure: runs documented Kusto examples through the local executor and prints
 * PASS, WRONG or UNSUPPORTED for each, then a summary per family. A WRONG answer is the worst
 * outcome (a refusal at least names what is missing), so WRONG cases are listed at the end.
 *
 *   npm run conformance              every family
 *   npm run conformance -- datetimes only the families whose name contains the word
 *   npm run conformance -- --quiet   the summary only
 *
 * Exits 1 when any case is WRONG.
 */
import { UnsupportedError } from '../../server/src/executor/errors';
import { executeQuery } from '../../server/src/executor/executor';
import { createWorkspace } from '../../server/src/executor/workspace';
import type { ConformanceCase } from './caseTypes';
import { aggregateCases } from './cases/aggregates';
import { arrayFunctionCases } from './cases/arrayFunctions';
import { binaryAndHashCases } from './cases/binaryAndHash';
import { datetimeCases } from './cases/datetimes';
import { encodingCases } from './cases/encodings';
import { mathUnitsAggregateCases } from './cases/mathUnitsAggregates';
import { networkAndPathsCases } from './cases/networkAndPaths';
import { nullsAndTypesCases } from './cases/nullsAndTypes';
import { operatorCases } from './cases/operators';
import { orderedRowsCases } from './cases/orderedRows';
import { pluginCases } from './cases/plugins';
import { regexAndParseCases } from './cases/regexAndParse';
import { textConversionCases } from './cases/textConversions';
import { seriesFunctionCases } from './cases/seriesFunctions';
import { textDynamicMathCases } from './cases/textDynamicMath';
import { geoShapeCases } from './cases/geoShapes';
import { geoCellCases } from './cases/geoCells';
import { geoLookupCases } from './cases/geoLookups';
import { sketchCases } from './cases/sketches';
import { sameRows } from './compare';

/** One entry per family; other families add their file here. */
const FAMILIES: Record<string, ConformanceCase[]> = {
  nullsAndTypes: nullsAndTypesCases,
  datetimes: datetimeCases,
  regexAndParse: regexAndParseCases,
  textDynamicMath: textDynamicMathCases,
  aggregates: aggregateCases,
  operators: operatorCases,
  plugins: pluginCases,
  networkAndPaths: networkAndPathsCases,
  orderedRows: orderedRowsCases,
  arrayFunctions: arrayFunctionCases,
  binaryAndHash: binaryAndHashCases,
  textConversions: textConversionCases,
  encodings: encodingCases,
  mathUnitsAggregates: mathUnitsAggregateCases,
  seriesFunctions: seriesFunctionCases,
  geoShapes: geoShapeCases,
  geoCells: geoCellCases,
  geoLookups: geoLookupCases,
  sketches: sketchCases,
};

/** A fixed now() so that cases with ago()/now() are reproducible. */
const NOW = '2024-05-10T12:00:00Z';

type Verdict = 'PASS' | 'WRONG' | 'UNSUPPORTED';

function judge(c: ConformanceCase): { verdict: Verdict; detail: string } {
  try {
    const workspace = createWorkspace({ name: 'conformance', tables: c.tables ?? {} });
    const result = executeQuery(c.query, { workspace, now: NOW });
    const got = result.tables[0]?.rows ?? [];
    if (sameRows(got, c.expected)) return { verdict: 'PASS', detail: '' };
    return {
      verdict: 'WRONG',
      detail: `got ${JSON.stringify(got)}, documented ${JSON.stringify(c.expected)}`,
    };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // A refusal by name is UNSUPPORTED; any other failure (a crash, a query the executor
    // rejects though Kusto runs it) is counted as WRONG, since the user gets no right answer.
    return e instanceof UnsupportedError
      ? { verdict: 'UNSUPPORTED', detail: message }
      : { verdict: 'WRONG', detail: `error: ${message}` };
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const quiet = args.includes('--quiet');
  const filters = args.filter((a) => !a.startsWith('--'));
  const totals: Record<Verdict, number> = { PASS: 0, WRONG: 0, UNSUPPORTED: 0 };
  const wrong: string[] = [];
  for (const [family, cases] of Object.entries(FAMILIES)) {
    if (filters.length && !filters.some((f) => family.toLowerCase().includes(f.toLowerCase()))) continue;
    const counts: Record<Verdict, number> = { PASS: 0, WRONG: 0, UNSUPPORTED: 0 };
    for (const c of cases) {
      const { verdict, detail } = judge(c);
      counts[verdict]++;
      totals[verdict]++;
      const line = `${verdict.padEnd(11)} ${family} ${c.doc}: ${c.query}${detail ? `  -- ${detail}` : ''}`;
      if (!quiet) console.log(line);
      if (verdict === 'WRONG') wrong.push(line);
    }
    console.log(
      `${family}: ${cases.length} cases, ${counts.PASS} pass, ${counts.WRONG} wrong, ${counts.UNSUPPORTED} unsupported`,
    );
  }
  const n = totals.PASS + totals.WRONG + totals.UNSUPPORTED;
  const pct = (k: number) => (n ? ((100 * k) / n).toFixed(1) : '0.0');
  console.log(
    `\nTOTAL ${n} cases: ${totals.PASS} PASS (${pct(totals.PASS)}%), ${totals.WRONG} WRONG (${pct(totals.WRONG)}%), ${totals.UNSUPPORTED} UNSUPPORTED (${pct(totals.UNSUPPORTED)}%)`,
  );
  if (wrong.length && quiet) console.log(`\nWRONG cases:\n${wrong.join('\n')}`);
  // A wrong answer is worse than a refusal: it fails the run (and CI, which runs this).
  if (wrong.length) process.exitCode = 1;
}

main();
