import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckError } from '../../src/shared/errors.js';
import { Docker } from '../../src/source/docker/docker.js';
import { API_PATHS, apiRequest, localEngineSocket } from '../../src/source/docker/engine-api.js';
import { EarlyCalls, startEarlyCalls } from '../../src/source/docker/early-calls.js';

/**
 * The Engine API client on a unix socket served here (real HTTP over a real socket); the
 * real engines answer it in every e2e and integration test, whose CLI talks to a local socket.
 */

const dir = mkdtempSync(join(tmpdir(), 'nonroot-guard-engine-api-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the socket the docker CLI would use', () => {
  const config = (currentContext: string | null) => {
    const configDir = mkdtempSync(join(dir, 'config-'));
    if (currentContext !== null)
      writeFileSync(join(configDir, 'config.json'), JSON.stringify({ currentContext }));
    return configDir;
  };

  it.each([
    ['nothing set: the default socket', {}, '/var/run/docker.sock'],
    [
      'DOCKER_HOST unix://',
      { DOCKER_HOST: 'unix:///run/user/1000/docker.sock' },
      '/run/user/1000/docker.sock',
    ],
    ['DOCKER_HOST tcp://', { DOCKER_HOST: 'tcp://10.0.0.1:2376' }, null],
    ['DOCKER_HOST ssh://', { DOCKER_HOST: 'ssh://me@builder' }, null],
    ['a context by DOCKER_CONTEXT', { DOCKER_CONTEXT: 'remote' }, null],
    ['DOCKER_CONTEXT=default', { DOCKER_CONTEXT: 'default' }, '/var/run/docker.sock'],
  ])('%s', (_, env, socket) => {
    expect(localEngineSocket({ DOCKER_CONFIG: config(null), ...env })).toBe(socket);
  });

  it("follows the CLI's config.json: a current context other than default is the CLI's to reach", () => {
    expect(localEngineSocket({ DOCKER_CONFIG: config('desktop-linux') })).toBeNull();
    expect(localEngineSocket({ DOCKER_CONFIG: config('default') })).toBe('/var/run/docker.sock');
    // DOCKER_HOST wins over the config, as in the CLI.
    expect(
      localEngineSocket({ DOCKER_CONFIG: config('desktop-linux'), DOCKER_HOST: 'unix:///s' }),
    ).toBe('/s');
  });
});

/** A stand-in engine on a unix socket: each path's status and body, and every request seen. */
let server: Server;
const socket = join(dir, 'engine.sock');
const seen: string[] = [];
const answers = new Map<string, { status: number; body: string; delayMs?: number }>();

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(request.url ?? '');
    const answer = answers.get(request.url ?? '') ?? {
      status: 404,
      body: '{"message":"page not found"}',
    };
    setTimeout(() => {
      response.writeHead(answer.status, { 'Content-Type': 'application/json' });
      response.end(answer.body);
    }, answer.delayMs ?? 0);
  });
  await new Promise<void>((done) => server.listen(socket, done));
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const VERSION = JSON.stringify({
  Os: 'linux',
  Arch: 'arm64',
  Version: '26.1.5+dfsg1',
  ApiVersion: '1.45',
});
const INFO_CONTAINERD = JSON.stringify({
  DriverStatus: [['driver-type', 'io.containerd.snapshotter.v1']],
});
const INSPECT = JSON.stringify({
  Id: 'sha256:ab',
  Os: 'linux',
  Architecture: 'arm64',
  Config: { User: '1654' },
});

describe('the Engine API client', () => {
  it('answers the engine, its image store and an inspect without starting a process', async () => {
    answers.set('/version', { status: 200, body: VERSION });
    answers.set('/info', { status: 200, body: INFO_CONTAINERD });
    answers.set('/images/registry.example:5000/app:1/json?manifests=1', {
      status: 200,
      body: INSPECT,
    });
    const docker = new Docker(
      async () => {
        throw new Error('no docker process may start');
      },
      'docker',
      undefined,
      socket,
    );
    expect(await docker.engine()).toEqual({ os: 'linux', arch: 'arm64', version: '26.1.5+dfsg1' });
    expect(await docker.imageStore()).toBe('containerd');
    expect(await docker.inspect('registry.example:5000/app:1')).toMatchObject({
      id: 'sha256:ab',
      platform: 'linux/arm64',
      user: '1654',
    });
    expect(await docker.inspect('missing:1')).toBeNull();
  });

  it('takes the requests the entry point started, once each', async () => {
    answers.set('/version', { status: 200, body: VERSION });
    answers.set('/info', {
      status: 200,
      body: '{"DriverStatus":[["Backing Filesystem","extfs"]]}',
    });
    answers.set('/images/app:1/json?manifests=1', { status: 200, body: INSPECT });
    seen.length = 0;
    const early = startEarlyCalls({ existingImage: 'app:1' }, new EarlyCalls(), socket);
    const docker = new Docker(undefined, 'docker', early, socket);
    await docker.engine();
    expect(await docker.imageStore()).toBe('classic');
    await docker.inspect('app:1');
    expect(seen.sort()).toEqual(['/images/app:1/json?manifests=1', '/info', '/version']);
    await docker.inspect('app:1');
    expect(seen).toHaveLength(4);
  });

  it('names the cause when the engine is not there, not Linux, or answers an error', async () => {
    const missing = new Docker(undefined, 'docker', undefined, join(dir, 'no-such.sock'));
    const error = (await missing.engine().catch((caught: unknown) => caught)) as CheckError;
    expect(error).toBeInstanceOf(CheckError);
    expect(error.message).toBe(
      `the Docker daemon is not answering: Cannot connect to the Docker daemon at unix://${join(dir, 'no-such.sock')} (ENOENT)`,
    );
    expect(error.hint).toMatch(/^Start the Docker daemon/);

    answers.set('/version', {
      status: 200,
      body: JSON.stringify({ Os: 'windows', Arch: 'amd64' }),
    });
    answers.set('/info', { status: 200, body: '{}' });
    const windows = new Docker(undefined, 'docker', undefined, socket);
    await expect(windows.engine()).rejects.toThrow(
      'the Docker engine runs windows containers; nonroot-guard checks Linux images',
    );

    answers.set('/images/broken:1/json?manifests=1', {
      status: 500,
      body: '{"message":"layer does not exist"}',
    });
    await expect(windows.inspect('broken:1')).rejects.toThrow(
      'docker image inspect broken:1 failed: layer does not exist',
    );
  });

  it('gives up on an engine that does not answer in time, and on an endless answer', async () => {
    answers.set('/slow', { status: 200, body: '{}', delayMs: 2000 });
    expect(await apiRequest(socket, '/slow', { timeoutMs: 100 })).toMatchObject({
      ok: false,
      code: 'ETIMEDOUT',
    });
    answers.set('/huge', { status: 200, body: 'x'.repeat(33 * 1024 * 1024) });
    expect(await apiRequest(socket, '/huge', { timeoutMs: 30_000 })).toMatchObject({
      ok: false,
      message: "the engine's answer to /huge is over 33554432 bytes",
    });
  });

  it('puts a reference in the path as the docker CLI does', () => {
    expect(API_PATHS.inspect('registry.example:5000/team/app@sha256:00')).toBe(
      '/images/registry.example:5000/team/app@sha256:00/json?manifests=1',
    );
    expect(API_PATHS.inspect('odd?name#x')).toBe('/images/odd%3Fname%23x/json?manifests=1');
  });
});
