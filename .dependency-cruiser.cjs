/**
 * Import cycles, type-only imports included, fail `npm run lint` (dependency-cruiser). The
 * folder boundaries themselves are ESLint's no-restricted-imports (eslint.config.js).
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle ties modules that should stand apart; type-only imports count too.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
  },
};
