// @ts-check
/**
 * What a throw-away copy of the site needs to build (node_modules is linked, not copied): the
 * build tests' temporary sites (tests/support/temp-site.ts) and `npm run bench`.
 */
export const SITE_FILES = [
  'src',
  'content',
  'public',
  'scripts',
  'collector',
  'astro.config.mjs',
  'package.json',
  'tsconfig.json',
];
