import { inflateSync } from 'node:zlib';
import { UnsupportedError } from './errors';
import { argString } from './functionArgs';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';

/**
 * Base64 of a guid's or a byte array's bytes and zlib in base64, each by its reference page:
 * base64_encode_fromguid / base64_decode_toguid (a guid's 16 bytes in .NET's order: the first
 * three groups little-endian, the page's example shows it), base64_encode_fromarray and
 * zlib_decompress_from_base64_string. zlib_compress_to_base64_string is refused: its bytes are
 * those of Kusto's own deflate encoder and level, which the page does not give.
 */

const GUID = /^([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/i;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function swap(hex: string): string {
  return hex.match(/../g)!.reverse().join('');
}

function guidBytes(guid: string): Buffer | null {
  const m = GUID.exec(guid);
  if (!m) return null;
  return Buffer.from(swap(m[1]) + swap(m[2]) + swap(m[3]) + m[4] + m[5], 'hex');
}

/** Strict base64: the alphabet, padding only at the end, a length a decoder accepts. */
function base64Bytes(text: string): Buffer | null {
  const t = text.trim();
  if (t === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 !== 0) return null;
  return Buffer.from(t, 'base64');
}

function encodeFromGuid(c: FunctionCall): string {
  const v = c.args[0];
  if (typeof v !== 'string') return '';
  const bytes = guidBytes(v);
  return bytes ? bytes.toString('base64') : '';
}

function decodeToGuid(c: FunctionCall): string | null {
  const bytes = base64Bytes(argString(c, 0));
  if (!bytes || bytes.length !== 16) return null;
  const hex = bytes.toString('hex');
  return `${swap(hex.slice(0, 8))}-${swap(hex.slice(8, 12))}-${swap(hex.slice(12, 16))}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The bytes of an array of integers 0..255; anything else makes the result empty. */
function encodeFromArray(c: FunctionCall): string {
  const array = c.args[0];
  if (!Array.isArray(array)) return '';
  if (!array.every((b) => typeof b === 'number' && Number.isInteger(b) && b >= 0 && b <= 255)) return '';
  return Buffer.from(array as number[]).toString('base64');
}

/** Empty when the text is not base64 of zlib data holding UTF-8 text, as the page says. */
function zlibDecompress(c: FunctionCall): string {
  const bytes = base64Bytes(argString(c, 0));
  if (!bytes) return '';
  try {
    return strictUtf8.decode(inflateSync(bytes));
  } catch {
    return '';
  }
}

export const BYTE_ENCODING_FUNCTIONS: Record<string, ScalarFunction> = {
  base64_encode_fromguid: encodeFromGuid,
  base64_decode_toguid: decodeToGuid,
  base64_encode_fromarray: encodeFromArray,
  zlib_decompress_from_base64_string: zlibDecompress,
  zlib_compress_to_base64_string: () => {
    throw new UnsupportedError(
      'zlib_compress_to_base64_string()',
      "its output is the bytes of Kusto's own deflate encoder, which the page does not specify",
    );
  },
};
