import type { ResultColumn, ResultTable } from './queryRun';

/**
 * How a result value becomes text, for the results panel and `kqlhunt run`. The panel only ever
 * puts these strings into the page as text, never as markup, so a value like `<img onerror=…>`
 * is shown, not run.
 */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** A dynamic value laid out for reading: JSON with indentation, or the text itself. */
export function formatExpanded(value: unknown): string {
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      // A long beyond 2^53 (a dynamic value holding one comes as its JSON text) would come back
      // rounded from JSON.parse, so such text is laid out as it is, digits untouched.
      return /\d{16}/.test(value) ? indentJson(value) : JSON.stringify(parsed, null, 2);
    } catch {
      return value;
    }
  }
  if (value && typeof value === 'object') return JSON.stringify(value, null, 2);
  return formatValue(value);
}

/** Valid JSON text indented by two spaces per level, its tokens (numbers too) copied as they are. */
function indentJson(text: string): string {
  let out = '';
  let depth = 0;
  const newline = () => `\n${'  '.repeat(depth)}`;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      let j = i + 1;
      while (/\s/.test(text[j] ?? '')) j++;
      if (text[j] === close) {
        out += ch + close;
        i = j;
      } else {
        depth++;
        out += ch + newline();
      }
    } else if (ch === '}' || ch === ']') {
      depth--;
      out += newline() + ch;
    } else if (ch === ',') out += `,${newline()}`;
    else if (ch === ':') out += ': ';
    else if (!/\s/.test(ch)) out += ch;
  }
  return out;
}

/** Whether a cell holds something worth expanding (an object or a list). */
export function isExpandable(value: unknown, column: ResultColumn): boolean {
  if (value && typeof value === 'object') return true;
  return column.type === 'dynamic' && typeof value === 'string' && /^\s*[[{]/.test(value);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const NUMERIC_TYPES = new Set(['int', 'long', 'real', 'decimal']);
const NUMBER_TEXT = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A cell as a spreadsheet may safely read it. Text that starts with `=`, `+`, `-`, `@`, a tab or
 * a carriage return is a formula to Excel, LibreOffice and Google Sheets (`-1+cmd|' /C calc'!A0`
 * runs a program), so it gets a leading apostrophe, which they show as text. Only a real number
 * in a numeric column is left as it is, so that `-1` stays a number there; the same text in a
 * string column or a header is guarded like any other.
 */
export function spreadsheetSafe(value: unknown, column?: ResultColumn): string {
  const text = formatValue(value);
  if (!/^[=+\-@\t\r]/.test(text)) return text;
  const numeric =
    column !== undefined &&
    NUMERIC_TYPES.has(column.type) &&
    (typeof value === 'number' ||
      typeof value === 'bigint' ||
      (typeof value === 'string' && NUMBER_TEXT.test(value)));
  return numeric ? text : `'${text}`;
}

/** RFC 4180 CSV with a header row, every field made spreadsheet-safe. */
export function toCsv(table: ResultTable): string {
  const lines = [table.columns.map((c) => csvField(spreadsheetSafe(c.name))).join(',')];
  for (const row of table.rows)
    lines.push(row.map((v, i) => csvField(spreadsheetSafe(v, table.columns[i]))).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** The Log Analytics JSON shape for one table. */
export function toJson(table: ResultTable): string {
  return tablesJson([table]);
}

/**
 * The Log Analytics JSON shape for tables. A long beyond 2^53, or a decimal a double cannot hold,
 * comes from the executor as its digits (a JS number would round it), and is written here as a
 * JSON number with those exact digits.
 */
export function tablesJson(tables: readonly ResultTable[]): string {
  // The mark is new for each call, so no text of the data itself can pass for a marked long.
  const mark = `long${Math.random().toString(36).slice(2)}${Date.now().toString(36)}:`;
  let marks = 0;
  const marked = tables.map((t) => ({
    name: t.name,
    columns: t.columns,
    rows: t.rows.map((row) =>
      row.map((v, i) => {
        if (!isLongDigits(v, t.columns[i])) return v;
        marks++;
        return `${mark}${v}`;
      }),
    ),
  }));
  const text = JSON.stringify({ tables: marked }, null, 2);
  return marks ? text.replace(new RegExp(`"${mark}(-?\\d+(?:\\.\\d+)?)"`, 'g'), '$1') : text;
}

// A decimal with more digits than a double keeps comes the same way, as its exact digits and scale.
const isLongDigits = (v: unknown, c: ResultColumn | undefined): v is string =>
  typeof v === 'string' &&
  (((c?.type === 'long' || c?.type === 'int') && /^-?\d+$/.test(v)) ||
    (c?.type === 'decimal' && /^-?\d+(\.\d+)?$/.test(v)));

/** A row as tab-separated text, for pasting into a spreadsheet: each cell guarded as in toCsv. */
export function rowAsText(row: readonly unknown[], columns: readonly ResultColumn[]): string {
  return row
    .map((v, i) =>
      spreadsheetSafe(typeof v === 'string' ? v.replace(/[\t\r\n]+/g, ' ') : v, columns[i]).replace(
        /[\t\r\n]+/g,
        ' ',
      ),
    )
    .join('\t');
}
