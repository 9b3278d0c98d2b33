import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Every process exit goes through the two entry points (cli.ts, main.ts).
      'no-process-exit': 'off',
    },
  },
  // The folder boundaries (README, "Development"); import cycles are checked by dependency-cruiser.
  {
    files: ['src/facts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/policy/**', '**/fixes/**', '**/report/**'],
              message: 'facts/ says what is true: it knows nothing of policy, fixes or reports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/fixes/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/policy/**', '**/report/**', '**/github/**', '**/probe/**', '**/image/**'],
              message: 'fixes/ may import facts/, dockerfile/ and kubernetes/ only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/policy/**', 'src/report/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['node:child_process', 'child_process'],
          patterns: [
            {
              group: ['@actions/*'],
              message: 'policy/ and report/ are pure: the programs (cli, action) do the I/O.',
            },
          ],
        },
      ],
    },
  },
);
