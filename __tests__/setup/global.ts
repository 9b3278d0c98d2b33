import type { TestProject } from 'vitest/node';
import { buildBases, dockerAnswers } from '../helpers/docker.js';
import { SECOND_ENGINE } from '../helpers/engines.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A Docker daemon answers and the fixture base images are built. */
    docker: boolean;
    /** The second engine (scripts/second-engine.sh) answers and has the busybox-made bases. */
    secondEngine: boolean;
  }
}

/**
 * Docker-backed tests need a real engine. Under CI=true its absence is a
 * failure, never a skip: a skipped test proves nothing.
 */
export default async function setup(project: TestProject): Promise<void> {
  // A project of the suites on another engine sets that engine's variables (vitest.config.ts).
  const projectEnv = project.config.env as Record<string, string> | undefined;
  const env = projectEnv?.['DOCKER_HOST'] ? { ...process.env, ...projectEnv } : undefined;
  if (!(await dockerAnswers(env))) {
    if (process.env['CI'] === 'true') {
      throw new Error(
        'CI=true but no Docker daemon answers: the Docker-backed tests cannot run. .ci/run starts dockerd; check its log.',
      );
    }
    console.warn(
      'No Docker daemon answers: Docker-backed tests are skipped (under CI=true they fail).',
    );
    project.provide('docker', false);
    return;
  }
  await buildBases(env);
  project.provide('docker', true);
  // The second engine's own tests run in the system engine's project.
  if (env) {
    project.provide('secondEngine', false);
    return;
  }
  if (!(await dockerAnswers(SECOND_ENGINE.env))) {
    if (process.env['CI'] === 'true') {
      throw new Error(
        `CI=true but the second engine (${SECOND_ENGINE.name}) does not answer: .ci/run starts it with scripts/second-engine.sh; check /tmp/nonroot-guard-engine-26.log.`,
      );
    }
    console.warn(
      'The second engine does not answer (scripts/second-engine.sh install && scripts/second-engine.sh start): its tests are skipped (under CI=true they fail).',
    );
    project.provide('secondEngine', false);
    return;
  }
  await buildBases(SECOND_ENGINE.env);
  project.provide('secondEngine', true);
}
