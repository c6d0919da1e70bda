import type { FindingSeverity } from '../findings';
import { allFindings, type Report } from './report';
import { visible } from '../visibleText';

const COMMAND: Record<FindingSeverity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands, which the runner turns into annotations on the pull
 * request's changed lines. Values are escaped as the runner's toolkit does: `%`, CR and LF
 * everywhere, and `:` and `,` inside properties as well. The toolkit's escaping leaves ESC and
 * the other controls raw, so they are first written out visibly (visibleText.ts): every line
 * printed is one of our commands, and nothing reaches the log viewer as a terminal sequence.
 */
export function formatGithub(report: Report): string {
  let out = '';
  for (const f of allFindings(report)) {
    const props = [
      `file=${property(f.file)}`,
      `line=${f.line}`,
      `col=${f.column}`,
      `endLine=${f.endLine}`,
      `endColumn=${f.endColumn}`,
      `title=${property(`kqlhunt ${f.code}`)}`,
    ];
    out += `::${COMMAND[f.severity]} ${props.join(',')}::${data(f.message)}\n`;
  }
  return out;
}

function data(text: string): string {
  return visible(text, '\r\n').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
