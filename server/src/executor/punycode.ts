import { argString } from './functionArgs';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';

/**
 * Punycode (RFC 3492) and the domain functions built on it, by their reference pages:
 * punycode_from_string encodes a label, punycode_to_string decodes one, punycode_domain_to_string
 * encodes each label of a domain that is not plain ASCII as `xn--` + its punycode, and
 * punycode_domain_from_string decodes the `xn--` labels back. The pages' examples keep the case
 * of ASCII letters and allow spaces, so labels are not normalised (no IDNA mapping); the
 * ideographic full stops 。 and ｡ separate labels as `.` does. A failure gives the empty string.
 */

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const MAX_INT = 0x7fffffff;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

const digit = (d: number) => String.fromCharCode(d < 26 ? d + 97 : d + 22);

function digitValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 22;
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 97 && code <= 122) return code - 97;
  return BASE;
}

/** RFC 3492 encoding of a label; null when it overflows. */
export function punycodeEncode(input: string): string | null {
  const points = Array.from(input, (ch) => ch.codePointAt(0)!);
  let out = points
    .filter((p) => p < 0x80)
    .map((p) => String.fromCharCode(p))
    .join('');
  const basic = out.length;
  let handled = basic;
  if (basic > 0) out += '-';
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < points.length) {
    const m = Math.min(...points.filter((p) => p >= n));
    if (m - n > Math.floor((MAX_INT - delta) / (handled + 1))) return null;
    delta += (m - n) * (handled + 1);
    n = m;
    for (const p of points) {
      if (p < n && ++delta > MAX_INT) return null;
      if (p !== n) continue;
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
        if (q < t) break;
        out += digit(t + ((q - t) % (BASE - t)));
        q = Math.floor((q - t) / (BASE - t));
      }
      out += digit(q);
      bias = adapt(delta, handled + 1, handled === basic);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return out;
}

/** RFC 3492 decoding of a label; null when it is not valid punycode. */
export function punycodeDecode(input: string): string | null {
  const cut = input.lastIndexOf('-');
  const points: number[] = [];
  for (let j = 0; j < Math.max(cut, 0); j++) {
    const code = input.charCodeAt(j);
    if (code >= 0x80) return null;
    points.push(code);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let at = cut > 0 ? cut + 1 : 0; at < input.length;) {
    const old = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (at >= input.length) return null;
      const d = digitValue(input.charCodeAt(at++));
      if (d >= BASE || d > Math.floor((MAX_INT - i) / w)) return null;
      i += d * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (d < t) break;
      if (w > Math.floor(MAX_INT / (BASE - t))) return null;
      w *= BASE - t;
    }
    const size = points.length + 1;
    bias = adapt(i - old, size, old === 0);
    if (Math.floor(i / size) > MAX_INT - n) return null;
    n += Math.floor(i / size);
    i %= size;
    if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return null;
    points.splice(i++, 0, n);
  }
  return String.fromCodePoint(...points);
}

const LABEL_SEPARATORS = /[.\u3002\uff0e\uff61]/;
const ACE_PREFIX = /^xn--/i;

function domainToAscii(domain: string): string {
  const labels = domain.split(LABEL_SEPARATORS).map((label) => {
    if (/^[\x00-\x7f]*$/.test(label)) return label;
    const encoded = punycodeEncode(label);
    return encoded === null ? null : `xn--${encoded}`;
  });
  return labels.includes(null) ? '' : labels.join('.');
}

function domainToUnicode(domain: string): string {
  const labels = domain
    .split('.')
    .map((label) => (ACE_PREFIX.test(label) ? punycodeDecode(label.slice(4)) : label));
  return labels.includes(null) ? '' : labels.join('.');
}

const orEmpty = (s: string | null) => s ?? '';

export const PUNYCODE_FUNCTIONS: Record<string, ScalarFunction> = {
  punycode_from_string: (c: FunctionCall) => orEmpty(punycodeEncode(argString(c, 0))),
  punycode_to_string: (c: FunctionCall) => orEmpty(punycodeDecode(argString(c, 0))),
  punycode_domain_to_string: (c: FunctionCall) => domainToAscii(argString(c, 0)),
  punycode_domain_from_string: (c: FunctionCall) => domainToUnicode(argString(c, 0)),
};
