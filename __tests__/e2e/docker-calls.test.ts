import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runAction } from '../helpers/action.js';
import { buildImage, FIXTURES } from '../helpers/docker.js';
import { engineTrace } from '../helpers/engine-trace.js';
import { loggingDocker } from '../helpers/logging-docker.js';
import { CONTAINERD_STORE, HAS_BUILDX } from '../helpers/engines.js';
import { cli } from '../helpers/run.js';

// On a local socket a check talks to the engine only through the Engine API: the engine,
// its image store and the image's inspect (started before the code loads, see
// src/source/docker/early-calls.ts), then the probe's container from create to removal
// (src/source/docker/api-container.ts) and, on the containerd store, the platform listing:
// no docker process at all. Through a docker context (or tcp, ssh) every one of these is a
// docker call: `docker version`, `docker info`, `docker image inspect`, the container's five
// and `docker save`. These tests hold them to it with a `docker` first on PATH that logs each
// call: every call is made once, none is repeated, none is left over. A build goes through
// buildx where the CLI has it.

const IMAGE = 'nonroot-guard-e2e/docker-calls:test';

/**
 * The probe's one container: created, its account files read as the daemon will read them
 * (before anything of the image runs), started attached, removed with its volumes.
 */
const PROBE_CONTAINER = ['create --name', 'cp -L', 'cp -L', 'start --attach', 'rm --force'];

const EARLY = ['image inspect', 'info --format', 'version --format'];

/** Through the CLI, the calls after the early ones: the probe's container in order, and the platform listing beside it. */
function expectProbeAndListing(calls: string[]) {
  expect(calls.filter((call) => call !== 'save --')).toEqual(PROBE_CONTAINER);
  expect(calls.filter((call) => call === 'save --')).toHaveLength(CONTAINERD_STORE ? 1 : 0);
}

describe.skipIf(!inject('docker'))('docker calls of one check', () => {
  beforeAll(async () => {
    await buildImage(join(FIXTURES, 'images/user-app'), IMAGE);
  });

  it('the CLI: no docker process at all on a local socket', async () => {
    const docker = await loggingDocker();
    const result = await cli(['check', '--image', IMAGE, '--format', 'json'], { env: docker.env });
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report.probe.status).toBe('ok');
    expect(await docker.calls()).toEqual([]);
  });

  it("the CLI's requests: the account files' stat before the start, their content from the probe", async () => {
    const trace = await engineTrace();
    try {
      const result = await cli(['check', '--image', IMAGE, '--format', 'json'], {
        env: { ...process.env, DOCKER_HOST: trace.host },
      });
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout).probe.status).toBe('ok');
      const requests = trace.requests();
      expect(requests.slice(0, 3).sort()).toEqual([
        'GET /images/json',
        'GET /info',
        'GET /version',
      ]);
      // The platform listing (containerd store) goes beside the probe's container.
      const listing = requests.filter((request) => request === 'GET /images/get');
      expect(listing).toHaveLength(CONTAINERD_STORE ? 1 : 0);
      // Regular account files the probe printed are not fetched again: a GET of the
      // archive costs the daemon a process of its own (55–120 ms on Docker 20.10).
      expect(requests.slice(3).filter((request) => request !== 'GET /images/get')).toEqual([
        'POST /containers/create',
        'HEAD /containers/archive',
        'HEAD /containers/archive',
        'POST /containers/attach',
        // The wait for the exit goes before the start, as docker run's: its answer then
        // comes with the exit instead of a round trip after it.
        'POST /containers/wait',
        'POST /containers/start',
        'DELETE /containers',
      ]);
    } finally {
      await trace.close();
    }
  });

  it('the action: no docker process either', async () => {
    const docker = await loggingDocker();
    const run = await runAction({ image: IMAGE }, { env: { PATH: docker.env.PATH } });
    expect(run.outputs['verdict']).toBe('pass');
    expect(await docker.calls()).toEqual([]);
  });

  it('through a docker context: the engine check, the store and the inspect once each, by docker', async () => {
    const docker = await loggingDocker();
    const env = await throughContext(docker.env);
    const result = await cli(['check', '--image', IMAGE, '--format', 'json'], { env });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).probe.status).toBe('ok');
    const calls = await docker.calls();
    expect(calls.slice(0, 3).sort()).toEqual(EARLY);
    expectProbeAndListing(calls.slice(3));
  });

  it("a build: the build is docker's, the rest requests", async () => {
    const docker = await loggingDocker();
    const result = await cli(
      [
        'check',
        '--image',
        IMAGE,
        '--context',
        join(FIXTURES, 'images/user-app'),
        '--format',
        'json',
      ],
      { env: docker.env },
    );
    expect(result.code).toBe(0);
    // The built image's inspect, and its base's (for the Dockerfile's variables), are requests,
    // and so is all of the probe's container; buildx inspect asks for the builder (and, without
    // buildx, finds there is none).
    expect(await docker.calls()).toEqual([
      'buildx inspect',
      HAS_BUILDX ? 'buildx build' : 'build --iidfile',
    ]);
  });

  it('a usage error exits at once, killing the calls started early even when docker hangs', async () => {
    const docker = await loggingDocker({ hangOnVersion: true });
    const result = await cli(['check', '--image', IMAGE, '--format', 'yaml'], {
      env: await throughContext(docker.env),
      // Under the 30 s the engine check may take: without the kill, node waits for it.
      timeoutMs: 15_000,
    });
    expect(result.code).toBe(2); // not -1: it was not killed by the timeout
    expect(result.stderr.split('\n')[0]).toBe('nonroot-guard: --format: unknown format "yaml"');
    expect((await docker.calls()).sort()).toEqual(EARLY);
  });

  it('a usage error exits at once, dropping the requests started early even when the engine hangs', async () => {
    // An engine socket that accepts and never answers.
    const dir = await mkdtemp(join(tmpdir(), 'nonroot-guard-hung-engine-'));
    const socket = join(dir, 'engine.sock');
    const hung = createServer(() => {});
    await new Promise<void>((done) => hung.listen(socket, done));
    try {
      const result = await cli(['check', '--image', IMAGE, '--format', 'yaml'], {
        env: { ...process.env, DOCKER_HOST: `unix://${socket}` },
        timeoutMs: 15_000,
      });
      expect(result.code).toBe(2);
      expect(result.stderr.split('\n')[0]).toBe('nonroot-guard: --format: unknown format "yaml"');
    } finally {
      hung.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/**
 * The same engine through a docker context (a config directory of its own, its current
 * context pointing at the engine's socket): the docker CLI's to reach, so the check asks docker.
 */
async function throughContext(env: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> {
  const host = process.env['DOCKER_HOST'] ?? 'unix:///var/run/docker.sock';
  const config = await mkdtemp(join(tmpdir(), 'nonroot-guard-context-'));
  const rest: NodeJS.ProcessEnv = { ...env, DOCKER_CONFIG: config };
  delete rest['DOCKER_HOST'];
  // Made with the docker of this run's PATH, not the logging one.
  const setup = { env: { ...rest, PATH: process.env['PATH'] }, stdio: 'ignore' } as const;
  execFileSync(
    'docker',
    ['context', 'create', 'nonroot-guard-test', '--docker', `host=${host}`],
    setup,
  );
  execFileSync('docker', ['context', 'use', 'nonroot-guard-test'], setup);
  return rest;
}
