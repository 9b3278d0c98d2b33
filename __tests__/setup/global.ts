import type { TestProject } from 'vitest/node';
import { buildBases, dockerAnswers } from '../helpers/docker.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A Docker daemon answers and the fixture base images are built. */
    docker: boolean;
  }
}

/**
 * Docker-backed tests need a real engine. Under CI=true its absence is a
 * failure, never a skip: a skipped test proves nothing.
 */
export default async function setup(project: TestProject): Promise<void> {
  if (!(await dockerAnswers())) {
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
  await buildBases();
  project.provide('docker', true);
}
