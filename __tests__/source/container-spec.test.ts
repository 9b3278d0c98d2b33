import { describe, expect, it } from 'vitest';
import { DEFAULT_PROBE_LIMITS } from '../../src/probe/probe.js';
import { createArgs, createRequest, memoryBytes } from '../../src/source/docker/container-spec.js';

// The two renderings are held to make the same container by the engine itself
// (__tests__/integration/engine-transport.test.ts); here, what each says of the spec.

const spec = {
  name: 'nonroot-guard-probe-0a1b2c3d4e5f',
  image: `sha256:${'ab'.repeat(32)}`,
  platform: 'linux/arm64',
  entrypoint: '/.nonroot-guard-probe-00ff',
  args: ['--user', 'app'],
  limits: DEFAULT_PROBE_LIMITS,
  mountSource: '/opt/probe/linux-amd64',
};

describe('the probe container, rendered', () => {
  it.each([
    ['256m', 268435456],
    ['1g', 1073741824],
    ['512k', 524288],
    ['4096', 4096],
  ])('reads the memory limit %s as %d bytes, as the docker CLI does', (limit, bytes) => {
    expect(memoryBytes(limit)).toBe(bytes);
  });

  it('refuses a memory limit it cannot read rather than send no limit', () => {
    expect(() => memoryBytes('lots')).toThrow('not a memory limit: lots');
  });

  it('names the platform, the image and the probe in both', () => {
    expect(createArgs(spec).slice(-4)).toEqual([
      '--platform=linux/arm64',
      spec.image,
      '--user',
      'app',
    ]);
    expect(createArgs(spec)).toContain(
      '--mount=type=bind,source=/opt/probe/linux-amd64,target=/.nonroot-guard-probe-00ff,readonly',
    );
    const { path, body } = createRequest(spec);
    expect(path).toBe(
      '/containers/create?name=nonroot-guard-probe-0a1b2c3d4e5f&platform=linux%2Farm64',
    );
    expect(body).toMatchObject({
      Image: spec.image,
      Entrypoint: [spec.entrypoint],
      Cmd: spec.args,
    });
  });

  it('mounts nothing when the probe is copied in', () => {
    const copied = { ...spec, mountSource: undefined, platform: undefined };
    expect(createArgs(copied).some((arg) => arg.startsWith('--mount'))).toBe(false);
    expect(createRequest(copied).path).toBe(
      '/containers/create?name=nonroot-guard-probe-0a1b2c3d4e5f',
    );
    expect(createRequest(copied).body).not.toHaveProperty('HostConfig.Mounts');
  });
});
