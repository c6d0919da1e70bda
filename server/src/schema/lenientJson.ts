import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/**
 * JSON as hand-edited schema files really are: a byte-order mark, comments and trailing commas
 * are accepted (Newtonsoft, which Sentinel's own validation used, accepts them too), so only a
 * file that is truly broken is refused. jsonc-parser reads it and reports where an error is, so
 * the error can be placed where the user sees it.
 */

export type LenientJsonResult = { ok: true; value: unknown } | { ok: false; message: string; offset: number };

export function parseLenientJson(text: string): LenientJsonResult {
  // The parser does not skip a byte-order mark; a space in its place keeps every offset.
  const input = text.startsWith('\uFEFF') ? ` ${text.slice(1)}` : text;
  const errors: ParseError[] = [];
  const value: unknown = parse(input, errors, {
    allowTrailingComma: true,
    disallowComments: false,
    allowEmptyContent: false,
  });
  if (errors.length === 0) return { ok: true, value };
  const first = errors[0];
  return { ok: false, message: `${describe(first)} at position ${first.offset}`, offset: first.offset };
}

/** "CommaExpected" as "comma expected", "InvalidSymbol" as "invalid symbol". */
function describe(error: ParseError): string {
  const words = printParseErrorCode(error.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
