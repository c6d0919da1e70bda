import * as path from 'node:path';
import { holdsWholeReal, plainNumbers, wholeRealOf } from './wholeReals';
import { parse as parseYaml } from 'yaml';
import { environmentPin, isEnvironmentId } from '../schema/environment';
import type { EnvironmentId, EnvironmentSchema } from '../schema/types';
import { executeQuery, type ResultTable } from './executor';
import { dynamicJson } from './dynamicJson';
import { parseDecimalText } from './exactDecimal';
import { parseJsonExactly } from './exactJson';
import { normalLong } from './longs';
import { parseDatetimeTicks } from './ticks';
import { createWorkspace, type LocalWorkspace } from './workspace';

/**
 * Detection tests: a YAML file names a rule or query file, gives input rows per table (or a
 * local workspace folder), and states the expected rows or row count. Running one returns a
 * pass or fail per case, with a diff on failure. File access comes through DetectionTestHost,
 * so the runner itself only turns text into results.
 *
 * ```yaml
 * rule: ../rules/tightvnc-network.kql   # a .kql file, or a rule YAML whose `query:` is run
 * now: 2025-03-14T12:00:00Z             # pins now(); recommended, so the test is reproducible
 * cases:
 *   - name: reports TightVNC connections
 *     tables:
 *       DeviceNetworkEvents:
 *         - { Timestamp: 2025-03-13T10:00:00Z, DeviceName: host1, ... }
 *     expect:
 *       rows:                           # exactly these rows, in any order (ordered: true to compare order)
 *         - { DeviceName: host1, Count: 1 }   # only the columns named are compared
 *   - name: ignores other vendors
 *     tables: { DeviceNetworkEvents: [ ... ] }
 *     expect: { count: 0 }
 * ```
 * Instead of `rule:`, `query:` may hold the query text. `workspace:` names a local workspace
 * folder to use as input, with `tables` added on top. Top-level `tables` and `expect` make a
 * single-case file.
 */
export interface DetectionTestHost {
  readText(absolutePath: string): string;
  schema(env: EnvironmentId): EnvironmentSchema;
  loadWorkspace(dir: string, schema: EnvironmentSchema): LocalWorkspace;
}

export interface DetectionCaseResult {
  /** The test file. */
  file: string;
  name: string;
  passed: boolean;
  /** Why it failed, in one line. */
  message?: string;
  /** Expected rows missing (`-`) and unexpected rows present (`+`). */
  diff?: string;
  durationMs: number;
}

/** Test files are found by these names. */
export const DETECTION_TEST_FILE = /\.(kql)?test\.ya?ml$/i;

interface CaseSpec {
  name?: unknown;
  tables?: unknown;
  expect?: unknown;
  now?: unknown;
}

class SpecError extends Error {}

export function runDetectionTestFile(
  file: string,
  text: string,
  host: DetectionTestHost,
): DetectionCaseResult[] {
  const started = performance.now();
  const fail = (message: string, name = path.basename(file)): DetectionCaseResult[] => [
    { file, name, passed: false, message, durationMs: Math.round(performance.now() - started) },
  ];
  let spec: Record<string, unknown>;
  let query: string;
  let env: EnvironmentId;
  try {
    // Integers are read as bigints and kept so only beyond 2^53, so that a long in a test's rows or
    // expectations keeps its digits instead of being rounded to a double.
    const parsed: unknown = exactIntegers(parseYaml(text, { intAsBigInt: true }));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new SpecError('a detection test file must be a YAML mapping');
    spec = parsed as Record<string, unknown>;
    ({ query, env } = resolveQuery(spec, file, host));
  } catch (e) {
    return fail(`invalid test file: ${(e as Error).message}`);
  }
  const cases: CaseSpec[] = Array.isArray(spec.cases)
    ? (spec.cases as CaseSpec[])
    : [{ name: spec.name, tables: spec.tables, expect: spec.expect }];
  if (cases.length === 0) return fail('the test file has no cases');
  const schema = host.schema(env);
  let base: LocalWorkspace | undefined;
  return cases.map((c, i) => {
    const caseStarted = performance.now();
    const name = typeof c.name === 'string' ? c.name : `case ${i + 1}`;
    const done = (passed: boolean, message?: string, diff?: string): DetectionCaseResult => ({
      file,
      name,
      passed,
      message,
      diff,
      durationMs: Math.round(performance.now() - caseStarted),
    });
    try {
      if (spec.workspace !== undefined && !base) {
        if (typeof spec.workspace !== 'string') throw new SpecError('"workspace" must be a folder path');
        base = host.loadWorkspace(path.resolve(path.dirname(file), spec.workspace), schema);
      }
      const workspace = buildWorkspace(c.tables, schema, base, name);
      const now = c.now ?? spec.now;
      if (now !== undefined && (typeof now !== 'string' || Number.isNaN(Date.parse(now))))
        throw new SpecError(`"now" must be an ISO datetime, got ${String(now)}`);
      const result = executeQuery(query, { workspace, now: now as string | undefined });
      const verdict = check(c.expect, result.tables[0]);
      return done(verdict.passed, verdict.message, verdict.diff);
    } catch (e) {
      return done(false, e instanceof SpecError ? `invalid test: ${e.message}` : (e as Error).message);
    }
  });
}

