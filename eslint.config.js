import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Only source/ starts processes: the docker CLI and the user's build command. */
const PROCESSES = {
  paths: ['node:child_process', 'child_process'],
  patterns: [
    {
      group: ['@actions/exec'],
      message: "Only source/ starts processes (the docker CLI and the user's build command).",
    },
  ],
};

/** One no-restricted-imports block per folder: the folders it may not import, and the process rule. */
function boundaries(blocks) {
  return blocks.map(({ files, ignores, folders, message, actions }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: PROCESSES.paths,
          patterns: [
            ...PROCESSES.patterns,
            ...(folders.length > 0
              ? [{ group: folders.map((folder) => `**/${folder}/**`), message }]
              : []),
            ...(actions ? [{ group: ['@actions/*'], message }] : []),
          ],
        },
      ],
    },
  }));
}

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
  // ESLint replaces a rule's options rather than merging them, so each block repeats the
  // process rule (only source/ runs processes) beside its own folders.
  ...boundaries([
    {
      files: ['src/**'],
      ignores: ['src/source/**'],
      folders: [],
      message: '',
    },
    {
      files: ['src/facts/**'],
      folders: ['policy', 'fixes', 'report', 'source', 'check', 'cli', 'action', 'github'],
      message:
        'facts/ says what is true: it knows nothing of policy, fixes, reports or where the image came from.',
    },
    {
      files: ['src/fixes/**'],
      folders: [
        'policy',
        'report',
        'github',
        'probe',
        'source',
        'check',
        'cli',
        'action',
        'options',
      ],
      message: 'fixes/ may import facts/, dockerfile/ and kubernetes/ only.',
    },
    {
      files: ['src/policy/**', 'src/report/**'],
      folders: ['source', 'check', 'cli', 'action'],
      actions: true,
      message: 'policy/ and report/ are pure: the programs (cli, action) do the I/O.',
    },
  ]),
);
