import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildImage, docker, FIXTURES } from '../helpers/docker.js';
import { startRegistry, type Registry } from '../helpers/registry.js';
import { cli, STACK_FRAME } from '../helpers/run.js';

// Pull tests against a real registry on loopback: nothing comes from the internet.
describe.skipIf(!inject('docker'))('checking an image from a registry', () => {
  let open: Registry;
  let locked: Registry;
  let ref: string;

  beforeAll(async () => {
    [open, locked] = await Promise.all([startRegistry(5000), startRegistry(5001, { auth: true })]);
    ref = `${open.host}/nonroot-guard/app-uid:1`;
    await buildImage(join(FIXTURES, 'images/app-uid-dotnet-base'), ref);
    await docker('push', ref);
    await docker('image', 'rm', ref);
  });

  afterAll(async () => {
    await Promise.all([open?.stop(), locked?.stop()]);
  });

  it('pulls an image that is not present locally, then checks it', async () => {
    const result = await cli(['check', '--image', ref, '--format', 'json']);
    expect(result.stderr).toContain(`${ref} is not present locally; pulling it`);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.image).toMatchObject({ ref, user: '1654' });
    expect(report.image.repoDigests[0]).toMatch(
      new RegExp(`^${open.host}/nonroot-guard/app-uid@sha256:`),
    );
  });

  it('uses the local copy without pulling, unless --pull', async () => {
    const local = await cli(['check', '--image', ref]);
    expect(local.code).toBe(0);
    expect(local.stderr).not.toContain('pulling');
    const pulled = await cli(['check', '--image', ref, '--pull']);
    expect(pulled.code).toBe(0);
    expect(pulled.stderr).toContain(`Pulling ${ref}`);
  });

  it('says an image is not in its registry', async () => {
    const result = await cli(['check', '--image', `${open.host}/nonroot-guard/missing:1`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `nonroot-guard: image ${open.host}/nonroot-guard/missing:1 is not present locally and could not be pulled: image ${open.host}/nonroot-guard/missing:1 was not found in its registry`,
    );
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it('says a pull was denied and how to log in', async () => {
    const result = await cli([
      'check',
      '--image',
      `${locked.host}/nonroot-guard/private:1`,
      '--pull',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `nonroot-guard: pulling ${locked.host}/nonroot-guard/private:1 was denied`,
    );
    expect(result.stderr).toContain('Fix: Log in to the registry first');
  });
});
