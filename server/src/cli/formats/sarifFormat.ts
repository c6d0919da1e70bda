import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { uncheckedFiles, type Finding, type FindingSeverity, type SuppressedFinding } from '../findings';
import type { BaselineEntry } from '../../language/baseline/baselineFile';
import { describeRules } from '../ruleCatalog';
import { allFindings, allSuppressed, type Report } from './report';
import { inertJson } from '../visibleText';

const LEVEL: Record<FindingSeverity, Sarif.ReportingConfiguration.level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};
/** The base that result paths are relative to; GitHub code scanning resolves it to the checkout. */
const SOURCE_ROOT = '%SRCROOT%';

/**
 * A SARIF 2.1.0 log with one run: the tool with a rule (and its help) for every code reported,
 * and each finding as a result with its file (relative to the folder kqlhunt ran in, which in CI
 * is the repository root) and region. Columns count UTF-16 code units, as the editor's do.
 * A finding an inline comment suppresses is kept, with a `suppressions` entry: code scanning
 * then shows it as dismissed in source, with the comment's reason, rather than as fixed.
 */
export function formatSarif(report: Report): string {
  const absent = (report.baseline?.absent ?? []).map(absentFinding);
  const rules = describeRules([
    ...allFindings(report),
    ...allSuppressed(report),
    ...report.results.flatMap((r) => r.baselined ?? []),
    ...absent,
  ]);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kqlhunt',
            fullName: 'KQL Hunting command line',
            version: report.toolVersion,
            semanticVersion: report.toolVersion,
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.summary },
              fullDescription: { text: r.help },
              help: { text: r.help },
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
            })),
          },
        },
        ...uncheckedInvocation(report),
        originalUriBaseIds: {
          [SOURCE_ROOT]: {
            uri: pathToFileURL(report.cwd.endsWith('/') ? report.cwd : report.cwd + '/').href,
          },
        },
        columnKind: 'utf16CodeUnits',
        // File by file, each file's suppressed findings after its others; with a baseline, its
        // accepted findings are unchanged, the others new, and then come the entries now absent.
        results: [
          ...report.results.flatMap((r) => [
            ...r.findings.map((f) => ({ ...result(f, ruleIndex), ...state(report, 'new') })),
            ...(r.baselined ?? []).map((f) => ({ ...result(f, ruleIndex), ...state(report, 'unchanged') })),
            ...(r.suppressed ?? []).map((f) => ({
              ...result(f, ruleIndex),
              suppressions: [suppressionOf(f)],
            })),
          ]),
          ...absent.map((f) => absentResult(f, ruleIndex)),
        ],
      },
    ],
  };
  return inertJson(JSON.stringify(log, null, 2)) + '\n';
}

function result(f: Finding, ruleIndex: ReadonlyMap<string, number>): Sarif.Result {
  return {
    ruleId: f.code,
    ruleIndex: ruleIndex.get(f.code)!,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(f.file), uriBaseId: SOURCE_ROOT },
          region: {
            startLine: f.line,
            startColumn: f.column,
            endLine: f.endLine,
            endColumn: f.endColumn,
          },
        },
      },
    ],
  };
}

/** `baselineState`, only when the run was compared with a baseline (SARIF 2.1.0 §3.27.24). */
function state(report: Report, value: Sarif.Result.baselineState): Pick<Sarif.Result, 'baselineState'> {
  return report.baseline ? { baselineState: value } : {};
}

/**
 * A baseline entry as a finding, for its rule description. It has no position: the baseline
 * does not record lines, and the text it flagged is gone.
 */
function absentFinding(e: BaselineEntry): Finding {
  return {
    file: e.file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    severity: 'warning',
    code: e.code,
    message: `${e.code} on "${e.text}" is in the baseline but no longer occurs.`,
  };
}

/** An entry that no longer occurs, as SARIF records it: the file only, and baselineState absent. */
function absentResult(f: Finding, ruleIndex: ReadonlyMap<string, number>): Sarif.Result {
  return {
    ruleId: f.code,
    ruleIndex: ruleIndex.get(f.code)!,
    message: { text: f.message },
    locations: [
      { physicalLocation: { artifactLocation: { uri: artifactUri(f.file), uriBaseId: SOURCE_ROOT } } },
    ],
    baselineState: 'absent',
  };
}

/** SARIF's record of a suppression written in the file itself; the reason is its justification. */
function suppressionOf(f: SuppressedFinding): Sarif.Suppression {
  return f.justification === undefined
    ? { kind: 'inSource' }
    : { kind: 'inSource', justification: f.justification };
}

const artifactUri = (file: string) => file.split('/').map(encodeURIComponent).join('/');

/**
 * Files over an input limit were only partly checked. Besides their KQLH-LIMIT results, the run
 * says so in a tool notification for each, as SARIF records conditions of the run itself; a run
 * where every file was fully checked carries no invocation, as before.
 */
function uncheckedInvocation(report: Report): Pick<Sarif.Run, 'invocations'> {
  const files = uncheckedFiles(report.results);
  if (files.length === 0) return {};
  return {
    invocations: [
      {
        executionSuccessful: true,
        toolExecutionNotifications: files.map((file) => ({
          level: 'error' as const,
          descriptor: { id: 'KQLH-NOT-FULLY-CHECKED' },
          message: {
            text: `${file} was not fully checked: some of its KQL is over an input limit (see its KQLH-LIMIT results).`,
          },
          locations: [
            { physicalLocation: { artifactLocation: { uri: artifactUri(file), uriBaseId: SOURCE_ROOT } } },
          ],
        })),
      },
    ],
  };
}
