/**
 * Keeps `astro dev` running while an article's frontmatter is wrong.
 *
 * Astro's glob loader throws on the first entry that fails the schema (or whose YAML cannot be
 * read) while it loads the collection, which stops the dev server at start-up; a later save is
 * only logged, and the page goes on showing the old text. In dev this wrapper leaves such an
 * entry out of the collection instead (its page and links disappear until it is fixed), and
 * the article's page shows what to fix in Astro's error overlay
 * (src/integrations/article-errors.ts). In a build it changes nothing: the content checks
 * (src/integrations/content-checks.ts) have already stopped it with every mistake listed.
 */
import type { Loader, LoaderContext } from 'astro/loaders';

type EntryType = { getEntryInfo: (params: never) => Promise<{ data: Record<string, unknown>; body: string }> };
/** The glob loader also reads `entryTypes`, which Astro passes along without declaring it. */
type GlobContext = LoaderContext & { entryTypes?: Map<string, EntryType> };

export function keepGoingInDev(loader: Loader, dev = import.meta.env.DEV): Loader {
  if (!dev) return loader;
  return {
    ...loader,
    load: (context: GlobContext) => {
      const broken = new Set<string>();
      const store = new Proxy(context.store, {
        get(target, property, receiver) {
          if (property === 'set')
            return (entry: Parameters<typeof target.set>[0]) => {
              if (!broken.has(entry.id)) return target.set(entry);
              // Leave it out, and drop the version from before the mistake.
              broken.delete(entry.id);
              target.delete(entry.id);
              return false;
            };
          const value: unknown = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
      const entryTypes = context.entryTypes
        ? new Map(
            [...context.entryTypes].map(([extension, type]) => [
              extension,
              {
                ...type,
                // Unreadable YAML: an entry without data, which the schema then refuses.
                getEntryInfo: (params: never) => type.getEntryInfo(params).catch(() => ({ data: {}, body: '' })),
              },
            ]),
          )
        : undefined;
      const tolerant: GlobContext = {
        ...context,
        store,
        ...(entryTypes ? { entryTypes } : {}),
        parseData: async (props) => {
          try {
            return await context.parseData(props);
          } catch {
            broken.add(props.id);
            return props.data;
          }
        },
      };
      return loader.load(tolerant);
    },
  };
}
