import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { REPO_ROOT } from './docker.js';

/** An engine the Docker-backed tests run on, and the environment that points docker at it. */
export interface Engine {
  name: string;
  env: NodeJS.ProcessEnv;
}

/** The variables that point docker at the second engine, as scripts/second-engine.sh prints them. */
export const SECOND_ENGINE_VARIABLES: Readonly<Record<string, string>> = (() => {
  const printed = execFileSync('bash', [join(REPO_ROOT, 'scripts/second-engine.sh'), 'env'], {
    encoding: 'utf8',
  });
  return Object.fromEntries(
    printed
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
})();

/**
 * The second engine .ci/run starts (scripts/second-engine.sh): Docker 26 with buildx
 * (BuildKit) and the containerd image store.
 */
export const SECOND_ENGINE: Engine = {
  name: 'Docker 26 (BuildKit, containerd image store)',
  env: { ...process.env, ...SECOND_ENGINE_VARIABLES },
};

/** Whether the engine this test run talks to builds with BuildKit through buildx (`docker build` is buildx then). */
export const HAS_BUILDX: boolean = await promisify(execFile)('docker', ['buildx', 'version']).then(
  () => true,
  () => false,
);

/** Whether that engine keeps images in the containerd image store (a tag can hold several platforms). */
export const CONTAINERD_STORE: boolean = await promisify(execFile)('docker', [
  'info',
  '--format',
  '{{json .DriverStatus}}',
]).then(
  ({ stdout }) => stdout.includes('io.containerd.snapshotter'),
  () => false,
);
