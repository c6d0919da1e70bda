import { UnsupportedError } from './errors';
import { argString } from './functionArgs';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';

/**
 * URL encoding and file paths, by their reference pages. The encoders write lowercase hex
 * (`https%3a%2f%2f` in url-encode-function.md), keep letters, digits and `-_.!*()` as they are,
 * and differ only in the space: `+` for url_encode, `%20` for url_encode_component. Where the
 * pages leave a case open (a `+` to decode, a path with no directory), the case is refused by name.
 */

const SAFE = /[A-Za-z0-9\-_.!*()]/;
const UTF8 = new TextEncoder();

function encode(text: string, space: string, name: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === ' ') out += space;
    else if (SAFE.test(ch)) out += ch;
    else {
      const cp = ch.codePointAt(0)!;
      if (cp >= 0xd800 && cp <= 0xdfff) throw new UnsupportedError(`${name}() of a lone surrogate`);
      for (const b of UTF8.encode(ch)) out += `%${b.toString(16).padStart(2, '0')}`;
    }
  }
  return out;
}

/** `%XX` runs become the UTF-8 text they spell; a `%` that starts no pair stays as it is. */
function urlDecode(c: FunctionCall): string {
  const text = argString(c, 0);
  if (text.includes('+')) throw new UnsupportedError('url_decode() of a text with "+" (a space or a plus?)');
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '%' || !/^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      if (text[i] === '%' && /^[uU]/.test(text.slice(i + 1)))
        throw new UnsupportedError('url_decode() of a %u escape');
      out += text[i++];
      continue;
    }
    const bytes: number[] = [];
    while (text[i] === '%' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 3;
    }
    try {
      out += new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
    } catch {
      throw new UnsupportedError('url_decode() of escapes that are not UTF-8');
    }
  }
  return out;
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]+):\/\//;

/**
 * parse_path: the parts the reference's five examples show. A scheme (`file://`) is taken off
 * first; the root is a drive letter; the directory is everything before the last slash of either
 * kind; an `:name` after the file name is an alternate data stream.
 */
function parsePath(c: FunctionCall): Record<string, string> {
  const text = argString(c, 0);
  const scheme = SCHEME.exec(text);
  const rest = scheme ? text.slice(scheme[0].length) : text;
  if (rest.startsWith('\\\\?\\')) throw new UnsupportedError('parse_path() of a long path (\\\\?\\)');
  const lastSep = Math.max(rest.lastIndexOf('/'), rest.lastIndexOf('\\'));
  const root = /^[A-Za-z]:/.exec(rest)?.[0] ?? '';
  const directory = rest.slice(0, Math.max(lastSep, 0));
  if (lastSep < 0 || lastSep === rest.length - 1 || directory === root || /^[\\/]*$/.test(directory))
    throw new UnsupportedError('parse_path() of a path with no directory or no file name');
  const leaf = rest.slice(lastSep + 1);
  const colon = leaf.indexOf(':');
  const filename = colon < 0 ? leaf : leaf.slice(0, colon);
  const dot = filename.lastIndexOf('.');
  return {
    Scheme: scheme?.[1] ?? '',
    RootPath: root,
    DirectoryPath: directory,
    DirectoryName: directory.split(/[\\/]/).pop() ?? '',
    Filename: filename,
    Extension: dot < 0 ? '' : filename.slice(dot + 1),
    AlternateDataStreamName: colon < 0 ? '' : leaf.slice(colon + 1),
  };
}

export const WEB_FUNCTIONS: Record<string, ScalarFunction> = {
  url_encode: (c) => encode(argString(c, 0), '+', 'url_encode'),
  url_encode_component: (c) => encode(argString(c, 0), '%20', 'url_encode_component'),
  url_decode: urlDecode,
  parse_path: parsePath,
};
