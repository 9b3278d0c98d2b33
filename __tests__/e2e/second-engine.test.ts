import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { BUSYBOX, FIXTURES, REPO_ROOT } from '../helpers/docker.js';
import { SECOND_ENGINE } from '../helpers/engines.js';
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

  it('judges the variant of the platform asked for in a multi-platform image', async () => {
    // Before: --platform linux/arm64 judged the amd64 variant (USER 1654) and passed, while
    // the arm64 variant has no USER and runs as root.
    const context = await mkdtemp(join(tmpdir(), 'nonroot-guard-multi-'));
    made.push(context);
    await cp(join(FIXTURES, 'buildkit/multi-platform/Dockerfile'), join(context, 'Dockerfile'));
    await cp(BUSYBOX, join(context, 'busybox'));
    const image = 'nonroot-guard-second/multi-platform:test';
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
        image,
        context,
      ],
      { env: SECOND_ENGINE.env },
    );
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
