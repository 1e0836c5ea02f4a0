// Lint: TypeScript's recommended rules, plus a size budget that keeps files and functions small.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/e2e/node_modules/**', 'test/e2e/.state/**', '**/*.js', '**/*.mjs', '**/*.cjs', '.hslist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // The seam between the language and the rest: everything outside grammar/ imports its package entry,
    // never a file of it (its own internals' tests and benchmark excepted).
    files: ['server/**/*.ts', 'client/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    ignores: ['test/property/grammar-*.ts', 'bench/grammar.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/grammar/src', '**/grammar/src/*'], message: 'Import the language through its package: @hslist/grammar.' }] }],
    },
  },
);
