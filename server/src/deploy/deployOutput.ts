import { lineDiff } from './plan/lineDiff';
import { showValue, type FieldChange, type PlanAction } from './plan/rulePlan';
import type { Finding } from '../cli/findings';
import { visible } from '../cli/visibleText';

/**
 * The text `kqlhunt deploy` and `pull` print: one line per rule with what happens to it, the
 * fields that differ under a changed rule (old -> new, multi-line texts as a line diff), and the
 * rules found on one side only. Every value from a file or the service goes through `visible`,
 * so that control characters cannot rewrite the terminal.
 */
export interface ShownRule {
  action: PlanAction | 'refused';
  key: string;
  title: string;
  file?: string;
  changes?: FieldChange[];
  errors?: Finding[];
}

const MARK: Record<ShownRule['action'], string> = {
  create: '+ create   ',
  change: '~ change   ',
  unchanged: '= unchanged',
  refused: '! refused  ',
};

export function planLines(rule: ShownRule): string[] {
  const where = rule.file ? `  (${visible(rule.file)})` : '';
  const lines = [`  ${MARK[rule.action]}  ${visible(rule.key)}  "${visible(rule.title)}"${where}`];
  for (const change of rule.changes ?? []) lines.push(...changeLines(change));
  if (rule.errors?.length) {
    lines.push(
      `      ${rule.errors.length} error${rule.errors.length === 1 ? '' : 's'} from the rule checks (kqlhunt check); --force deploys anyway:`,
    );
    for (const e of rule.errors.slice(0, 5))
      lines.push(`      ${visible(e.file)}:${e.line}:${e.column} ${e.code}: ${visible(e.message)}`);
    if (rule.errors.length > 5) lines.push(`      … and ${rule.errors.length - 5} more`);
  }
  return lines;
}

/** One changed field: `old -> new` on one line, or a line diff for multi-line text. */
export function changeLines(change: FieldChange): string[] {
  const { field, before, after } = change;
  const multiLine = (v: unknown) => typeof v === 'string' && v.includes('\n');
  if ((multiLine(before) || multiLine(after)) && typeof before === 'string' && typeof after === 'string')
    return [`      ${field}:`, ...lineDiff(before, after).map((l) => `        ${visible(l)}`)];
  return [`      ${field}: ${visible(showValue(before))} -> ${visible(showValue(after))}`];
}

export function countLine(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${n} ${what}`)
    .join(', ');
}
