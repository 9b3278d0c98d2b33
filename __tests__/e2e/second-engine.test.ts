import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { BUSYBOX, FIXTURES, REPO_ROOT } from '../helpers/docker.js';
import { engineTrace } from '../helpers/engine-trace.js';
import { SECOND_ENGINE } from '../helpers/engines.js';
import { loggingDocker } from '../helpers/logging-docker.js';
import { startRegistry } from '../helpers/registry.js';
import { cli, STACK_FRAME } from '../helpers/run.js';

/**
 * The CLI bundle on the second engine (scripts/second-engine.sh): Docker 26, its
 * `docker build` is BuildKit through buildx, images in the containerd store. The
 * cases here failed on it before (issue 16); the whole suites move here one by one.
 */
const run = promisify(execFile);

describe.skipIf(!inject('secondEngine'))(`on ${SECOND_ENGINE.name}`, () => {
  const made: string[] = [];
  afterAll(async () => {
    for (const dir of made) await rm(dir, { recursive: true, force: true });
  });

  /** An example's directory with busybox beside its Dockerfile, as the demo prepares it. */
  async function example(name: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), `nonroot-guard-${name}-`));
    made.push(dir);
    await cp(join(REPO_ROOT, 'examples', name), dir, { recursive: true });
    await cp(BUSYBOX, join(dir, 'busybox'));
    return dir;
  }

  it('builds the demo image that forgets USER, and finds the same three errors on the same line', async () => {
    // Before: BuildKit refused its build stage's RUN as USER app ("unable to find groups
    // for spec app": the stage had no /etc/group), so npm run demo failed on this engine.
    const context = await example('forgot-user');
    const result = await cli(
      ['check', '--context', context, '--image', 'nonroot-guard-second/forgot-user:test'],
      { env: SECOND_ENGINE.env },
    );
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.code, result.stderr.slice(-2000)).toBe(1);
    expect(result.stdout).toContain('FAIL  nonroot-guard-second/forgot-user:test: 3 errors');
    for (const rule of [
      'NR001 user-not-set',
      'NR010 runs-as-root',
      'NR033 effective-capabilities',
    ]) {
      expect(result.stdout).toContain(`error   ${rule}  ${context}/Dockerfile:12`);
    }
  });

  /** The two-platform image whose arm64 variant has no USER, built once with buildx. */
  const multiPlatform = 'nonroot-guard-second/multi-platform:test';
  let multiPlatformBuilt: Promise<void> | undefined;
  function buildMultiPlatform(): Promise<void> {
    multiPlatformBuilt ??= (async () => {
      const context = await mkdtemp(join(tmpdir(), 'nonroot-guard-multi-'));
      made.push(context);
      await cp(join(FIXTURES, 'buildkit/multi-platform/Dockerfile'), join(context, 'Dockerfile'));
      await cp(BUSYBOX, join(context, 'busybox'));
      await run(
        'docker',
        [
          'buildx',
          'build',
          '--quiet',
          '--load',
          '--platform',
          'linux/amd64,linux/arm64',
          '--tag',
          multiPlatform,
          context,
        ],
        { env: SECOND_ENGINE.env },
      );
    })();
    return multiPlatformBuilt;
  }

  it('checks every platform of a multi-platform image by default, and fails on the root one', async () => {
    // Before: exit 0 — only this machine's variant (amd64, USER 1654) was judged, while the
    // arm64 variant has no USER and runs as root.
    await buildMultiPlatform();
    const result = await cli(['check', '--image', multiPlatform, '--format', 'json'], {
      env: SECOND_ENGINE.env,
    });
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.code, result.stderr.slice(-2000)).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(
      report.platforms.map(
        (entry: { platform: string; verdict: string; user: { uid: number } }) => [
          entry.platform,
          entry.verdict,
          entry.user.uid,
        ],
      ),
    ).toEqual([
      ['linux/amd64', 'pass', 1654],
      ['linux/arm64', 'fail', 0],
    ]);
    const errors = report.findings.filter(
      (finding: { severity: string }) => finding.severity === 'error',
    );
    expect(
      errors.map((finding: { rule: string; platforms: string[] }) => [
        finding.rule,
        finding.platforms,
      ]),
    ).toEqual([
      ['NR001', ['linux/arm64']],
      ['NR010', ['linux/arm64']],
      ['NR033', ['linux/arm64']],
    ]);

    // The ids as the containerd store has them: the image's id and RepoDigests are the
    // index's digest (as docker image inspect says), each platform names its manifest in it
    // (as the index itself, read here with tar from docker save, says).
    const { stdout: inspected } = await run(
      'docker',
      ['image', 'inspect', '--format', '{{json .}}', multiPlatform],
      { env: SECOND_ENGINE.env },
    );
    const { Id: id, RepoDigests: repoDigests } = JSON.parse(inspected);
    expect(report.image).toMatchObject({ id, repoDigests });
    const { stdout: index } = await run(
      'sh',
      ['-c', `docker save "$1" | tar -xOf - "blobs/sha256/$2"`, 'sh', multiPlatform, id.slice(7)],
      { env: SECOND_ENGINE.env },
    );
    const manifests = JSON.parse(index).manifests.filter(
      (entry: { platform: { os: string } }) => entry.platform.os !== 'unknown',
    );
    expect(report.platforms.map((entry: { manifest: string }) => entry.manifest)).toEqual(
      manifests.map((entry: { digest: string }) => entry.digest),
    );

    const text = await cli(['check', '--image', multiPlatform], { env: SECOND_ENGINE.env });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('linux/amd64  pass');
    expect(text.stdout).toContain('linux/arm64  FAIL');
    expect(text.stdout).toMatch(/error {3}NR001 user-not-set .*\[linux\/arm64\]/);
  });

  it('checks every platform on a local socket without a docker process: Engine API requests only', async () => {
    // Before: the arm64 variant's config took three docker processes (create, container
    // inspect, rm): ~150 ms of a 2-core runner before its probe could start.
    await buildMultiPlatform();
    const trace = await engineTrace(SECOND_ENGINE.env);
    const docker = await loggingDocker({ env: { ...SECOND_ENGINE.env, DOCKER_HOST: trace.host } });
    try {
      const result = await cli(['check', '--image', multiPlatform, '--format', 'json'], {
        env: docker.env,
      });
      expect(result.code, result.stderr.slice(-2000)).toBe(1);
      expect(JSON.parse(result.stdout).platforms).toHaveLength(2);
      expect(await docker.calls()).toEqual([]);
      const probeContainer = [
        'POST /containers/create',
        'HEAD /containers/archive',
        'HEAD /containers/archive',
        'POST /containers/attach',
        'POST /containers/start',
        'POST /containers/wait',
        'DELETE /containers',
      ];
      expect(trace.requests().sort()).toEqual(
        [
          ...['GET /images/json', 'GET /info', 'GET /version', 'GET /images/get'],
          // The arm64 variant's config: a container of it created (twice: that variant has
          // neither ENTRYPOINT nor CMD, and the engine refuses a container without a command
          // until one is given), inspected, removed.
          ...['POST /containers/create', 'POST /containers/create'],
          ...['GET /containers/json', 'DELETE /containers'],
          ...probeContainer,
          ...probeContainer,
        ].sort(),
      );
    } finally {
      await trace.close();
    }
  });

  it('restricts the check to the platforms named, comma-separated', async () => {
    await buildMultiPlatform();
    const result = await cli(
      ['check', '--image', multiPlatform, '--platform', 'linux/amd64', '--format', 'json'],
      { env: SECOND_ENGINE.env },
    );
    expect(result.code, result.stderr.slice(-2000)).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.platforms.map((entry: { platform: string }) => entry.platform)).toEqual([
      'linux/amd64',
    ]);
    const both = await cli(
      [
        'check',
        '--image',
        multiPlatform,
        '--platform',
        'linux/arm64,linux/amd64',
        '--format',
        'json',
      ],
      { env: SECOND_ENGINE.env },
    );
    expect(both.code, both.stderr.slice(-2000)).toBe(1);
    expect(
      JSON.parse(both.stdout).platforms.map((entry: { platform: string }) => entry.platform),
    ).toEqual(['linux/arm64', 'linux/amd64']);
  });

  it('judges the variant of the platform asked for in a multi-platform image', async () => {
    // Before: --platform linux/arm64 judged the amd64 variant (USER 1654) and passed, while
    // the arm64 variant has no USER and runs as root.
    await buildMultiPlatform();
    const image = multiPlatform;
    const check = (platform: string) =>
      cli(['check', '--image', image, '--platform', platform, '--format', 'json'], {
        env: SECOND_ENGINE.env,
      });
    const arm64 = await check('linux/arm64');
    expect(arm64.code, arm64.stderr.slice(-2000)).toBe(1);
    const failing = JSON.parse(arm64.stdout);
    expect(failing.image).toMatchObject({ platform: 'linux/arm64', user: '' });
    expect(failing.user.uid).toBe(0);
    const rules = failing.findings.map((finding: { rule: string }) => finding.rule);
    expect(rules).toEqual(expect.arrayContaining(['NR001', 'NR010']));
    expect(failing.notes.join('\n')).not.toContain('was asked for but the image is');

    const amd64 = await check('linux/amd64');
    expect(amd64.code, amd64.stderr.slice(-2000)).toBe(0);
    expect(JSON.parse(amd64.stdout).image).toMatchObject({
      platform: 'linux/amd64',
      user: '1654:1654',
    });
  });

  it('pulls the platforms a pulled image lacks locally, by the digest of its index, and checks each', async () => {
    // docker pull on the containerd store fetches this machine's platform only. The
    // registry's list is made by the system engine (its own pushes, `docker manifest`), from
    // images labelled for this run: this engine has never held those manifests, so the
    // arm64 one is not here until the check pulls it. (An image this engine built and pushed
    // keeps its content until containerd collects it, which it does when it will.)
    const registry = await startRegistry(5002);
    const repository = `${registry.host}/nonroot-guard-second/multi-platform`;
    const ref = `${repository}:pulled`;
    const run26 = { env: SECOND_ENGINE.env };
    // The system engine, with a CLI config of its own for the manifest list it writes.
    const config = await mkdtemp(join(tmpdir(), 'nonroot-guard-manifest-config-'));
    made.push(config);
    const system = { env: { ...process.env, DOCKER_CONFIG: config } };
    const label = `nonroot-guard.run=${Date.now().toString(36)}`;
    const context = await mkdtemp(join(tmpdir(), 'nonroot-guard-multi-pulled-'));
    made.push(context);
    await cp(join(FIXTURES, 'buildkit/multi-platform/Dockerfile'), join(context, 'Dockerfile'));
    await cp(BUSYBOX, join(context, 'busybox'));
    const archive = join(context, 'arm64.tar');
    try {
      // arm64 by BuildKit (the legacy builder writes amd64 into a scratch image's config),
      // into a file, loaded and pushed by the system engine; amd64 by the system engine.
      await run(
        'docker',
        ['buildx', 'build', '--quiet', '--platform', 'linux/arm64', '--label', label].concat([
          '--output',
          `type=docker,dest=${archive}`,
          context,
        ]),
        run26,
      );
      const { stdout: loaded } = await run(
        'docker',
        ['load', '--quiet', '--input', archive],
        system,
      );
      const arm64Id = /sha256:[a-f0-9]{64}/.exec(loaded)![0];
      await run('docker', ['tag', arm64Id, `${repository}:arm64`], system);
      await run(
        'docker',
        ['build', '--quiet', '--target', 'final-amd64', '--label', label].concat([
          '--tag',
          `${repository}:amd64`,
          context,
        ]),
        system,
      );
      for (const tag of ['amd64', 'arm64'])
        await run('docker', ['push', '--quiet', `${repository}:${tag}`], system);
      await run(
        'docker',
        ['manifest', 'create', '--insecure', ref, `${repository}:amd64`, `${repository}:arm64`],
        system,
      );
      await run('docker', ['manifest', 'push', '--insecure', ref], system);

      const result = await cli(['check', '--image', ref, '--format', 'json'], run26);
      expect(result.stderr).not.toMatch(STACK_FRAME);
      expect(result.code, result.stderr.slice(-2000)).toBe(1);
      const report = JSON.parse(result.stdout);
      expect(result.stderr).toContain(`${ref} is not present locally; pulling it`);
      expect(result.stderr).toContain(
        `Pulling the linux/arm64 variant of ${ref} (${repository}@${report.image.id})`,
      );
      expect(
        report.platforms.map((entry: { platform: string; verdict: string }) => [
          entry.platform,
          entry.verdict,
        ]),
      ).toEqual([
        ['linux/amd64', 'pass'],
        ['linux/arm64', 'fail'],
      ]);
    } finally {
      // This engine: the tag, and the name the pull by digest left (docker images does not list it).
      const { stdout: id } = await run(
        'docker',
        ['image', 'inspect', '-f', '{{.Id}}', ref],
        run26,
      ).catch(() => ({ stdout: '' }));
      await run('docker', ['image', 'rm', ref], run26).catch(() => {});
      if (id.trim())
        await run('docker', ['image', 'rm', `${repository}@${id.trim()}`], run26).catch(() => {});
      // The system engine: the two images it pushed.
      await run(
        'docker',
        ['image', 'rm', `${repository}:amd64`, `${repository}:arm64`],
        system,
      ).catch(() => {});
      await registry.stop();
    }
  });

  it('judges the one variant there is, and says so, when an image lacks the platform asked for', async () => {
    // Before: exit 2 — on the containerd store, docker create --platform of a missing variant
    // says "No such image", which was taken for an engine failure.
    const result = await cli(
      [
        'check',
        '--image',
        'nonroot-guard-fixture/busybox:test',
        '--platform',
        'linux/arm64',
        '--format',
        'json',
      ],
      { env: SECOND_ENGINE.env },
    );
    expect(result.code, result.stderr.slice(-2000)).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.image.platform).toBe('linux/amd64');
    expect(report.notes).toContain(
      'platform linux/arm64 was asked for but the image is linux/amd64: the findings are about the linux/amd64 image',
    );
  });

  it('follows FROM final-${TARGETARCH} to the stage BuildKit built', async () => {
    // Before: exit 2, "docker image inspect final- failed" (TARGETARCH unknown to the reader).
    const result = await cli(
      [
        'check',
        '--context',
        join(FIXTURES, 'buildkit/per-arch'),
        '--image',
        'nonroot-guard-second/per-arch:test',
        '--platform',
        'linux/amd64',
        '--format',
        'json',
      ],
      { env: SECOND_ENGINE.env },
    );
    expect(result.code, result.stderr.slice(-2000)).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.verdict).toBe('pass');
    expect(report.image.user).toBe('1654:1654');
    expect(report.dockerfile.finalStage).toMatchObject({ base: 'final-amd64' });
    expect(
      report.findings.map((finding: { rule: string; location: { line: number } }) => [
        finding.rule,
        finding.location.line,
      ]),
    ).toEqual([['NR023', 4]]);
  });
});
