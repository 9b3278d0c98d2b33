import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROBE_LIMITS,
  parseProbeOutput,
  probeArguments,
  probePath,
} from '../../src/probe/probe.js';
import { defaultTransfer, failureReason } from '../../src/source/docker/probe-container.js';
import { containerOptions } from '../../src/source/docker/container-spec.js';
import { imageFacts } from '../helpers/facts.js';

const result = (exitCode: number, stderr = '', timedOut = false) => ({
  exitCode,
  stdout: '',
  stderr,
  timedOut,
});

describe('the probe container', () => {
  it('is locked down: no network, no new privileges, no health check, limits, Kubernetes port rules, never pulled', () => {
    expect(
      containerOptions(DEFAULT_PROBE_LIMITS, '/.nonroot-guard-probe-0123456789abcdef'),
    ).toEqual([
      '--pull=never',
      '--no-healthcheck',
      '--network=none',
      '--user=0:0',
      '--security-opt=no-new-privileges',
      '--pids-limit=64',
      '--memory=256m',
      '--memory-swap=256m',
      '--sysctl=net.ipv4.ip_unprivileged_port_start=1024',
      '--label=org.nonroot-guard.probe=true',
      '--entrypoint=/.nonroot-guard-probe-0123456789abcdef',
    ]);
  });

  it('puts the probe at a fresh random path each run, which the image cannot already hold', () => {
    const paths = new Set(Array.from({ length: 50 }, () => probePath()));
    expect(paths.size).toBe(50);
    for (const path of paths) expect(path).toMatch(/^\/\.nonroot-guard-probe-[0-9a-f]{16}$/);
  });

  it.each([
    [{ entrypoint: ['/app/run'], cmd: ['--serve'] }, '/app/run'],
    [{ entrypoint: [], cmd: ['dotnet', 'app.dll'] }, 'dotnet'],
    [{ entrypoint: [], cmd: [] }, ''],
  ])('tells the probe what the image runs: %j → --exec %j', (config, exec) => {
    const image = imageFacts({ user: 'app', workdir: '/app', ...config });
    expect(probeArguments(image, ['80/tcp', '8080/tcp'], '/.nonroot-guard-probe-00ff')).toEqual([
      '--user',
      'app',
      '--workdir',
      '/app',
      '--exec',
      exec,
      '--skip',
      '/.nonroot-guard-probe-00ff',
      '--port',
      '80/tcp',
      '--port',
      '8080/tcp',
    ]);
  });

  it("gives the probe the image's VOLUMEs to measure: 16 at most, none that no kernel takes", () => {
    const many = Array.from({ length: 20 }, (_, i) => `/v${i}`);
    const image = imageFacts({
      volumes: ['/data', 'with\0nul', `/${'x'.repeat(4095)}`, ...many],
    });
    const args = probeArguments(image, [], '/.nonroot-guard-probe-00ff');
    const volumes = args.flatMap((arg, i) => (args[i - 1] === '--volume' ? [arg] : []));
    expect(volumes).toEqual(['/data', ...many.slice(0, 15)]);
  });

  it.each([
    [{}, 'mount'],
    [{ DOCKER_HOST: 'unix:///var/run/docker.sock' }, 'mount'],
    [{ DOCKER_HOST: 'tcp://10.0.0.5:2376' }, 'copy'],
    [{ DOCKER_HOST: 'ssh://builder' }, 'copy'],
    [{ NONROOT_GUARD_PROBE_TRANSFER: 'copy' }, 'copy'],
  ])('bind-mounts the probe only when the daemon shares our files: %j → %s', (env, transfer) => {
    expect(defaultTransfer(env)).toBe(transfer);
  });
});

describe('why a probe failed', () => {
  it.each([
    [result(0, '', true), 'the probe did not finish within 120 s and was stopped'],
    [
      result(1, 'exec /.nonroot-guard-probe/probe: exec format error'),
      'the probe cannot execute in this container (exec format error) on this amd64 engine',
    ],
    [
      result(137),
      'the probe was killed (exit 137), most likely out of memory under its 256m limit',
    ],
    [
      result(125, 'docker: Error response from daemon: invalid argument.'),
      'the probe container failed (exit code 125): docker: Error response from daemon: invalid argument.',
    ],
    [
      // The CLI's own log line before the daemon's error (seen from docker start --attach, 20.10).
      result(
        1,
        'time="2026-12-07T12:34:45Z" level=error msg="error waiting for container: context canceled"\n' +
          'Error response from daemon: unable to find user 0: bufio.Scanner: token too long\n',
      ),
      'the probe container failed (exit code 1): Error response from daemon: unable to find user 0: bufio.Scanner: token too long',
    ],
  ])('%j → %s', (outcome, reason) => {
    expect(failureReason(outcome, DEFAULT_PROBE_LIMITS, 'amd64')).toBe(reason);
  });
});

describe('reading the probe output, which comes from a hostile image', () => {
  it.each([
    ['', /^it is not JSON \(0 bytes/],
    ['{"probe":', /^it is not JSON/],
    ['[]', /^the document: /],
    ['{"probe":{"version":2,"arch":"x86_64"}}', /^probe\.version: /],
    ['null', /^the document: /],
  ])('rejects %j', (stdout, message) => {
    expect(() => parseProbeOutput(stdout)).toThrow(message);
  });
});
