/**
 * node:util parseArgs has no option whose value may be left out, as in `check --changed [BASE]`:
 * a string option takes the next argument whatever it is, and refuses one that starts with a
 * dash. Before parsing, such an option written without a value (last, or followed by another
 * option) becomes `--name=`, an empty value, which the command reads as "the default".
 * Arguments after `--` are positionals and left alone.
 */
export function fillOptionalValues(args: readonly string[], names: readonly string[]): string[] {
  if (names.length === 0) return [...args];
  const bare = new Set(names.map((n) => `--${n}`));
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') return [...out, ...args.slice(i)];
    const next = args[i + 1];
    if (bare.has(arg) && (next === undefined || next.startsWith('-'))) out.push(`${arg}=`);
    else out.push(arg);
  }
  return out;
}
