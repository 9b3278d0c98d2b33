import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { Docker } from '../../src/source/docker/docker.js';
import { resolveUser } from '../../src/facts/resolve-user.js';
import { parseAccounts } from '../../src/facts/accounts.js';
import { probeBinary, DEFAULT_PROBE_LIMITS } from '../../src/probe/probe.js';
import { runProbe } from '../../src/source/docker/probe-container.js';
import type { ImageFacts } from '../../src/facts/image.js';
import { buildImage, docker, FIXTURES } from '../helpers/docker.js';

const driver = new Docker();
const IMAGE = 'nonroot-guard-probe-test/setuid-under-root:test';
let image: ImageFacts;

async function facts(ref: string): Promise<ImageFacts> {
  const inspected = await driver.inspect(ref);
  if (!inspected) throw new Error(`${ref} is missing`);
  return inspected;
}

describe.skipIf(!inject('docker'))('the probe on a real engine', () => {
  beforeAll(async () => {
    await buildImage(join(FIXTURES, 'images/setuid-under-root'), IMAGE);
    image = await facts(IMAGE);
  });

  it('finds a setuid file in /root (0700) while running as the image user', async () => {
    const result = await runProbe(driver, image, ['80/tcp', '8080/tcp'], 'amd64');
    if (!result.ok) throw new Error(result.reason);
    const { identity, setid, ports, status } = result.output;
    expect(identity).toMatchObject({
      switched: true,
      uid: 1654,
      gid: 1654,
      name: 'app',
      home: '/home/app',
    });
    expect(setid.items).toEqual([{ path: '/root/hidden-tool', mode: 0o4755, uid: 0, gid: 0 }]);
    expect(ports).toEqual([
      { port: 80, protocol: 'tcp', bindable: false, error: 'EACCES' },
      { port: 8080, protocol: 'tcp', bindable: true, error: null },
    ]);
    expect(status.capEff).toMatch(/^0+$/);
    expect(status.noNewPrivs).toBe(1);
  });

  it('becomes the user exactly as docker run --user does (uid, gid, groups)', async () => {
    // An image where app belongs to two more groups, so supplementary groups are exercised.
    const context = await mkdtemp(join(tmpdir(), 'nonroot-guard-groups-'));
    await writeFile(
      join(context, 'Dockerfile'),
      `FROM ${IMAGE}\nUSER root\nRUN echo 'wheel:x:10:app' >> /etc/group && echo 'audio:x:29:other,app' >> /etc/group\n`,
    );
    const groupsImage = 'nonroot-guard-probe-test/groups:test';
    await buildImage(context, groupsImage);
    const base = await facts(groupsImage);
    const accounts = parseAccounts(await driver.readAccountFiles(groupsImage));
    // The reference is the runtime itself: what a real process gets, from /proc/self/status.
    for (const user of ['1654', 'app', '1654:0', '4242', 'app:root', 'app:audio', '']) {
      const status = await docker(
        'run',
        '--rm',
        '--network=none',
        `--user=${user || '0'}`,
        '--entrypoint=/bin/cat',
        groupsImage,
        '/proc/self/status',
      );
      const field = (name: string) =>
        new RegExp(`^${name}:\\s*(.*)$`, 'm')
          .exec(status)![1]!
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map(Number);
      const reference = {
        uid: field('Uid')[0],
        gid: field('Gid')[0],
        groups: field('Groups').sort((a, b) => a - b),
      };
      if (user === 'app') expect(reference.groups).toEqual([10, 29, 1654]);

      const probed = await runProbe(driver, { ...base, user }, [], 'amd64');
      if (!probed.ok) throw new Error(probed.reason);
      const { uid, gid, groups } = probed.output.identity;
      expect({ uid, gid, groups: [...groups].sort((a, b) => a - b) }, `USER ${user}`).toEqual(
        reference,
      );
      // And the metadata side agrees with both.
      expect(resolveUser(user, accounts), `USER ${user}`).toMatchObject({ uid, gid });
    }
  });

  it('gives the same facts when the binary is copied in instead of bind-mounted', async () => {
    const mounted = await runProbe(driver, image, [], 'amd64', { transfer: 'mount' });
    const copied = await runProbe(driver, image, [], 'amd64', { transfer: 'copy' });
    if (!mounted.ok || !copied.ok) throw new Error('a probe run failed');
    expect(copied.transfer).toBe('copy');
    const strip = (output: typeof mounted.output) => ({
      ...output,
      walk: { ...output.walk, elapsedMs: 0 },
    });
    expect(strip(copied.output)).toEqual(strip(mounted.output));
  });

  it('stops a probe that runs too long and leaves no container behind', async () => {
    const result = await runProbe(driver, image, [], 'amd64', {
      limits: { ...DEFAULT_PROBE_LIMITS, timeoutMs: 50 },
    });
    expect(result).toMatchObject({
      ok: false,
      reason: 'the probe did not finish within 0.05 s and was stopped',
    });
    // Other tests run probes at the same time: look for this probe's container only.
    if (result.ok) throw new Error('the probe should have timed out');
    expect(result.container).toMatch(/^nonroot-guard-probe-[0-9a-f]{12}$/);
    const left = await docker('ps', '--all', '--quiet', '--filter', `name=^/${result.container}$`);
    expect(left.trim()).toBe('');
  });

  it('says so when the probe cannot execute (a binary for another architecture)', async () => {
    const result = await runProbe(driver, image, [], 'amd64', { binary: probeBinary('arm64') });
    expect(result).toMatchObject({
      ok: false,
      reason: 'the probe cannot execute in this container (exec format error) on this amd64 engine',
    });
  });

  it('runs in an image that has no /etc/passwd at all', async () => {
    const context = await mkdtemp(join(tmpdir(), 'nonroot-guard-bare-'));
    await writeFile(join(context, 'app'), 'not even a program');
    await writeFile(join(context, 'Dockerfile'), 'FROM scratch\nCOPY app /app/app\n');
    const tag = 'nonroot-guard-probe-test/bare:test';
    await buildImage(context, tag);
    const bare = await facts(tag);
    const result = await runProbe(driver, { ...bare, user: '1654' }, [], 'amd64');
    if (!result.ok) throw new Error(result.reason);
    expect(result.output.identity).toMatchObject({
      uid: 1654,
      gid: 0,
      switched: true,
      name: null,
      passwd: 'missing',
      group: 'missing',
    });
  });
});
