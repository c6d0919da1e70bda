import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { FindingSeverity } from '../findings';
import { describeRules } from '../ruleCatalog';
import { allFindings, type Report } from './report';
import { inertJson } from '../visibleText';

const LEVEL: Record<FindingSeverity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };
/** The base that result paths are relative to; GitHub code scanning resolves it to the checkout. */
const SOURCE_ROOT = '%SRCROOT%';

/**
 * A SARIF 2.1.0 log with one run: the tool with a rule (and its help) for every code reported,
 * and each finding as a result with its file (relative to the folder kqlhunt ran in, which in CI
 * is the repository root) and region. Columns count UTF-16 code units, as the editor's do.
 */
export function formatSarif(report: Report): string {
  const findings = allFindings(report);
  const rules = describeRules(findings);
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
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(report.cwd.endsWith('/') ? report.cwd : report.cwd + '/').href } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: ruleIndex.get(f.code)!,
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return inertJson(JSON.stringify(log, null, 2)) + '\n';
}
