import {
  compareFindings,
  SEVERITY_RANK,
  type Finding,
  type FindingSeverity,
  type SuppressedFinding,
} from './findings';

/**
 * The schema of the findings in a `.kqlhunt-cache` entry, checked before any is used. Anything
 * that a check could not have produced (another key, a wrong type, a severity that is not one of
 * the three, a position outside the file, a finding filed under another file) makes the entry a
 * miss, so that the file is checked again rather than reported from doubtful data.
 */
const FINDING_KEYS = ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity'];
/** A suppressed finding may also carry its comment's reason. */
const SUPPRESSED_KEYS = [...FINDING_KEYS, 'justification'].sort().join();

/** Far above anything real, low enough that no arithmetic on them misbehaves. */
const MAX_FINDINGS = 100_000;
const MAX_COLUMN = 100_000_000;
const MAX_CODE_LENGTH = 200;
const MAX_MESSAGE_LENGTH = 100_000;

function isPosition(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 && value <= max;
}

function isFinding(value: unknown, file: string, lineCount: number, suppressed = false): value is Finding {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value).sort().join();
  const f = value as Record<string, unknown>;
  if (keys !== FINDING_KEYS.join()) {
    if (!suppressed || keys !== SUPPRESSED_KEYS) return false;
    if (typeof f.justification !== 'string' || f.justification.length > MAX_MESSAGE_LENGTH) return false;
  }
  if (f.file !== file) return false;
  if (typeof f.severity !== 'string' || !Object.hasOwn(SEVERITY_RANK, f.severity)) return false;
  if (typeof f.code !== 'string' || f.code.length === 0 || f.code.length > MAX_CODE_LENGTH) return false;
  if (typeof f.message !== 'string' || f.message.length > MAX_MESSAGE_LENGTH) return false;
  // A range may end one line past the last (a range that runs to the end of the text).
  if (!isPosition(f.line, lineCount) || !isPosition(f.endLine, lineCount + 1)) return false;
  if (!isPosition(f.column, MAX_COLUMN) || !isPosition(f.endColumn, MAX_COLUMN)) return false;
  return f.endLine > f.line || (f.endLine === f.line && f.endColumn >= f.column);
}

/**
 * The cached findings of `file` (a text of `lineCount` lines) as a fresh list in report order,
 * or undefined when any of them is in doubt.
 */
export function validCachedFindings(value: unknown, file: string, lineCount: number): Finding[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_FINDINGS) return undefined;
  const findings: Finding[] = [];
  for (const item of value) {
    if (!isFinding(item, file, lineCount)) return undefined;
    findings.push(copy(item, file));
  }
  return findings.sort(compareFindings);
}

/** The same for the findings inline suppressions hid, which may carry a reason. */
export function validCachedSuppressed(
  value: unknown,
  file: string,
  lineCount: number,
): SuppressedFinding[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_FINDINGS) return undefined;
  const suppressed: SuppressedFinding[] = [];
  for (const item of value) {
    if (!isFinding(item, file, lineCount, true)) return undefined;
    const { justification } = item as SuppressedFinding;
    suppressed.push(justification === undefined ? copy(item, file) : { ...copy(item, file), justification });
  }
  return suppressed.sort(compareFindings);
}

/** A fresh finding with exactly the documented keys. */
function copy(item: Finding, file: string): Finding {
  const { line, column, endLine, endColumn, severity, code, message } = item;
  return {
    file,
    line,
    column,
    endLine,
    endColumn,
    severity: severity satisfies FindingSeverity,
    code,
    message,
  };
}
