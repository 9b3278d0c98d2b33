import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_PROBE_LIMITS } from '../../src/probe/probe.js';
import { runCommand } from '../../src/source/command.js';
import type { ProbeContainerSpec } from '../../src/source/docker/container-spec.js';
import { Docker } from '../../src/source/docker/docker.js';
import { localEngineSocket } from '../../src/source/docker/engine-api.js';
import { buildImage, docker, REPO_ROOT } from '../helpers/docker.js';

/**
 * The probe's container two ways, on this run's engine: through the docker CLI (what an
 * engine behind a context, tcp or ssh gets) and through the Engine API on the local socket
 * (what the CLI and the action use when the CLI would use that socket). Both must make the
 * same container, read the same files and report the same outcome, which the engine itself
 * shows: its inspect of the two containers, and the files as they are in the image.
 */

const socket = localEngineSocket();
const cli = new Docker();
const api = new Docker(runCommand, 'docker', undefined, socket);
const IMAGE = 'nonroot-guard-transport/files:test';
const PROBE = join(REPO_ROOT, 'dist/probe/linux-amd64');
let imageId = '';
const made: string[] = [];

const spec = (name: string, args: string[] = ['--version']): ProbeContainerSpec => ({
  name,
  image: imageId,
  entrypoint: '/.nonroot-guard-probe-0123456789abcdef',
  args,
  limits: DEFAULT_PROBE_LIMITS,
  mountSource: PROBE,
});

const fresh = (what: string) => {
  const name = `nonroot-guard-transport-${what}-${Math.random().toString(16).slice(2, 10)}`;
  made.push(name);
  return name;
};

/** null for an empty list or object, so that [] and {} equal an absent value. */
function unempty(record: Record<string, unknown>): Record<string, unknown> {
  const empty = (value: unknown) =>
    value !== null && typeof value === 'object' && Object.keys(value).length === 0;
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, empty(value) ? null : value]),
  );
}

async function created(driver: Docker, container: ProbeContainerSpec): Promise<void> {
  const result = await driver.createContainer(container, 60_000);
  if (result.exitCode !== 0) throw new Error(result.stderr);
}

