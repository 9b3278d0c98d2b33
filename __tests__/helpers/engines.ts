import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './docker.js';

/** An engine the Docker-backed tests run on, and the environment that points docker at it. */
export interface Engine {
  name: string;
  env: NodeJS.ProcessEnv;
}

/** The system's engine (Docker 20.10 on Debian 12, the legacy builder): this process's environment. */
export const SYSTEM_ENGINE: Engine = { name: 'system engine', env: process.env };

/**
 * The second engine .ci/run starts (scripts/second-engine.sh): Docker 26 with buildx
 * (BuildKit) and the containerd image store. Its variables come from the script itself.
 */
export const SECOND_ENGINE: Engine = {
  name: 'Docker 26 (BuildKit, containerd image store)',
  env: {
    ...process.env,
    ...Object.fromEntries(
      execFileSync('bash', [join(REPO_ROOT, 'scripts/second-engine.sh'), 'env'], {
        encoding: 'utf8',
      })
        .trim()
        .split('\n')
        .map((line) => {
          const eq = line.indexOf('=');
          return [line.slice(0, eq), line.slice(eq + 1)];
        }),
    ),
  },
};
