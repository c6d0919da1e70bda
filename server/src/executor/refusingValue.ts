/**
 * An empty object whose every property read, key listing or write calls `refuse`: the value a
 * query holds for something only prepared code may look into (a sketch, a whole real inside a
 * dynamic value), so no other code path can show or take it apart without saying so.
 */
export function refusingValue(refuse: () => never): object {
  return new Proxy(Object.create(null) as object, {
    get: refuse,
    set: refuse,
    has: refuse,
    ownKeys: refuse,
    getOwnPropertyDescriptor: refuse,
    defineProperty: refuse,
    deleteProperty: refuse,
  });
}
