/** IPv4 helpers for ipv4_is_private and ipv4_is_in_range; invalid addresses give null, as in Kusto. */

export function parseIpv4(text: string): number | null {
  const m = /^\s*(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\s*$/.exec(text);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

/** An address with an optional /bits suffix (0 to 32; absent means 32); null when either part is invalid. */
export function parseCidr(text: string): { base: number; bits: number } | null {
  const [addr, bitsText] = text.split('/');
  const base = parseIpv4(addr);
  if (base === null) return null;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > 32) return null;
  return { base, bits };
}

function inPrefix(ip: number, base: number, bits: number): boolean {
  if (bits === 0) return true;
  const mask = (0xffffffff << (32 - bits)) >>> 0;
  return (ip & mask) >>> 0 === (base & mask) >>> 0;
}

export function ipv4IsInRange(ip: string, range: string): boolean | null {
  const a = parseIpv4(ip.includes('/') ? ip.split('/')[0] : ip);
  const r = parseCidr(range);
  if (a === null || r === null) return null;
  return inPrefix(a, r.base, r.bits);
}

const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((r) => parseCidr(r)!);

export function ipv4IsPrivate(ip: string): boolean | null {
  const a = parseIpv4(ip.includes('/') ? ip.split('/')[0] : ip);
  if (a === null) return null;
  return PRIVATE_RANGES.some((r) => inPrefix(a, r.base, r.bits));
}

const isAlnum = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9]/.test(ch);

/**
 * has_ipv4(source, ip): whether `ip` is a valid IPv4 address that occurs in `source` with no
 * letter or digit right before or after it (has-ipv4-function.md).
 */
export function hasIpv4(source: string, ip: string): boolean {
  if (parseIpv4(ip) === null || ip.trim() !== ip) return false;
  for (let at = source.indexOf(ip); at >= 0; at = source.indexOf(ip, at + 1)) {
    if (!isAlnum(source[at - 1]) && !isAlnum(source[at + ip.length])) return true;
  }
  return false;
}

// A dotted quad standing alone: no letter or digit on either side.
const DELIMITED_IPV4 = /(?<![A-Za-z0-9])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![A-Za-z0-9])/g;
const IPV4_PREFIX = /^(\d{1,3}\.){1,3}$/;

/**
 * has_ipv4_prefix(source, prefix): whether a valid, delimited IPv4 address in `source` starts with
 * `prefix`, which is a whole address or one to three octets ending in a dot (has-ipv4-prefix-function.md).
 */
export function hasIpv4Prefix(source: string, prefix: string): boolean {
  if (parseIpv4(prefix) !== null && prefix.trim() === prefix) return hasIpv4(source, prefix);
  if (!IPV4_PREFIX.test(prefix) || prefix.split('.').some((p) => Number(p) > 255)) return false;
  for (const m of source.matchAll(DELIMITED_IPV4))
    if (parseIpv4(m[0]) !== null && m[0].startsWith(prefix)) return true;
  return false;
}
