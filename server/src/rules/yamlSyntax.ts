import type { ParsedRuleYaml } from '../documents/ruleYaml';
import { sourceLines } from '../documents/sourceLines';
import { ruleMessage } from './ruleCheckTable';
import type { RuleFinding } from './ruleFindings';

/**
 * YAML errors in a rule file, placed on the token they are about. The parser places some
 * indentation errors at the start of the line; the caret is moved to the first character there,
 * which is where a person looks. A key indented at the level of the list item above it (the
 * `dataTypes` mistake common in hand-written rules) gets a plain explanation and a fix.
 */
export function yamlSyntaxFindings(rule: Pick<ParsedRuleYaml, 'text' | 'document'>): RuleFinding[] {
  const { text } = rule;
  const lines = sourceLines(text, 0, text.length);
  const lineIndex = (offset: number) => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const indentOf = (i: number) => /^ */.exec(text.slice(lines[i].start, lines[i].end))![0].length;

  return rule.document.errors.map((error): RuleFinding => {
    let [start, end] = error.pos;
    const line = lineIndex(start);
    const first = lines[line].start + indentOf(line);
    if (start < first && first < lines[line].end) {
      start = first;
      end = first + (/^[^\s:]+/.exec(text.slice(first, lines[line].end))?.[0].length ?? 1);
    }
    const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const misplaced = error.code === 'BAD_INDENT' ? listItemKeyFix(text, lines, line, indentOf) : undefined;
    if (misplaced) {
      return {
        check: 'yaml-syntax',
        start,
        end,
        message: ruleMessage('yaml-syntax', { message: misplaced.message }),
        fix: misplaced.fix,
      };
    }
    return {
      check: 'yaml-syntax',
      start,
      end,
      message: ruleMessage('yaml-syntax', { message: `${message}.`.replace(/\.\.$/, '.') }),
    };
  });
}

/**
 * When line `i` is a key at the same indentation as the `- ` of the list item just above, it was
 * meant to belong to that item: indent it (and the lines nested under it) to the item's keys.
 */
function listItemKeyFix(
  text: string,
  lines: ReturnType<typeof sourceLines>,
  i: number,
  indentOf: (i: number) => number,
): { message: string; fix: RuleFinding['fix'] } | undefined {
  const indent = indentOf(i);
  const keyMatch = /^ *([^\s:#-][^:#]*):/.exec(text.slice(lines[i].start, lines[i].end));
  if (!keyMatch) return undefined;
  let above = i - 1;
  while (above >= 0 && text.slice(lines[above].start, lines[above].end).trim() === '') above--;
  // Walk up through the item's own lines to the line holding its dash.
  while (above >= 0 && indentOf(above) > indent) above--;
  if (above < 0) return undefined;
  const item = /^( *)-( +)([^\s:#][^:#]*):/.exec(text.slice(lines[above].start, lines[above].end));
  if (!item || item[1].length !== indent) return undefined;
  const spaces = 1 + item[2].length;
  const moved = [i];
  for (let k = i + 1; k < lines.length; k++) {
    const content = text.slice(lines[k].start, lines[k].end);
    if (content.trim() !== '' && indentOf(k) <= indent) break;
    if (content.trim() !== '') moved.push(k);
  }
  return {
    message: `'${keyMatch[1]}' is indented like the list item above it, so it does not belong to that item. Indent it by ${spaces} more spaces to line it up with '${item[3]}'.`,
    fix: { kind: 'indent', lines: moved, spaces },
  };
}
