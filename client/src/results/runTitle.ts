/**
 * The heading of a run in the results panel and its history: the first line of the query's
 * tabular expression, the statement after the `let`s, `set`s and `declare`s, without comments.
 * Taking the first line that is not a let picks a row of a multi-line `datatable` instead, and
 * the first line of all is often a comment.
 */
export function runTitle(query: string): string {
  const statements = splitStatements(query).filter((s) => meaningfulLines(s).length > 0);
  const body = statements[statements.length - 1] ?? '';
  return meaningfulLines(body)[0] ?? '';
}

function meaningfulLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('//'));
}

/**
 * The statements of a query, split at the semicolons outside strings and comments. A `//` inside
 * a string is text, and a `;` inside one does not end a statement, so both are skipped over.
 */
function splitStatements(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      i = lineEnd(text, i);
    } else if (c === '`' && text.startsWith('```', i)) {
      const close = text.indexOf('```', i + 3);
      i = close < 0 ? text.length : close + 3;
    } else if (c === '"' || c === "'") {
      // A verbatim string (@'…') has no escapes; a doubled quote is a quote.
      const verbatim = text[i - 1] === '@';
      i++;
      while (i < text.length && text[i] !== c && text[i] !== '\n') i += !verbatim && text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === ';') {
      out.push(text.slice(start, i));
      start = ++i;
    } else {
      i++;
    }
  }
  out.push(text.slice(start));
  return out;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}
