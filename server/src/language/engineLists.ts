/**
 * The engine's .NET-style lists as plain arrays. Kept apart from kustoEngine.ts, which loads the
 * engine and installs the engine tuning, so that the tuning can use it without importing back.
 */

/**
 * Turns a read-only list from the engine (anything with `Count` and `getItem`) into a plain array.
 * Some lists the engine types that way are plain JavaScript arrays at run time (the global state's
 * `Functions` and `Aggregates`), which have neither: those are copied as they are.
 */
export function toArray<T>(list: { readonly Count: number; getItem(i: number): T } | null | undefined): T[] {
  const out: T[] = [];
  if (!list) return out;
  if (Array.isArray(list)) return [...(list as T[])];
  const count = list.Count;
  for (let i = 0; i < count; i++) out.push(list.getItem(i));
  return out;
}
