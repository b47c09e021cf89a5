// Type-aware lint (typescript-eslint's recommended rules with type information), run by `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // scripts/toolchains/ is a user's project, type-checked by the toolchain matrix's own tsc runs
  { ignores: ['node_modules/', 'dist/', '.build/', 'coverage/', 'bench/', 'scripts/toolchains/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.mjs', '__tests__/helpers/*.js', '__tests__/exports/*.cjs', 'examples/*.js'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // dependencies point one way (STYLE.md): marshalling only converts, so it never imports the rules;
    // expressions and errors import nothing of ours but each other
    files: ['lib/marshalling/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['../validation/*', '../repository/*', '../requests/*'] }],
    },
  },
  {
    files: ['lib/expressions/**/*.ts', 'lib/errors/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['../validation/*', '../marshalling/*', '../repository/*', '../requests/*', '../schema/*'] },
      ],
    },
  },
  {
    // tests use `async () => ...` on purpose: a synchronous throw then becomes a rejection to assert on
    // and jest's asymmetric matchers (expect.any, expect.stringMatching) are typed any
    files: ['__tests__/**/*.ts'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
  },
);
