// Replaced at bundle time with package.json's version (scripts/build.mjs, vitest.config.ts).
declare const __NONROOT_GUARD_VERSION__: string | undefined;

export const VERSION: string =
  typeof __NONROOT_GUARD_VERSION__ === 'string' ? __NONROOT_GUARD_VERSION__ : '0.0.0-dev';
