/**
 * Where the engine's CodeScript splits a region into queries. Like the engine's default, a
 * blank line ends a query, except when the text so far ends with `;`: statements such as
 * `let x = ...;` must end with a semicolon while a query may not, so that text is a prelude
 * of the query that follows and stays in the same block, keeping its lets in scope.
 */
export function queryBlockStarts(
  text: string,
  lineStarts: System.Collections.Generic.IReadOnlyList$1<number> | null,
): number[] {
  const starts = [0];
  const count = lineStarts?.Count ?? 0;
  let afterBlank = false;
  for (let i = 0; i < count; i++) {
    const start = lineStarts!.getItem(i);
    const end = i + 1 < count ? lineStarts!.getItem(i + 1) : text.length;
    if (text.slice(start, end).trim() === '') {
      afterBlank = true;
      continue;
    }
    if (afterBlank) {
      const before = text
        .slice(starts[starts.length - 1], start)
        .replace(/\/\/.*$/gm, '')
        .trim();
      if (before !== '' && !before.endsWith(';')) starts.push(start);
    }
    afterBlank = false;
  }
  return starts;
}
