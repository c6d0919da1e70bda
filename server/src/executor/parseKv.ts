import { ExecutionError, UnsupportedError } from './errors';
import { kustoRegex } from './kustoRegex';
import type { QueryContext } from './queryContext';
import { compileScalar, literalValue } from './scalarCompiler';
import { scopeOf } from './scope';
import { elements, resultColumns, scalarTypeOf, textOf, unbox } from './syntax';
import type { Table } from './table';
import { fromExternal, valueToString, type Row } from './values';

/**
 * parse-kv (parse-kv-operator.md): the listed keys become columns, each holding the value of the
 * key's first appearance in the text, converted to the key's type (null, or empty for a string,
 * when the key is absent). Keys and values are trimmed of surrounding white space.
 *
 * All three of the page's modes run here: given delimiters (with quotes, escapes and greedy
 * values), a regex whose two groups are key and value, and no delimiters, where any character
 * that is not a letter or a digit separates (wordPairs says what is refused there).
 */
export function parseKv(op: Kusto.Language.Syntax.ParseKvOperator, input: Table, ctx: QueryContext): Table {
  const out = resultColumns(op);
  const keys = elements<Kusto.Language.Syntax.NameAndTypeDeclaration>(op.Keys?.Columns).map(
    (d) => d.Name?.SimpleName ?? textOf(d.Name!),
  );
  const extract = extractor(options(op), keys);
  const source = compileScalar(op.Expression!, scopeOf(input, ctx));
  const sourceType = scalarTypeOf(op.Expression!);
  // As with parse, the binder appends each key's column after the input's, even when the input
  // already has a column of that name, which then keeps its values.
  const firstNew = input.columns.length;
  if (input.columns.some((c, i) => out[i]?.name !== c.name))
    throw new UnsupportedError("parse-kv whose result does not start with its input's columns");
  const targets = keys.map((k) => out.findIndex((c, i) => i >= firstNew && c.name === k));
  if (targets.some((t) => t < 0)) throw new UnsupportedError('parse-kv keys the binder renamed');
  const kept = input.columns.map((_, i) => i);
  const rows: Row[] = input.rows.map((r) => {
    const row: Row = new Array(out.length).fill(null);
    kept.forEach((t, i) => {
      if (t >= 0) row[t] = r[i];
    });
    const text = source(r);
    const found =
      text === null || text === undefined
        ? new Map<string, string>()
        : extract(valueToString(text, sourceType));
    keys.forEach((k, i) => {
      row[targets[i]] = fromExternal(found.get(k) ?? null, out[targets[i]].type);
    });
    return row;
  });
  return { columns: out, rows, serialized: input.serialized };
}

interface KvOptions {
  pair?: string;
  kv?: string;
  quotes: [string, string][];
  escapes: string[];
  greedy: boolean;
  regex?: string;
}

function options(op: Kusto.Language.Syntax.ParseKvOperator): KvOptions {
  const o: KvOptions = { quotes: [], escapes: [], greedy: false };
  for (const p of elements<Kusto.Language.Syntax.NamedParameter>(op.WithClause?.Properties)) {
    const name = (p.Name?.SimpleName ?? '').toLowerCase();
    const e = p.Expression!;
    const v = e.IsLiteral ? literalValue(e) : unbox(e.LiteralValue);
    const text = typeof v === 'string' ? v : String(v);
    if (name === 'pair_delimiter') o.pair = text;
    else if (name === 'kv_delimiter') o.kv = text;
    else if (name === 'greedy') o.greedy = v === true || text.toLowerCase() === 'true';
    else if (name === 'regex') o.regex = text;
    else if (name === 'escape') {
      if ([...text].length !== 1) throw new ExecutionError('parse-kv: escape must be a single character');
      o.escapes.push(text);
    } else if (name === 'quote') {
      const chars = [...text];
      if (chars.length < 1 || chars.length > 2)
        throw new ExecutionError('parse-kv: quote must be one character, or two for opening and closing');
      o.quotes.push([chars[0], chars[chars.length - 1]]);
    } else throw new UnsupportedError(`the '${name}' property of parse-kv`);
  }
  return o;
}

function extractor(o: KvOptions, keys: string[]): (text: string) => Map<string, string> {
  if (o.regex !== undefined) {
    const re = kustoRegex(o.regex);
    if (re.groupCount !== 2)
      throw new ExecutionError(
        'parse-kv: the regex must have exactly two capturing groups, the key and the value',
      );
    return (text) => {
      const found = new Map<string, string>();
      for (const m of re.execAll(text)) {
        const key = (m[1] ?? '').trim();
        if (!found.has(key)) found.set(key, (m[2] ?? '').trim());
      }
      return found;
    };
  }
  if (o.pair === undefined || o.kv === undefined) {
    if (o.pair !== undefined || o.kv !== undefined)
      throw new ExecutionError('parse-kv: pair_delimiter and kv_delimiter are given together');
    if (o.greedy) throw new UnsupportedError('parse-kv greedy=true without delimiters');
    return (text) => wordPairs(text, o, keys);
  }
  if (!o.pair || !o.kv) throw new ExecutionError('parse-kv: a delimiter may not be empty');
  return (text) => scanPairs(text, o as Required<Pick<KvOptions, 'pair' | 'kv'>> & KvOptions);
}

