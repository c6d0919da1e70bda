/**
 * A GUID derived from text, for a Sentinel rule made from a detection whose id is not a GUID.
 * The same detection converts to the same rule id every time, so converting again replaces the
 * earlier rule instead of adding one; pure modules have no random source or clock to draw on.
 * Four 32-bit FNV-1a hashes with different seeds fill the 128 bits, shaped as an RFC 9562
 * version 8 (custom) UUID.
 */
export function stableGuid(text: string): string {
  const words = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((seed) => fnv1a(text, seed));
  const hex = words.map((w) => w.toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
