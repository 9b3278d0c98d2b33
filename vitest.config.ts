import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { SECOND_ENGINE_VARIABLES } from './__tests__/helpers/engines.js';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** Tests that need a Docker engine live here; everything else is the unit project. */
const DOCKER_TESTS = ['__tests__/e2e/**/*.test.ts', '__tests__/integration/**/*.test.ts'];

export default defineConfig({
  define: { __NONROOT_GUARD_VERSION__: JSON.stringify(pkg.version) },
  test: {
    reporters: ['default', './__tests__/setup/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        // No Docker, no network: seconds (npm run test:unit).
        test: { name: 'unit', include: ['__tests__/**/*.test.ts'], exclude: DOCKER_TESTS },
      },
      {
        extends: true,
        test: {
          name: 'docker',
          include: DOCKER_TESTS,
          // One engine's suites at a time: they share the registry ports, the private daemon, …
          sequence: { groupOrder: 1 },
          // Docker-backed tests build real images; give them room on a 2-core machine.
          testTimeout: 120_000,
          hookTimeout: 300_000,
          globalSetup: ['__tests__/setup/global.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'docker-26',
          include: DOCKER_TESTS,
          // That file is about the second engine already, and runs in the project above.
          exclude: ['__tests__/e2e/second-engine.test.ts'],
          // The second engine's variables: Docker 26, buildx, the containerd image store.
          env: { ...SECOND_ENGINE_VARIABLES },
          sequence: { groupOrder: 2 },
          testTimeout: 120_000,
          hookTimeout: 300_000,
          globalSetup: ['__tests__/setup/global.ts'],
        },
      },
    ],
  },
});
