import { UnsupportedError } from './errors';
import { argString } from './functionArgs';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';

/**
 * parse_command_line(text, "windows") splits a command line as Windows' CommandLineToArgvW does
 * (parse-command-line-function.md names it): the program name runs to the first blank, or between
 * quotes with no escapes; after it, blanks separate arguments, quotes group, and backslashes
 * escape a quote only in runs before one (2n give n and a quote mark, 2n+1 give n and a literal
 * quote). Cases where Windows versions differ (`""` inside quotes) or that depend on the calling
 * process (an empty line, leading blanks) are refused by name.
 */

const BLANK = /[ \t]/;

function programName(text: string): { name: string; next: number } {
  if (text.startsWith('"')) {
    const close = text.indexOf('"', 1);
    return close < 0
      ? { name: text.slice(1), next: text.length }
      : { name: text.slice(1, close), next: close + 1 };
  }
  let end = 0;
  while (end < text.length && !BLANK.test(text[end])) end++;
  return { name: text.slice(0, end), next: end };
}

function splitArguments(text: string, from: number): string[] {
  const args: string[] = [];
  let i = from;
  for (;;) {
    while (i < text.length && BLANK.test(text[i])) i++;
    if (i >= text.length) return args;
    let arg = '';
    let quoted = false;
    while (i < text.length && (quoted || !BLANK.test(text[i]))) {
      let slashes = 0;
      while (text[i] === '\\') {
        slashes++;
        i++;
      }
      if (text[i] === '"') {
        arg += '\\'.repeat(Math.floor(slashes / 2));
        if (slashes % 2 === 1) arg += '"';
        else if (quoted && text[i + 1] === '"')
          throw new UnsupportedError(
            'parse_command_line() of "" inside quotes, which Windows versions read differently',
          );
        else quoted = !quoted;
        i++;
      } else {
        arg += '\\'.repeat(slashes);
        if (i < text.length && (quoted || !BLANK.test(text[i]))) arg += text[i++];
      }
    }
    args.push(arg);
  }
}

function parseCommandLine(c: FunctionCall): string[] {
  const kind = argString(c, 1);
  if (kind.toLowerCase() !== 'windows')
    throw new UnsupportedError(`parse_command_line() with parser "${kind}"`);
  const text = argString(c, 0);
  if (text === '' || BLANK.test(text[0]))
    throw new UnsupportedError('parse_command_line() of a line that is empty or starts with a blank');
  const { name, next } = programName(text);
  return [name, ...splitArguments(text, next)];
}

export const COMMAND_LINE_FUNCTIONS: Record<string, ScalarFunction> = {
  parse_command_line: parseCommandLine,
};
