import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default defineConfig({
  define: { __NONROOT_GUARD_VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['__tests__/**/*.test.ts'],
    // Docker-backed tests build real images; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    globalSetup: ['__tests__/setup/global.ts'],
    reporters: ['default', './__tests__/setup/summary-reporter.ts'],
  },
});
