import type { FileResult, Finding, FindingSeverity } from '../findings';
import type { Report } from './report';
import { safeLineStart, visible } from '../visibleText';

const RESET = '\x1b[0m';
const BOLD = '\x1b[1m';
const DIM = '\x1b[2m';
const SEVERITY_COLOUR: Record<FindingSeverity, string> = {
  error: '\x1b[31m',
  warning: '\x1b[33m',
  info: '\x1b[36m',
};

/**
 * `file:line:column severity code message`, the shape compilers print and editors' terminals
 * link, then the source line with carets under the finding's range (to the end of the line when
 * the range goes on to later lines). Names, codes, messages and source lines are printed with
 * their control characters made visible (visibleText.ts), so a file cannot write to the terminal
 * or forge a CI log line.
 */
export function formatText(report: Report): string {
  const paint = (code: string, text: string) => (report.colour ? code + text + RESET : text);
  let out = '';
  for (const result of report.results) {
    for (const f of result.findings) {
      out += `${paint(BOLD, `${safeLineStart(visible(f.file))}:${f.line}:${f.column}`)} ${paint(SEVERITY_COLOUR[f.severity], f.severity)} ${paint(DIM, visible(f.code))} ${oneLine(f.message)}\n`;
      out += excerpt(
        result,
        f,
        (text) => paint(SEVERITY_COLOUR[f.severity], text),
        (text) => paint(DIM, text),
      );
    }
  }
  return out;
}

/** Some engine messages span lines; the text format keeps each finding's heading on one line. */
function oneLine(message: string): string {
  return visible(message.replace(/\s*\r?\n\s*/g, ' '));
}

function excerpt(
  result: FileResult,
  f: Finding,
  highlight: (t: string) => string,
  dim: (t: string) => string,
): string {
  const source = result.lines[f.line];
  if (source === undefined) return '';
  const gutter = String(f.line);
  const start = Math.min(f.column - 1, source.length);
  const end = f.endLine === f.line ? Math.min(f.endColumn - 1, source.length) : source.length;
  // Tabs are kept and copied into the padding, so that the carets line up however tabs are
  // shown; other controls are written out, and the carets measure the written-out text.
  const shown = (t: string) => visible(t, '\t');
  const pad = shown(source.slice(0, start)).replace(/[^\t]/g, ' ');
  const carets = '^'.repeat(Math.max(1, shown(source.slice(start, end)).length));
  return `${dim(`${gutter} |`)} ${shown(source)}\n${dim(`${' '.repeat(gutter.length)} |`)} ${pad}${highlight(carets)}\n`;
}
