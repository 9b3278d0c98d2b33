import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runAction } from '../helpers/action.js';
import { buildImage, FIXTURES } from '../helpers/docker.js';
import { cli } from '../helpers/run.js';

// The entry points start `docker version` and `docker image inspect` before they load the
// check (src/source/docker/early-calls.ts). These tests hold them to it with a `docker` first on
// PATH that logs each call: every call is made once, none is repeated, none is left over.

const IMAGE = 'nonroot-guard-e2e/docker-calls:test';

/** A docker that logs each call's first words, then runs the real one (or hangs on `version`). */
async function loggingDocker(options: { hangOnVersion?: boolean } = {}) {
  const real = execFileSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim();
  const dir = await mkdtemp(join(tmpdir(), 'nonroot-guard-docker-calls-'));
  const log = join(dir, 'calls.log');
  const hang = options.hangOnVersion ? `[ "$1" = version ] && exec sleep 120\n` : '';
  await writeFile(
    join(dir, 'docker'),
    `#!/bin/sh\necho "$1 $2" >> '${log}'\n${hang}exec '${real}' "$@"\n`,
  );
  await chmod(join(dir, 'docker'), 0o755);
  return {
    env: { ...process.env, PATH: `${dir}:${process.env['PATH']}` },
    calls: async () =>
      (await readFile(log, 'utf8').catch(() => ''))
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => (line.split(' ')[0] === 'run' ? 'run' : line)),
  };
}

/**
 * The probe's one container: created, its account files read as the daemon will read them
 * (before anything of the image runs), started attached, removed with its volumes.
 */
const PROBE_CONTAINER = ['create --name', 'cp -L', 'cp -L', 'start --attach', 'rm --force'];

describe.skipIf(!inject('docker'))('docker calls of one check', () => {
  beforeAll(async () => {
    await buildImage(join(FIXTURES, 'images/user-app'), IMAGE);
  });

  it('the CLI: the engine check and the inspect once each, then the probe container', async () => {
    const docker = await loggingDocker();
    const result = await cli(['check', '--image', IMAGE, '--format', 'json'], { env: docker.env });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).probe.status).toBe('ok');
    const calls = await docker.calls();
    expect(calls.slice(0, 2).sort()).toEqual(['image inspect', 'version --format']);
    expect(calls.slice(2)).toEqual(PROBE_CONTAINER);
  });

  it('the action: the same calls', async () => {
    const docker = await loggingDocker();
    const run = await runAction({ image: IMAGE }, { env: { PATH: docker.env.PATH } });
    expect(run.outputs['verdict']).toBe('pass');
    const calls = await docker.calls();
    expect(calls.slice(0, 2).sort()).toEqual(['image inspect', 'version --format']);
    expect(calls.slice(2)).toEqual(PROBE_CONTAINER);
  });

  it('a build: only the engine check starts early; the image is inspected after it is built', async () => {
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
    // The base image's inspect (for the Dockerfile's variables) runs beside the probe.
    const calls = await docker.calls();
    expect(calls.slice(0, 3)).toEqual(['version --format', 'build --iidfile', 'image inspect']);
    expect(calls.slice(3).sort()).toEqual(['image inspect', ...PROBE_CONTAINER].sort());
  });

  it('a usage error exits at once, killing the calls started early even when docker hangs', async () => {
    const docker = await loggingDocker({ hangOnVersion: true });
    const result = await cli(['check', '--image', IMAGE, '--format', 'yaml'], {
      env: docker.env,
      // Under the 30 s the engine check may take: without the kill, node waits for it.
      timeoutMs: 15_000,
    });
    expect(result.code).toBe(2); // not -1: it was not killed by the timeout
    expect(result.stderr.split('\n')[0]).toBe('nonroot-guard: --format: unknown format "yaml"');
    expect((await docker.calls()).sort()).toEqual(['image inspect', 'version --format']);
  });
});
