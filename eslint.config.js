// @ts-check
/**
 * ESLint over the whole tree: TypeScript with type information (typescript-eslint's
 * type-checked rules, through the project service), `.astro` components (eslint-plugin-astro:
 * their frontmatter and their <script> blocks), and the Node scripts. Prettier owns formatting.
 *
 * In `.astro` files the type-checked rules are off: typescript-eslint cannot see the types
 * Astro generates (`Astro.props`, `astro:content`), so every use would read as `any`. Those
 * files are type-checked by `astro check` (`npm run check`) instead.
 */
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default defineConfig(
  {
    ignores: [
      'dist/',
      '.astro/',
      '.cache/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'bench-results/',
      '.stryker-tmp/',
      'reports/',
    ],
  },
  tseslint.configs.recommendedTypeChecked,
  astro.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Vitest's asymmetric matchers (`expect.stringContaining(...)`) are typed `any` by design.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['**/*.astro', '**/*.astro/*.ts'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // Plain JavaScript (config files, scripts/): no type information to check against.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
);
