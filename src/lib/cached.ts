/**
 * The value kept in `cache` for `key`, computed by `compute` the first time it is asked for. For
 * build-time work that every page repeats with the same input (a tag's slug, a simulator's
 * preview, an article's frontmatter): a Map for values, a WeakMap for objects that come and go.
 * What it returns is shared, so it is read and never changed.
 */
interface Cache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

export function cached<K, V>(cache: Cache<K, V>, key: K, compute: (key: K) => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute(key);
    cache.set(key, value);
  }
  return value;
}
