import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const SOURCE_FILES = '{ts,tsx,mts,cts,js,mjs,cjs,jsx}'
const DEPTHS = 10
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Import boundaries between the top-level folders, for files at every depth below `folder`. A
 * relative import reaches another top-level folder with exactly as many `../` as the file is deep
 * (site/lib/x.ts: `../../cms/…`), so `./cms` and `../lib/cms` inside site/ stay allowed; bare
 * `cms/…` (tsconfig baseUrl) is caught too. `allowOnly` instead forbids everything but relative
 * imports that stay inside the folder (no packages, no node: modules).
 */
function boundary(folder, { forbidden = [], allowOnly = false, extra = [], message }) {
  const targets = forbidden.map(escape).join('|')
  return Array.from({ length: DEPTHS }, (_, level) => {
    const up = `(\\.\\./){${level + 1}}`
    const patterns = allowOnly
      ? [
          // Relative paths that stay inside `folder`: `./x`, and at most `level` steps up.
          {
            regex:
              level === 0 ? '^(?!\\./(?!\\.\\./))' : `^(?!(\\./|(\\.\\./){1,${level}})(?!\\.\\./))`,
            caseSensitive: true,
            message,
          },
        ]
      : [
          { regex: `^${up}(${targets})(/|$)`, caseSensitive: true, message },
          { regex: `^(${targets})(/|$)`, caseSensitive: true, message },
          ...extra.map((name) => ({ regex: `^${escape(name)}$`, caseSensitive: true, message })),
        ]
    return {
      name: `boundaries/${folder}/depth-${level + 1}`,
      files: [`${folder}/${'*/'.repeat(level)}*.${SOURCE_FILES}`],
      rules: { 'no-restricted-imports': ['error', { patterns }] },
    }
  })
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'data/',
      '.astro/',
      '.tmp/',
      'cms/.next/',
      'cms/payload-types.ts',
      'cms/migrations/',
      'cms/app/(payload)/admin/importMap.js',
      'cms/next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  // The site only reads the CMS over HTTP; shared shapes live in contract/.
  ...boundary('site', {
    forbidden: ['cms'],
    extra: ['@payload-config'],
    message: 'site/ must not import cms/: share types and constants through contract/.',
  }),
  ...boundary('cms', {
    forbidden: ['site'],
    message: 'cms/ must not import site/: share types and constants through contract/.',
  }),
  // Benchmarks and commands must not depend on tests; shared helpers live in scripts/lib/.
  ...boundary('scripts', {
    forbidden: ['tests'],
    message: 'scripts/ must not import tests/: move what both use to scripts/lib/.',
  }),
  // The contract is dependency-free: every side imports it, the island without runtime cost.
  ...boundary('contract', {
    allowOnly: true,
    message: 'contract/ imports nothing but contract/ (no packages, no other folders).',
  }),
)
