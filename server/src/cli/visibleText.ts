/**
 * File names, source lines and messages come from the files being checked, which in CI are a
 * pull request's. Printed raw, a newline in a file name starts a new log line that GitHub
 * Actions runs as a workflow command (`::error ...`), and ESC sequences retitle or clear the
 * reader's terminal. Everything kqlhunt prints from a file goes through `visible`.
 *
 * The notation, chosen so that it reads like the escapes in a string literal: TAB, LF and CR as
 * `\t`, `\n`, `\r`; other C0 controls, DEL and the C1 controls as `\xNN` (ESC is `\x1b`); the
 * Unicode direction controls and line separators, which reorder or break lines in terminals and
 * web pages alike, as `\uNNNN`. Backslashes are left alone, so a name that really contains `\x1b`
 * prints the same as one with ESC: an ambiguity, never an escape.
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function shown(c: string): string {
  const code = c.charCodeAt(0);
  return (
    NAMED[c] ??
    (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`)
  );
}

/** `text` with every control character written out visibly, except those in `keep`. */
export function visible(text: string, keep = ''): string {
  return text.replace(CONTROLS, (c) => (keep.includes(c) ? c : shown(c)));
}

const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * The characters JSON.stringify leaves raw that a terminal may still act on (DEL, the C1 controls,
 * direction controls), as `\uNNNN` escapes: a JSON report reads back to the same values, and
 * printed to a terminal it is inert. JSON.stringify already escapes everything below U+0020.
 */
export function inertJson(json: string): string {
  return json.replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * GitHub Actions reads a log line as a workflow command when it starts with `::` after leading
 * whitespace. A text-format line starts with the file's name, so a file named `::error::x.kql`
 * would be one: such a name is printed as `./::error::x.kql`, the same file.
 */
export function safeLineStart(name: string): string {
  return /^[\s:]/u.test(name) ? `./${name}` : name;
}