/** Reads `key kv value pair key kv value ...`, honouring quotes and escapes. */
function scanPairs(text: string, o: KvOptions & { pair: string; kv: string }): Map<string, string> {
  const found = new Map<string, string>();
  let i = 0;
  const n = text.length;
  while (i < n) {
    // A key: quoted, or everything up to the key-value delimiter. A piece with no key-value
    // delimiter before the next pair delimiter is not a pair and is skipped.
    const key = readPart(text, i, o, [o.kv, o.pair]);
    if (!key) break;
    i = key.end;
    if (!text.startsWith(o.kv, i)) {
      const next = text.indexOf(o.pair, i);
      if (next < 0) break;
      i = next + o.pair.length;
      continue;
    }
    i += o.kv.length;
    let value: { text: string; end: number };
    if (o.greedy && !quoteAt(text, skipSpace(text, i), o)) {
      // Greedy: the value runs to the last pair delimiter before the next key-value delimiter.
      const nextKv = text.indexOf(o.kv, i);
      const end = nextKv < 0 ? n : text.lastIndexOf(o.pair, nextKv);
      const stop = end < i ? n : end;
      value = { text: text.slice(i, stop).trim(), end: stop };
    } else value = readPart(text, i, o, [o.pair]) ?? { text: '', end: n };
    const name = key.text;
    if (!found.has(name)) found.set(name, value.text);
    i = value.end;
    const next = text.indexOf(o.pair, i);
    if (next < 0) break;
    i = next + o.pair.length;
  }
  return found;
}

/**
 * The mode without delimiters: every character that is not a letter or a digit separates, so the
 * text is a run of words (letters and digits, or a quoted text with its escapes applied). The page
 * does not say how words pair up: from the start of the text (word 1 is a key and word 2 its
 * value, then words 3 and 4...) or as a key followed by its value wherever the key occurs. Its
 * examples read the same both ways; where the two readings give a listed key different values
 * the row is refused, naming the key.
 */
function wordPairs(text: string, o: KvOptions, keys: string[]): Map<string, string> {
  const words = wordsOf(text, o);
  const paired = new Map<string, string>();
  for (let i = 0; i + 1 < words.length; i += 2) {
    if (!paired.has(words[i])) paired.set(words[i], words[i + 1]);
  }
  const found = new Map<string, string>();
  for (const key of keys) {
    const at = words.indexOf(key);
    const following = at >= 0 && at + 1 < words.length ? words[at + 1] : undefined;
    if (following !== paired.get(key))
      throw new UnsupportedError(
        `parse-kv without delimiters where the key '${key}' would get a different value depending on ` +
          'whether words pair from the start of the text or a key takes the word after it (the page leaves this open)',
      );
    if (following !== undefined) found.set(key, following);
  }
  return found;
}

// A word of letters and digits, read from a position; the u flag keeps letters beyond the BMP whole.
const WORD = /[\p{L}\p{Nd}]+/uy;

function wordsOf(text: string, o: KvOptions): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (quoteAt(text, i, o)) {
      const part = readPart(text, i, o, [])!;
      words.push(part.text);
      i = part.end;
      continue;
    }
    WORD.lastIndex = i;
    const word = WORD.exec(text);
    if (word) {
      words.push(word[0]);
      i = WORD.lastIndex;
    } else i += String.fromCodePoint(text.codePointAt(i)!).length;
  }
  return words;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

function quoteAt(text: string, i: number, o: KvOptions): [string, string] | undefined {
  return o.quotes.find(([open]) => text.startsWith(open, i));
}

/** A key or value from `start`: a quoted text (escapes applied), else the trimmed text up to the first stop. */
function readPart(
  text: string,
  start: number,
  o: KvOptions,
  stops: string[],
): { text: string; end: number } | undefined {
  const i = skipSpace(text, start);
  const quote = quoteAt(text, i, o);
  if (quote) {
    let j = i + quote[0].length;
    let out = '';
    while (j < text.length && !text.startsWith(quote[1], j)) {
      if (o.escapes.includes(text[j]) && j + 1 < text.length) {
        out += text[j + 1];
        j += 2;
      } else out += text[j++];
    }
    return { text: out, end: Math.min(text.length, j + quote[1].length) };
  }
  if (i >= text.length) return start < text.length ? { text: '', end: text.length } : undefined;
  const ends = stops.map((s) => text.indexOf(s, i)).filter((e) => e >= 0);
  const stopAt = ends.length ? Math.min(...ends) : text.length;
  return { text: text.slice(i, stopAt).trim(), end: stopAt };
}
