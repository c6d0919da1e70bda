/**
 * A line diff of two texts (a rule's query before and after), as `- ` and `+ ` lines with one
 * line of context around each change, so that a plan shows which query lines a deployment
 * changes rather than two long strings. Longest common subsequence; texts over MAX_LINES lines
 * are compared as wholes, which keeps the table small.
 */
const MAX_LINES = 2000;

export function lineDiff(before: string, after: string): string[] {
  const a = before.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  const b = after.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  if (a.length > MAX_LINES || b.length > MAX_LINES)
    return [...a.map((l) => `- ${l}`), ...b.map((l) => `+ ${l}`)];
  // lcs[i][j]: length of the common subsequence of a[i..] and b[j..].
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops: { sign: ' ' | '-' | '+'; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ sign: ' ', text: a[i] });
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
      ops.push({ sign: '-', text: a[i++] });
    } else {
      ops.push({ sign: '+', text: b[j++] });
    }
  }
  const near = (k: number) =>
    ops[k].sign !== ' ' ||
    ops[k - 1]?.sign === '-' ||
    ops[k - 1]?.sign === '+' ||
    (ops[k + 1] !== undefined && ops[k + 1].sign !== ' ');
  const out: string[] = [];
  let skipped = false;
  ops.forEach((op, k) => {
    if (near(k)) {
      if (skipped) out.push('  …');
      skipped = false;
      out.push(`${op.sign} ${op.text}`);
    } else skipped = true;
  });
  return out;
}
