/**
 * `compute`, remembered per string key: for pure functions called once per column or name with
 * few distinct arguments. The cache is dropped whole when it reaches `limit` entries, so memory
 * stays bounded on any schema.
 */
export function remembered<V>(limit: number, compute: (key: string) => V): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= limit) cache.clear();
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}
