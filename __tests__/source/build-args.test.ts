import { describe, expect, it } from 'vitest';
import type { CommandRunner } from '../../src/source/command.js';
import { buildArgs, Docker, type Builder } from '../../src/source/docker/docker.js';
import type { BuildRequest } from '../../src/source/types.js';

/** The build's argv for each builder, and the builder as `docker buildx inspect` names it. */

const request: BuildRequest = {
  context: '/repo/app',
  dockerfile: '/repo/app/Dockerfile',
  target: 'final',
  buildArgs: { VERSION: '1' },
  platform: 'linux/amd64,linux/arm64',
  pull: true,
  secrets: {},
  secretFiles: {},
  ssh: [],
  tag: 'app:pr-1',
};

const BUILDX_DOCKER: Builder = { kind: 'buildx', name: 'default', driver: 'docker' };
const BUILDX_CONTAINER: Builder = {
  kind: 'buildx',
  name: 'builder-1',
  driver: 'docker-container',
};

describe('the argv of a build', () => {
  it('is buildx build for buildx, loading the result when the driver keeps it in its own cache', () => {
    const common = [
      '--iidfile',
      '/tmp/iid',
      '--tag',
      'app:pr-1',
      '--file',
      '/repo/app/Dockerfile',
      '--target',
      'final',
      '--platform',
      'linux/amd64,linux/arm64',
      '--pull',
      '--build-arg',
      'VERSION=1',
      '/repo/app',
    ];
    expect(buildArgs(request, '/tmp/iid', BUILDX_DOCKER, {})).toEqual([
      'buildx',
      'build',
      ...common,
    ]);
    for (const driver of ['docker-container', 'kubernetes', 'remote', 'cloud']) {
      expect(buildArgs(request, '/tmp/iid', { ...BUILDX_CONTAINER, driver }, {})).toEqual([
        'buildx',
        'build',
        '--load',
        ...common,
      ]);
    }
    expect(
      buildArgs(request, '/tmp/iid', { kind: 'docker-build', buildKitOff: false }, {}),
    ).toEqual(['build', ...common]);
  });

  it('passes each secret as a file and each ssh spec as given, quoting what CSV would split', () => {
    const args = buildArgs(
      { ...request, ssh: ['default', 'git=/keys/a,/keys/b'] },
      '/tmp/iid',
      BUILDX_DOCKER,
      {
        token: '/tmp/secret-0',
        npmrc: '/home/me/my,odd "dir"/.npmrc',
      },
    );
    expect(args.slice(args.indexOf('--secret'), -1)).toEqual([
      '--secret',
      'id=token,src=/tmp/secret-0',
      '--secret',
      'id=npmrc,"src=/home/me/my,odd ""dir""/.npmrc"',
      '--ssh',
      'default',
      '--ssh',
      'git=/keys/a,/keys/b',
    ]);
  });
});

/** `docker buildx inspect` as buildx 0.13 prints it (the docker driver: this machine's Docker 26). */
const INSPECT_DOCKER = `Name:          default
Driver:        docker
Last Activity: 2026-12-07 15:21:30 +0000 UTC

Nodes:
Name:             default
Endpoint:         default
Status:           running
BuildKit version: v0.0.0+unknown
Platforms:        linux/amd64, linux/amd64/v2, linux/amd64/v3, linux/amd64/v4
`;
/** The same for the builder docker/setup-buildx-action creates. */
const INSPECT_CONTAINER = `Name:          builder-5a8c
Driver:        docker-container
Last Activity: 2026-12-07 15:30:02 +0000 UTC

Nodes:
Name:                  builder-5a8c0
Endpoint:              unix:///var/run/docker.sock
Driver Options:        image="moby/buildkit:buildx-stable-1"
Status:                running
`;

function dockerAnswering(inspect: { exitCode: number; stdout: string; stderr: string }) {
  const calls: string[][] = [];
  const runner: CommandRunner = async (_file, args) => {
    calls.push([...args]);
    return { ...inspect, timedOut: false };
  };
  return { docker: new Docker(runner), calls };
}

describe('the builder', () => {
  it('is the current buildx builder and its driver, asked once', async () => {
    const { docker, calls } = dockerAnswering({ exitCode: 0, stdout: INSPECT_DOCKER, stderr: '' });
    expect(await docker.builder()).toEqual(BUILDX_DOCKER);
    await docker.builder();
    expect(calls).toEqual([['buildx', 'inspect']]);
    const container = dockerAnswering({ exitCode: 0, stdout: INSPECT_CONTAINER, stderr: '' });
    expect(await container.docker.builder()).toEqual({
      kind: 'buildx',
      name: 'builder-5a8c',
      driver: 'docker-container',
    });
  });

  it("is docker build when the CLI has no buildx (Debian 12's docker.io 20.10)", async () => {
    const { docker } = dockerAnswering({
      exitCode: 1,
      stdout: '',
      // Its words, on this machine's system engine.
      stderr: "docker: unknown command: docker buildx\n\nRun 'docker --help' for more information",
    });
    expect(await docker.builder()).toEqual({ kind: 'docker-build', buildKitOff: false });
  });
});
