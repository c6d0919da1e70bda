import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { uncheckedFiles, type Finding, type FindingSeverity, type SuppressedFinding } from '../findings';
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
  const rules = describeRules([...allFindings(report), ...allSuppressed(report)]);
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
        // File by file, each file's suppressed findings after its others.
        results: report.results.flatMap((r) => [
          ...r.findings.map((f) => result(f, ruleIndex)),
          ...(r.suppressed ?? []).map((f) => ({ ...result(f, ruleIndex), suppressions: [suppressionOf(f)] })),
        ]),
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
