import { UnsupportedError } from './errors';
import { ipv4IsInRange, parseCidr, parseIpv4 } from './ipFunctions';

/**
 * The IPv4 comparison, parsing and formatting functions of Kusto's reference (ipv4-compare,
 * ipv4-is-match, ipv4-netmask-suffix, ipv4-range-to-cidr-list, parse-ipv4, parse-ipv4-mask,
 * format-ipv4, format-ipv4-mask and ipv4-is-in-any-range pages). Addresses are unsigned 32-bit
 * numbers; a prefix in the text ("10.1.2.3/24") and a separate prefix argument combine by taking
 * the smaller, as the pages' examples show.
 */

const maskOf = (bits: number): number => (bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0);
const masked = (ip: number, bits: number): number => (ip & maskOf(bits)) >>> 0;
const dotted = (ip: number): string => [24, 16, 8, 0].map((s) => (ip >>> s) & 255).join('.');

/**
 * The optional prefix-bits argument: absent means every bit. The pages say only "an integer from
 * 0 to 32", so anything else (null included) is refused rather than guessed.
 */
function prefixArgument(prefix: unknown, fn: string): number {
  if (prefix === undefined) return 32;
  if (typeof prefix !== 'number' || !Number.isInteger(prefix) || prefix < 0 || prefix > 32)
    throw new UnsupportedError(`${fn}() with a prefix that is not a whole number from 0 to 32`);
  return prefix;
}

/** -1, 0 or 1 comparing the two addresses under their combined mask; null when either is invalid. */
export function ipv4Compare(a: string, b: string, prefix: unknown, fn = 'ipv4_compare'): number | null {
  const bits = prefixArgument(prefix, fn);
  const x = parseCidr(a);
  const y = parseCidr(b);
  if (x === null || y === null) return null;
  const common = Math.min(x.bits, y.bits, bits);
  return Math.sign(masked(x.base, common) - masked(y.base, common));
}

export function ipv4IsMatch(a: string, b: string, prefix: unknown): boolean | null {
  const order = ipv4Compare(a, b, prefix, 'ipv4_is_match');
  return order === null ? null : order === 0;
}

/** The /bits of the text, 32 when it has none, null when it is not an IPv4 address. */
export const ipv4NetmaskSuffix = (ip: string): number | null => parseCidr(ip)?.bits ?? null;

/** The address under its own mask, as a long (parse-ipv4-function.md). */
export function parseIpv4Long(ip: string): number | null {
  const a = parseCidr(ip);
  return a === null ? null : masked(a.base, a.bits);
}

/** parse_ipv4_mask(ip, prefix): the page does not say the address may carry its own /bits. */
export function parseIpv4Mask(ip: string, prefix: unknown): number | null {
  if (ip.includes('/')) throw new UnsupportedError('parse_ipv4_mask() of an address with a /prefix');
  const bits = prefixArgument(prefix, 'parse_ipv4_mask');
  const a = parseIpv4(ip);
  return a === null ? null : masked(a, bits);
}

/**
 * The address and mask of format_ipv4*: text (with an optional /bits) or a long in big-endian
 * order. A negative prefix gives the empty string (the pages' `long(-1)` row).
 */
function formatInput(ip: unknown, prefix: unknown, fn: string): { base: number; bits: number } | null {
  if (prefix === null) throw new UnsupportedError(`${fn}() with a null prefix`);
  if (typeof prefix === 'number' && prefix < 0) return null;
  const bits = prefixArgument(prefix, fn);
  let a: { base: number; bits: number } | null;
  if (typeof ip === 'number') {
    if (!Number.isInteger(ip) || ip < 0 || ip > 0xffffffff)
      throw new UnsupportedError(`${fn}() of a number outside 0 to 4294967295`);
    a = { base: ip, bits: 32 };
  } else if (typeof ip === 'string') {
    if (/^\s*\d+\s*$/.test(ip)) throw new UnsupportedError(`${fn}() of an address written as digits in text`);
    a = parseCidr(ip);
  } else if (ip === null || ip === undefined) {
    return null;
  } else {
    throw new UnsupportedError(`${fn}() of a value that is neither text nor a whole number`);
  }
  if (a === null) return null;
  const common = Math.min(a.bits, bits);
  return { base: masked(a.base, common), bits: common };
}

export function formatIpv4(ip: unknown, prefix: unknown): string {
  const a = formatInput(ip, prefix, 'format_ipv4');
  return a === null ? '' : dotted(a.base);
}

export function formatIpv4Mask(ip: unknown, prefix: unknown): string {
  const a = formatInput(ip, prefix, 'format_ipv4_mask');
  return a === null ? '' : `${dotted(a.base)}/${a.bits}`;
}

/**
 * The fewest CIDR blocks covering start..end, in order. The page shows only a valid ascending
 * range, so invalid addresses, a /prefix or a reversed range are refused.
 */
export function ipv4RangeToCidrList(start: string, end: string): string[] {
  const from = start.includes('/') ? null : parseIpv4(start);
  const to = end.includes('/') ? null : parseIpv4(end);
  if (from === null || to === null || from > to)
    throw new UnsupportedError(
      'ipv4_range_to_cidr_list() of anything but two plain IPv4 addresses in ascending order',
    );
  const blocks: string[] = [];
  for (let at = from; at <= to;) {
    // The largest block that starts at `at` (aligned) and does not pass `to`.
    let bits = 32;
    while (bits > 0) {
      const size = 2 ** (32 - (bits - 1));
      if (at % size !== 0 || at + size - 1 > to) break;
      bits--;
    }
    blocks.push(`${dotted(at)}/${bits}`);
    at += 2 ** (32 - bits);
  }
  return blocks;
}

/** ipv4_is_in_any_range: null for an invalid address; no ranges, or one that does not parse, is refused. */
export function ipv4IsInAnyRange(ip: string, ranges: unknown[]): boolean | null {
  if (parseIpv4(ip.includes('/') ? ip.split('/')[0] : ip) === null) return null;
  if (ranges.length === 0) throw new UnsupportedError('ipv4_is_in_any_range() with no ranges');
  if (ranges.some((range) => typeof range !== 'string' || parseCidr(range) === null))
    throw new UnsupportedError('ipv4_is_in_any_range() with a range that is not an IPv4 prefix');
  return ranges.some((range) => ipv4IsInRange(ip, range as string) === true);
}