describe.skipIf(!inject('docker'))('the probe container through the CLI and the Engine API', () => {
  beforeAll(async () => {
    expect(socket, 'this run talks to a local socket').not.toBeNull();
    const context = await mkdtemp(join(tmpdir(), 'nonroot-guard-transport-'));
    await writeFile(
      join(context, 'passwd'),
      'root:x:0:0:root:/root:/bin/sh\napp:x:1654:1654::/home/app:/bin/false\n',
    );
    await writeFile(join(context, 'big'), 'x'.repeat(5000));
    await writeFile(
      join(context, 'Dockerfile'),
      [
        'FROM nonroot-guard-fixture/busybox:test',
        'COPY passwd /usr/lib/passwd',
        'COPY big /big',
        'RUN ["/bin/busybox", "sh", "-c", "' +
          [
            'mkdir -p /links /etc/sub',
            'ln -s ../usr/lib/passwd /links/relative',
            'ln -s /usr/lib/passwd /links/absolute',
            'ln -s /links/relative /links/chain',
            'ln -s /nowhere /links/dangling',
            'ln -s / /links/root',
            'ln -s ../../../../usr/lib/passwd /links/above-root',
            'mkfifo /links/fifo',
            'mknod /links/null c 1 3',
            'ln -s /links/fifo /links/to-fifo',
          ].join(' && ') +
          '"]',
      ].join('\n'),
    );
    await buildImage(context, IMAGE);
    imageId = (await docker('image', 'inspect', '--format', '{{.Id}}', IMAGE)).trim();
  });

  afterEach(async () => {
    for (const name of made.splice(0)) await cli.removeContainer(name);
  });

  it('creates the same container: the engine inspects both alike', async () => {
    const [byCli, byApi] = [fresh('cli'), fresh('api')];
    await created(cli, spec(byCli));
    await created(api, spec(byApi));
    const inspect = async (name: string) => {
      const [container] = JSON.parse(await docker('container', 'inspect', name)) as {
        Config: Record<string, unknown>;
        HostConfig: Record<string, unknown>;
      }[];
      // The hostname is the container's id: the one field that differs by design. An empty
      // list the CLI sends and one the API request leaves out are the same setting.
      const config = { ...container!.Config, Hostname: undefined };
      return { config: unempty(config), hostConfig: unempty(container!.HostConfig) };
    };
    const [fromCli, fromApi] = [await inspect(byCli), await inspect(byApi)];
    expect(fromApi).toEqual(fromCli);
    // And what that container is: locked down as containerOptions says.
    expect(fromApi.hostConfig).toMatchObject({
      NetworkMode: 'none',
      SecurityOpt: ['no-new-privileges'],
      PidsLimit: 64,
      Memory: 256 * 1024 * 1024,
      MemorySwap: 256 * 1024 * 1024,
      Sysctls: { 'net.ipv4.ip_unprivileged_port_start': '1024' },
    });
    expect(fromApi.config).toMatchObject({
      User: '0:0',
      Healthcheck: { Test: ['NONE'] },
      Labels: expect.objectContaining({ 'org.nonroot-guard.probe': 'true' }),
      Entrypoint: ['/.nonroot-guard-probe-0123456789abcdef'],
      Cmd: ['--version'],
    });
  });

  const PASSWD = 'root:x:0:0:root:/root:/bin/sh\napp:x:1654:1654::/home/app:/bin/false\n';
  it.each([
    ['a regular file', '/usr/lib/passwd', { kind: 'file', text: PASSWD }],
    ['a relative link', '/links/relative', { kind: 'file', text: PASSWD }],
    ['an absolute link', '/links/absolute', { kind: 'file', text: PASSWD }],
    ['a link to a link', '/links/chain', { kind: 'file', text: PASSWD }],
    ['a link above the root, kept inside it', '/links/above-root', { kind: 'file', text: PASSWD }],
    ['a dangling link', '/links/dangling', { kind: 'missing' }],
    ['no file', '/etc/nothing-here', { kind: 'missing' }],
    ['a link to /', '/links/root', { kind: 'not-regular', type: 'directory' }],
    ['a directory', '/etc/sub', { kind: 'not-regular', type: 'directory' }],
    ['a FIFO', '/links/fifo', { kind: 'not-regular', type: 'fifo' }],
    ['a link to a FIFO', '/links/to-fifo', { kind: 'not-regular', type: 'fifo' }],
    ['a device node', '/links/null', { kind: 'not-regular', type: 'char device' }],
    ['a file over the limit', '/big', { kind: 'too-large', size: 5000 }],
  ])('reads %s as docker cp -L does', async (_, path, expected) => {
    const container = fresh('files');
    await created(cli, spec(container));
    expect(await cli.readImageFile(container, path, 4096)).toEqual(expected);
    expect(await api.readImageFile(container, path, 4096)).toEqual(expected);
  });

  it.each([
    ['its exit code and both streams apart', ['sh', '-c', 'echo out; echo err >&2; exit 3']],
    ['a clean exit', ['true']],
    ['a kill by signal', ['sh', '-c', 'kill -9 $$']],
  ])('starts attached and gives %s', async (_, command) => {
    const outcome = async (driver: Docker) => {
      const container = fresh('start');
      await created(driver, {
        ...spec(container, command),
        entrypoint: '/bin/busybox',
        mountSource: undefined,
      });
      return driver.startAttached(container, 60_000);
    };
    const fromCli = await outcome(cli);
    expect(await outcome(api)).toEqual(fromCli);
    expect(fromCli.timedOut).toBe(false);
  });

  it('stops waiting at the timeout, and the removal kills what still runs', async () => {
    const container = fresh('timeout');
    await created(api, {
      ...spec(container, ['sleep', '60']),
      entrypoint: '/bin/busybox',
      mountSource: undefined,
    });
    const started = Date.now();
    const result = await api.startAttached(container, 1500);
    expect(result.timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await api.removeContainer(container)).toBe(true);
    await expect(docker('container', 'inspect', container)).rejects.toThrow(
      /no such (container|object)/i,
    );
  });

  it("gives the daemon's own words when a container cannot start", async () => {
    const outcome = async (driver: Docker) => {
      const container = fresh('unstartable');
      await created(driver, {
        ...spec(container),
        entrypoint: '/no/such/program',
        mountSource: undefined,
      });
      return driver.startAttached(container, 60_000);
    };
    const [fromCli, fromApi] = [await outcome(cli), await outcome(api)];
    const daemonLine = (stderr: string) =>
      stderr.split('\n').find((line) => line.startsWith('Error response from daemon: '));
    expect(fromCli.exitCode).not.toBe(0);
    expect({ ...fromApi, stderr: daemonLine(fromApi.stderr) }).toEqual({
      ...fromCli,
      stderr: daemonLine(fromCli.stderr),
    });
    expect(daemonLine(fromApi.stderr)).toMatch(/no such file or directory/);
  });

  it("refuses a create as docker create does, with the daemon's message", async () => {
    const missing = { ...spec('unused'), image: 'sha256:' + '0'.repeat(64) };
    const [fromCli, fromApi] = [
      await cli.createContainer({ ...missing, name: fresh('refused') }, 60_000),
      await api.createContainer({ ...missing, name: fresh('refused') }, 60_000),
    ];
    expect(fromApi.exitCode).toBe(fromCli.exitCode);
    expect(fromApi.stderr).toContain('Error response from daemon: ');
    expect(fromApi.stderr.toLowerCase()).toContain('no such image');
    expect(fromCli.stderr.toLowerCase()).toContain('no such image');
  });

  it('removes a container that is not there as gone, both ways', async () => {
    expect(await cli.removeContainer('nonroot-guard-transport-never-made')).toBe(true);
    expect(await api.removeContainer('nonroot-guard-transport-never-made')).toBe(true);
  });
});