function resolveQuery(
  spec: Record<string, unknown>,
  file: string,
  host: DetectionTestHost,
): { query: string; env: EnvironmentId } {
  let query: string;
  if (typeof spec.query === 'string') query = spec.query;
  else if (typeof spec.rule === 'string') {
    const rulePath = path.resolve(path.dirname(file), spec.rule);
    let ruleText: string;
    try {
      ruleText = host.readText(rulePath);
    } catch {
      throw new SpecError(`cannot read the rule file ${spec.rule}`);
    }
    if (/\.ya?ml$/i.test(rulePath)) {
      const rule = parseYaml(ruleText) as Record<string, unknown> | null;
      if (!rule || typeof rule.query !== 'string') throw new SpecError(`${spec.rule} has no query: field`);
      query = rule.query;
    } else query = ruleText;
  } else throw new SpecError('name the query with "rule: <file>" or give it inline as "query: |"');
  const env = spec.environment ?? environmentPin(query) ?? 'defender';
  if (!isEnvironmentId(env))
    throw new SpecError(`"environment" must be defender or sentinel, not ${String(env)}`);
  return { query, env };
}

function buildWorkspace(
  tables: unknown,
  schema: EnvironmentSchema,
  base: LocalWorkspace | undefined,
  name: string,
): LocalWorkspace {
  if (tables !== undefined && (typeof tables !== 'object' || tables === null || Array.isArray(tables)))
    throw new SpecError('"tables" must map table names to lists of rows');
  const input: Record<string, Record<string, unknown>[]> = {};
  for (const [table, rows] of Object.entries((tables ?? {}) as Record<string, unknown>)) {
    if (!Array.isArray(rows) || rows.some((r) => !r || typeof r !== 'object' || Array.isArray(r)))
      throw new SpecError(`tables.${table} must be a list of rows (mappings)`);
    input[table] = rows as Record<string, unknown>[];
  }
  const inline = createWorkspace({ name, tables: input, schema, includeEmptySchemaTables: true });
  if (!base) return inline;
  const merged = new Map(base.tables);
  for (const [t, table] of inline.tables) {
    const existing = base.tables.get(t);
    if (input[t] === undefined && existing) continue;
    merged.set(t, existing ? { columns: existing.columns, rows: [...existing.rows, ...table.rows] } : table);
  }
  return { name, tables: merged, now: base.now, warnings: [...base.warnings, ...inline.warnings] };
}

interface Verdict {
  passed: boolean;
  message?: string;
  diff?: string;
}

