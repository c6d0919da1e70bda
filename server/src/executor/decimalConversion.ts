import { UnsupportedError } from './errors';
import type { KqlType } from './values';

/**
 * todecimal() where the executor can hold the result exactly.
 *
 * Kusto's decimal is a 128-bit SqlDecimal that keeps its digits and scale; the executor holds a
 * decimal as a double. That is exact only when the double's shortest text is the decimal's own
 * text: then distinct decimals stay distinct doubles in the same order, a decimal equals a long
 * exactly when the double does, and the value prints as Kusto prints it. So a value is taken when
 * it passes that round trip and refused by name when it does not (more than 15–17 significant
 * digits, trailing zeros whose scale Kusto would print, an exponent). Arithmetic on decimals stays
 * refused in scalarCompiler.ts.
 */
export function toDecimal(v: unknown, type: KqlType): number | null {
  if (v === null || v === undefined) return null;
  switch (type) {
    case 'decimal':
      return v as number;
    case 'int':
    case 'long':
      // A long beyond 2^53 (a bigint) is held when a double keeps all its digits.
      return typeof v === 'bigint' ? decimalFromText(v.toString()) : (v as number);
    case 'string':
      return decimalFromText(v as string);
    case 'dynamic':
      if (typeof v === 'number' && Number.isInteger(v)) return v;
      if (typeof v === 'string') return decimalFromText(v);
      if (v === null || typeof v === 'object' || typeof v === 'boolean') return null;
      break;
  }
  // A real keeps binary digits that the page does not say how SqlDecimal rounds; a bool, a
  // datetime or a timespan has no documented decimal form.
  throw new UnsupportedError(`todecimal() of a ${type === 'dynamic' ? 'dynamic real' : type} value`);
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const NUMBER_LIKE = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

function decimalFromText(text: string): number | null {
  if (PLAIN_NUMBER.test(text)) {
    const n = Number(text);
    if (String(n) === text) return n;
  }
  // Text that is no number at all converts to null, as the page says; a number the executor
  // cannot hold with its digits and scale is refused rather than rounded.
  if (!NUMBER_LIKE.test(text)) return null;
  throw new UnsupportedError(
    `todecimal() of '${text.length > 40 ? `${text.slice(0, 40)}…` : text}' (a decimal the local executor cannot hold with its exact digits and scale)`,
  );
}
