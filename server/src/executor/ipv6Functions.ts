import { UnsupportedError } from './errors';
import { parseIpv4 } from './ipFunctions';

/**
 * The IPv6 functions of Kusto's reference (ipv6-compare, ipv6-is-match, parse-ipv6,
 * parse-ipv6-mask, ipv6-is-in-range and ipv6-is-in-any-range pages). Every address becomes a
 * 128-bit number; IPv4 text becomes ::ffff:a.b.c.d and its /bits count from bit 96, so
 * "1.2.3.4/24" is a /120 (the pages' mixed examples).
 */

const FULL = (1n << 128n) - 1n;
const MAPPED = 0xffffn << 32n;
const maskOf = (bits: number): bigint => (FULL << BigInt(128 - bits)) & FULL;
const masked = (ip: bigint, bits: number): bigint => ip & maskOf(bits);

interface Ipv6Prefix {
  value: bigint;
  bits: number;
}

/** A /bits suffix from 0 to `max`; anything else fails the conversion. */
function suffixBits(text: string | undefined, max: number): number | null {
  if (text === undefined) return max;
  if (!/^\d{1,3}$/.test(text)) return null;
  const bits = Number(text);
  return bits <= max ? bits : null;
}

/** Eight colon-separated hex groups, at most one "::" standing for one or more zero groups. */
function hexGroups(text: string): bigint | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if ([...head, ...tail].some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

// IPv4 text, alone or after "::" or "::ffff:" (the forms the pages use).
const EMBEDDED_IPV4 = /^(?:::(ffff:)?)?(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * How an address in ::/96 written in hex (::1, ::102:304) is read: Kusto reads "::1.2.3.4" as
 * ::ffff:1.2.3.4, and whether it maps the hex form the same way is not documented. Unset, such an
 * address is refused; a comparison tries both readings and answers when they agree (bothReadings).
 */
type CompatibleReading = 'mapped' | 'plain' | undefined;

class CompatibleFormRefusal extends UnsupportedError {}

/**
 * A comparison's answer under both readings of ::/96 hex addresses when it meets one and they
 * agree, as they do between two such addresses (mapping adds the same high bits to both); where
 * the readings differ the refusal stands.
 */
function bothReadings<T>(compute: (reading: CompatibleReading) => T): T {
  try {
    return compute(undefined);
  } catch (e) {
    if (!(e instanceof CompatibleFormRefusal)) throw e;
    const mapped = compute('mapped');
    if (mapped === compute('plain')) return mapped;
    throw e;
  }
}

/** An IPv6 or IPv4 address with an optional /bits; null when it does not convert. */
function parseIpv6Prefix(text: string, fn: string, reading?: CompatibleReading): Ipv6Prefix | null {
  if (text !== text.trim()) throw new UnsupportedError(`${fn}() of an address with surrounding white space`);
  const parts = text.split('/');
  if (parts.length > 2) return null;
  const [address, bitsText] = parts;
  const v4 = EMBEDDED_IPV4.exec(address);
  if (v4) {
    // The pages show "/24" on "1.2.3.4" and "::1.2.3.4" as IPv4 bits; after "::ffff:" they do not say.
    if (v4[1] !== undefined && bitsText !== undefined)
      throw new UnsupportedError(`${fn}() of an ::ffff:a.b.c.d address with a /prefix`);
    const ip = parseIpv4(v4[2]);
    const bits = suffixBits(bitsText, 32);
    return ip === null || bits === null ? null : { value: MAPPED | BigInt(ip), bits: 96 + bits };
  }
  if (address.includes('.'))
    throw new UnsupportedError(
      `${fn}() of an IPv6 address with IPv4 text other than ::a.b.c.d or ::ffff:a.b.c.d`,
    );
  if (address.includes('%')) throw new UnsupportedError(`${fn}() of an IPv6 address with a zone`);
  const value = hexGroups(address);
  if (value === null) return null;
  // "::1.2.3.4" means ::ffff:1.2.3.4 in Kusto; whether the same address in hex (::102:304), or
  // :: and ::1, are mapped too is not documented.
  // With a /bits it could also count from bit 96, as after IPv4 text: a third reading, refused.
  if (value >> 32n === 0n && (reading === undefined || bitsText !== undefined))
    throw new CompatibleFormRefusal(
      `${fn}() of an address in ::/96 written in hex (the IPv4-compatible form)`,
    );
  const bits = suffixBits(bitsText, 128);
  if (bits === null) return null;
  return { value: reading === 'mapped' && value >> 32n === 0n ? MAPPED | value : value, bits };
}

/** Eight groups of four lowercase hex digits, the form the parse_ipv6 page prints. */
const canonical = (value: bigint): string => value.toString(16).padStart(32, '0').match(/.{4}/g)!.join(':');

/** The optional prefix-bits argument: absent means all 128; the pages document only 0 to 128. */
function prefixArgument(prefix: unknown, fn: string): number {
  if (prefix === undefined) return 128;
  if (typeof prefix !== 'number' || !Number.isInteger(prefix) || prefix < 0 || prefix > 128)
    throw new UnsupportedError(`${fn}() with a prefix that is not a whole number from 0 to 128`);
  return prefix;
}

export function ipv6Compare(a: string, b: string, prefix: unknown, fn = 'ipv6_compare'): number | null {
  const bits = prefixArgument(prefix, fn);
  return bothReadings((reading) => {
    const x = parseIpv6Prefix(a, fn, reading);
    const y = parseIpv6Prefix(b, fn, reading);
    if (x === null || y === null) return null;
    const common = Math.min(x.bits, y.bits, bits);
    const l = masked(x.value, common);
    const r = masked(y.value, common);
    return l === r ? 0 : l > r ? 1 : -1;
  });
}

export function ipv6IsMatch(a: string, b: string, prefix: unknown): boolean | null {
  const order = ipv6Compare(a, b, prefix, 'ipv6_is_match');
  return order === null ? null : order === 0;
}

/** The canonical text of the address under its own mask; empty when it does not convert. */
export function parseIpv6(ip: string): string {
  const a = parseIpv6Prefix(ip, 'parse_ipv6');
  return a === null ? '' : canonical(masked(a.value, a.bits));
}

export function parseIpv6Mask(ip: string, prefix: unknown): string {
  const bits = prefixArgument(prefix, 'parse_ipv6_mask');
  const a = parseIpv6Prefix(ip, 'parse_ipv6_mask');
  return a === null ? '' : canonical(masked(a.value, Math.min(a.bits, bits)));
}

function inRange(ip: string, range: string, fn: string, reading?: CompatibleReading): boolean | null {
  if (ip.includes('/')) throw new UnsupportedError(`${fn}() of an address with a /prefix`);
  const a = parseIpv6Prefix(ip, fn, reading);
  const r = parseIpv6Prefix(range, fn, reading);
  if (a === null || r === null) return null;
  return masked(a.value, r.bits) === masked(r.value, r.bits);
}

export const ipv6IsInRange = (ip: string, range: string): boolean | null =>
  bothReadings((reading) => inRange(ip, range, 'ipv6_is_in_range', reading));

/** ipv6_is_in_any_range: null for an invalid address; no ranges, or one that does not parse, is refused. */
export function ipv6IsInAnyRange(ip: string, ranges: unknown[]): boolean | null {
  const fn = 'ipv6_is_in_any_range';
  if (ranges.length === 0) throw new UnsupportedError(`${fn}() with no ranges`);
  return bothReadings((reading) => {
    if (ranges.some((range) => typeof range !== 'string' || parseIpv6Prefix(range, fn, reading) === null))
      throw new UnsupportedError(`${fn}() with a range that is not an IPv6 prefix`);
    if (ip.includes('/')) throw new UnsupportedError(`${fn}() of an address with a /prefix`);
    if (parseIpv6Prefix(ip, fn, reading) === null) return null;
    return ranges.some((range) => inRange(ip, range as string, fn, reading) === true);
  });
}