function check(expect: unknown, table: ResultTable | undefined): Verdict {
  if (!expect || typeof expect !== 'object' || Array.isArray(expect))
    throw new SpecError('"expect" must give "count" or "rows"');
  const e = expect as { count?: unknown; rows?: unknown; ordered?: unknown };
  const actual = table
    ? table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c.name, r[i]])))
    : [];
  const types = new Map((table?.columns ?? []).map((c) => [c.name, c.type]));
  if (e.rows === undefined) {
    if (typeof e.count !== 'number')
      throw new SpecError('"expect" must give "count" (a number) or "rows" (a list)');
    if (actual.length === e.count) return { passed: true };
    return {
      passed: false,
      message: `expected ${e.count} row(s), got ${actual.length}`,
      diff:
        actual
          .slice(0, 20)
          .map((r) => `+ ${dynamicJson(r)}`)
          .join('\n') || undefined,
    };
  }
  if (!Array.isArray(e.rows)) throw new SpecError('"expect.rows" must be a list of rows');
  const expected = e.rows as Record<string, unknown>[];
  for (const row of expected) {
    for (const col of Object.keys(row ?? {}))
      if (!types.has(col))
        throw new SpecError(
          `expected column '${col}' is not in the result (columns: ${[...types.keys()].join(', ')})`,
        );
  }
  const used = new Set<number>();
  const missing: Record<string, unknown>[] = [];
  expected.forEach((exp, i) => {
    const candidates = e.ordered === true ? [i] : actual.map((_, j) => j);
    const j = candidates.find((k) => !used.has(k) && k < actual.length && rowMatches(exp, actual[k], types));
    if (j === undefined) missing.push(exp);
    else used.add(j);
  });
  const extra = actual.filter((_, j) => !used.has(j));
  if (missing.length === 0 && extra.length === 0) return { passed: true };
  const keys = [...new Set(expected.flatMap((r) => Object.keys(r ?? {})))];
  const shown = (r: Record<string, unknown>) =>
    dynamicJson(keys.length ? Object.fromEntries(keys.map((k) => [k, r[k]])) : r);
  const diff = [...missing.map((r) => `- ${dynamicJson(r)}`), ...extra.map((r) => `+ ${shown(r)}`)].join(
    '\n',
  );
  return {
    passed: false,
    message: `${missing.length} expected row(s) missing, ${extra.length} unexpected row(s)`,
    diff,
  };
}

function rowMatches(
  expected: Record<string, unknown>,
  actual: Record<string, unknown>,
  types: Map<string, string>,
): boolean {
  return Object.entries(expected ?? {}).every(([col, want]) =>
    valueMatches(want, actual[col], types.get(col)!),
  );
}

function valueMatches(want: unknown, got: unknown, type: string): boolean {
  if (want === null || want === undefined) return got === null || got === '' || got === undefined;
  switch (type) {
    case 'datetime':
      // Compared to the tick, whatever fraction digits either side writes.
      return (
        got !== null &&
        parseDatetimeTicks(String(want)) === parseDatetimeTicks(String(got)) &&
        parseDatetimeTicks(String(want)) !== null
      );
    case 'int':
    case 'long':
      // A long beyond 2^53 comes out as its digits (values.ts toOutput), and is written as a bigint.
      if (typeof got === 'string' || typeof want === 'bigint') return String(want) === String(got);
      return Number(want) === got;
    case 'real':
      return Number(want) === got;
    case 'decimal':
      return sameDecimal(want, got);
    case 'bool':
      return want === got || String(want).toLowerCase() === String(got);
    case 'dynamic':
      return canonical(want) === canonical(got) || sameDynamicText(want, got);
    default:
      return String(want) === String(got);
  }
}

/** A decimal by value: the executor writes a long one as its exact text (values.ts). */
function sameDecimal(want: unknown, got: unknown): boolean {
  try {
    const a = parseDecimalText(String(want).trim(), 'an expected decimal');
    const b = parseDecimalText(String(got), 'a decimal');
    return a !== null && b !== null && a.compare(b) === 0;
  } catch {
    return false;
  }
}

/**
 * A dynamic value that holds a long beyond 2^53 comes out as its JSON text (values.ts toOutput),
 * so text that is not equal as it is is compared again as the value it writes.
 */
function sameDynamicText(want: unknown, got: unknown): boolean {
  if (typeof got !== 'string' || typeof want !== 'object' || want === null) return false;
  try {
    const value = parseJsonExactly(got);
    // YAML reads 1.0 as 1, so an expectation cannot write a whole real: it holds none, and is
    // compared with the value's whole reals as plain numbers (wholeReals.ts).
    return canonical(want) === canonical(holdsWholeReal(want) ? value : plainNumbers(value));
  } catch {
    return false;
  }
}

/** A parsed test file with each integer within 2^53 a number again, and bigger ones kept as bigints. */
function exactIntegers(v: unknown): unknown {
  if (typeof v === 'bigint') return normalLong(v);
  if (Array.isArray(v)) return v.map(exactIntegers);
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, exactIntegers(x)]));
  return v;
}

function canonical(v: unknown): string {
  // A whole real (wholeReals.ts) is written 1.0, apart from the int 1.
  const whole = wholeRealOf(v);
  if (whole !== undefined) return `${whole}.0`;
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return typeof v === 'bigint' ? v.toString() : JSON.stringify(v);
}
