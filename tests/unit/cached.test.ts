/** src/lib/cached.ts: what the build computes once and shares (tag slugs, previews, frontmatter). */
import { describe, expect, it } from 'vitest';
import { cached } from '../../src/lib/cached';

describe('cached', () => {
  it('computes a key once and returns the same value after', () => {
    const cache = new Map<string, { slug: string }>();
    let computed = 0;
    const slug = (key: string) => ({ slug: `${key}-${++computed}` });
    const first = cached(cache, 'billing', slug);
    expect(cached(cache, 'billing', slug)).toBe(first);
    expect(first.slug).toBe('billing-1');
    expect(cached(cache, 'domains', slug).slug).toBe('domains-2');
  });

  it('keys a WeakMap by the object itself', () => {
    const cache = new WeakMap<object, number>();
    const a = {};
    expect(cached(cache, a, () => 1)).toBe(1);
    expect(cached(cache, a, () => 2)).toBe(1);
    expect(cached(cache, {}, () => 3)).toBe(3);
  });
});
