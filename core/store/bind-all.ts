/**
 * Returns an object holding `part`'s methods (own and inherited) bound to `part`, typed as `T`,
 * so adapters can assemble one `GraphStore` from small per-concern classes:
 * `{ ...bindAll(entities), ...bindAll(rings) }` type-checks that every port method exists.
 */
export function bindAll<T extends object>(part: T): T {
  const out: Record<string, unknown> = {};
  let proto: object | null = Object.getPrototypeOf(part);
  while (proto && proto !== Object.prototype) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor' || name in out) continue;
      const value = (part as Record<string, unknown>)[name];
      if (typeof value === 'function')
        out[name] = (value as (...a: unknown[]) => unknown).bind(part);
    }
    proto = Object.getPrototypeOf(proto);
  }
  return out as T;
}
