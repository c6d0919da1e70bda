import type { Finding } from '../findings';
import { allFindings, type Report } from './report';
import { inertJson } from '../visibleText';

/** An array of findings with exactly the documented keys, in a fixed order, for scripts. */
export function formatJson(report: Report): string {
  const rows = allFindings(report).map((f): Finding => ({
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    severity: f.severity,
    code: f.code,
    message: f.message,
  }));
  return inertJson(JSON.stringify(rows, null, 2)) + '\n';
}
