import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildImage, docker, FIXTURES } from '../helpers/docker.js';
import { cli, STACK_FRAME } from '../helpers/run.js';

const APP = 'nonroot-guard-e2e/user-app:test';
const ROOT = 'nonroot-guard-e2e/root-by-default:test';
const APP_DOCKERFILE = 'fixtures/images/user-app/Dockerfile';

describe('the CLI without Docker', () => {
  it('prints its version', async () => {
    const result = await cli(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: 'nonroot-guard 0.1.0\n' });
  });

  it('prints its usage with --help', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('nonroot-guard check [--image REF]');
    expect(result.stdout).toContain(
      'Exit codes: 0 pass, 1 the policy failed, 2 a usage, input or tool error.',
    );
  });

  it.each([
    [[], 'nonroot-guard: missing command: check'],
    [['scan'], 'nonroot-guard: unknown command or extra argument: scan'],
    [['check'], 'nonroot-guard: nothing to check: give an image, a build context, or both'],
    [['check', '--imag', 'x'], 'nonroot-guard: unknown flag --imag (did you mean --image?)'],
    [['check', '--image'], "nonroot-guard: Option '--image <value>' argument missing"],
    [
      ['check', '--image', 'x', '--preset', 'strict'],
      'nonroot-guard: --preset: Invalid option: expected one of "baseline"|"restricted"|"hardened"',
    ],
    [
      ['check', '--image', 'x', '--fail-on', 'sometimes'],
      'nonroot-guard: --fail-on: Invalid option: expected one of "error"|"warning"|"never"',
    ],
    [
      ['check', '--image', 'x', '--build-arg', 'NOVALUE'],
      'nonroot-guard: --build-args: expected KEY=VALUE (e.g. APP_VERSION=1.2)',
    ],
    [
      ['check', '--image', 'x', '--format', 'yaml'],
      'nonroot-guard: --format: unknown format "yaml"',
    ],
    [['check', '--image=--help'], 'nonroot-guard: --image: "--help" is not an image reference'],
    [
      ['check', '--image', 'App:Latest'],
      'nonroot-guard: --image: "App:Latest" is not an image reference',
    ],
    [
      ['check', '--build-command', 'make image'],
      'nonroot-guard: --build-command needs --image: the name of the image the command produces',
    ],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe(message);
    expect(result.stderr).toMatch(/^Fix: /m);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("exits 2 naming docker when it is not installed and the engine is the CLI's to reach", async () => {
    // A tcp engine is reached through the docker CLI (a local socket through the Engine API).
    const result = await cli(['check', '--image', APP], {
      env: { ...process.env, PATH: '/nonexistent', DOCKER_HOST: 'tcp://127.0.0.1:9' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      'nonroot-guard: docker is not installed: the command "docker" was not found',
    );
    expect(result.stderr).toContain('Fix: Install Docker');
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it('exits 2 naming the daemon when it does not answer', async () => {
    const result = await cli(['check', '--image', APP], {
      env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^nonroot-guard: the Docker daemon is not answering: .*Cannot connect/m,
    );
    expect(result.stderr).toContain('Fix: Start the Docker daemon');
  });
});

describe.skipIf(!inject('docker'))('the CLI on a real engine', () => {
  beforeAll(async () => {
    await buildImage(join(FIXTURES, 'images/user-app'), APP);
    await buildImage(join(FIXTURES, 'images/root-by-default'), ROOT);
  });

  it('checks an image on a local socket with no docker CLI at all: the Engine API does all of it', async () => {
    const result = await cli(['check', '--image', APP, '--format', 'json'], {
      env: { ...process.env, PATH: '/nonexistent' },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ verdict: 'pass', probe: { status: 'ok' } });
  });

  it('names the missing docker CLI when an image must be pulled', async () => {
    const missing = 'nonroot-guard-e2e/never-built:test';
    const result = await cli(['check', '--image', missing], {
      env: { ...process.env, PATH: '/nonexistent' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `nonroot-guard: image ${missing} is not present locally and could not be pulled: docker is not installed: the command "docker" was not found`,
    );
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it('prints the JSON contract with findings on the right Dockerfile lines', async () => {
    const result = await cli([
      'check',
      '--image',
      APP,
      '--dockerfile',
      APP_DOCKERFILE,
      '--format',
      'json',
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    // BuildKit writes WorkingDir "/" where the legacy builder leaves it empty: the report says what the engine has.
    const workdir = (
      await docker('image', 'inspect', '--format', '{{.Config.WorkingDir}}', APP)
    ).trim();
    expect(report).toMatchObject({
      schemaVersion: 1,
      tool: { name: 'nonroot-guard', version: '0.1.0' },
      verdict: 'pass',
      image: {
        ref: APP,
        id: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        platform: 'linux/amd64',
        user: 'app',
        workdir,
        entrypoint: [],
        cmd: ['/app/app.sh'],
        env: expect.objectContaining({ APP_UID: '1654', ASPNETCORE_HTTP_PORTS: '8080' }),
        exposedPorts: [],
        volumes: [],
        labels: {},
      },
      dockerfile: {
        path: APP_DOCKERFILE,
        finalStage: { name: null, line: 1, base: 'nonroot-guard-fixture/dotnet-like:test' },
      },
      probe: { status: 'ok' },
      runtime: {
        uid: 1654,
        gid: 1654,
        groups: [1654],
        name: 'app',
        home: '/home/app',
        switched: true,
        userError: null,
        capabilities: { effective: [], permitted: [], ambient: [] },
        noNewPrivs: true,
        setid: { items: [], count: 0, truncated: false },
        tools: [{ kind: 'shell', name: 'sh', path: '/bin/sh', resolved: '/bin/busybox' }],
      },
      user: { config: 'app', uid: 1654, gid: 1654, name: 'app', home: '/home/app' },
      findings: [
        {
          rule: 'NR003',
          name: 'user-not-numeric',
          severity: 'warning',
          message: expect.stringContaining('USER app is a name'),
          location: { file: APP_DOCKERFILE, line: 3 },
          fix: {
            summary: 'Use the number: `USER $APP_UID` (app is uid 1654 in /etc/passwd).',
            diff: [
              `--- a/${APP_DOCKERFILE}`,
              `+++ b/${APP_DOCKERFILE}`,
              '@@ -1,4 +1,4 @@',
              ' FROM nonroot-guard-fixture/dotnet-like:test',
              ' COPY app.sh /app/app.sh',
              '-USER app',
              '+USER $APP_UID',
              ' CMD ["/app/app.sh"]',
              '',
            ].join('\n'),
          },
        },
      ],
      skipped: [
        { rule: 'NR060', reason: 'no manifests given' },
        { rule: 'NR062', reason: 'no manifests given' },
      ],
    });
  });

  it('fails on warnings with --fail-on warning, and errors with the restricted preset', async () => {
    expect((await cli(['check', '--image', APP, '--fail-on', 'warning'])).code).toBe(1);
    expect((await cli(['check', '--image', APP, '--preset', 'restricted'])).code).toBe(1);
    expect(
      (await cli(['check', '--image', APP, '--preset', 'restricted', '--fail-on', 'never'])).code,
    ).toBe(0);
  });

  it('prints the verdict first, then each finding with location and fix', async () => {
    const result = await cli([
      'check',
      '--image',
      ROOT,
      '--dockerfile',
      'fixtures/images/root-by-default/Dockerfile',
    ]);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`FAIL  ${ROOT}: 3 errors`);
    expect(lines[4]).toMatch(
      /^ {2}probe {7}ran as uid 0 \(root\), walked \d+ entries in \d+ ms; \d+ ms in all$/,
    );
    for (const finding of [
      'error   NR001 user-not-set  fixtures/images/root-by-default/Dockerfile:1',
      'error   NR010 runs-as-root  fixtures/images/root-by-default/Dockerfile:1',
      'error   NR033 effective-capabilities  fixtures/images/root-by-default/Dockerfile:1',
    ]) {
      expect(lines).toContain(finding);
    }
    expect(result.stdout).toMatch(
      /^ {2}fix: Create a user by adding it to \/etc\/passwd and \/etc\/group \(the image has a shell but no useradd\)/m,
    );
  });

  it('writes the report to --output and the verdict to stderr', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nonroot-guard-e2e-'));
    const output = join(dir, 'report.json');
    const result = await cli(['check', '--image', ROOT, '--format', 'json', '--output', output]);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toContain(`FAIL: report written to ${output}`);
    expect(JSON.parse(await readFile(output, 'utf8')).findings[0].rule).toBe('NR001');
  });

  it('builds with --context, tagging a unique local name when no --image is given', async () => {
    const result = await cli([
      'check',
      '--context',
      'fixtures/images/user-1654',
      '--format',
      'json',
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.image.ref).toMatch(/^nonroot-guard-check:[a-z0-9]+-[0-9a-f]{8}$/);
    expect(report.image.user).toBe('1654');
    expect(report.dockerfile.path).toBe('fixtures/images/user-1654/Dockerfile');
    expect(result.stderr).toContain('Building nonroot-guard-check:');
    // The name was the check's own: it is gone afterwards, so runs leave no tags behind.
    expect(await docker('image', 'ls', '--quiet', report.image.ref)).toBe('');
  });

  it('keeps the image it built under its own name with --keep-image', async () => {
    const result = await cli([
      'check',
      '--context',
      'fixtures/images/user-1654',
      '--keep-image',
      '--format',
      'json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const { ref } = JSON.parse(result.stdout).image;
    expect((await docker('image', 'ls', '--quiet', ref)).trim()).not.toBe('');
    await docker('image', 'rm', ref);
  });

  it('honours --target and --build-arg', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nonroot-guard-e2e-'));
    await writeFile(
      join(dir, 'Dockerfile'),
      [
        'FROM nonroot-guard-fixture/dotnet-like:test AS release',
        'ARG RUN_AS=1654',
        'USER $RUN_AS',
        '',
        'FROM release AS debug',
        'USER root',
      ].join('\n'),
    );
    const result = await cli([
      'check',
      '--context',
      dir,
      '--target',
      'release',
      '--build-arg',
      'RUN_AS=0',
      '--format',
      'json',
    ]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.image.user).toBe('0');
    expect(report.dockerfile.user).toEqual({ line: 3, raw: '$RUN_AS', value: '0' });
    expect(report.findings[0]).toMatchObject({ rule: 'NR002', location: { line: 3 } });
  });

  it('notes when the image is not of the platform asked for', async () => {
    const result = await cli([
      'check',
      '--image',
      APP,
      '--platform',
      'linux/arm64',
      '--format',
      'json',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).notes).toContain(
      'platform linux/arm64 was asked for but the image is linux/amd64: the findings are about the linux/amd64 image',
    );
  });

  it('runs a build command that produces --image', async () => {
    const tag = 'nonroot-guard-e2e/build-command:test';
    const result = await cli([
      'check',
      '--image',
      tag,
      '--build-command',
      `docker build --quiet -t ${tag} fixtures/images/user-1654`,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(`PASS  ${tag}: no findings`);
  });

  it.each([
    [
      'a failing build',
      ['--context', 'BUILD_FAIL'],
      'nonroot-guard: docker build failed (exit code 1)',
      'last lines of the build output:',
    ],
    [
      'an unknown target',
      ['--context', 'fixtures/images/user-app', '--target', 'nope'],
      'nonroot-guard: target stage "nope" not found in Dockerfile fixtures/images/user-app/Dockerfile',
      'Fix: ',
    ],
    [
      'a missing Dockerfile',
      ['--image', APP, '--dockerfile', 'no/such/Dockerfile'],
      'nonroot-guard: cannot read the Dockerfile',
      'no such file',
    ],
    [
      'a failing build command',
      ['--image', 'nonroot-guard-e2e/never:test', '--build-command', 'false'],
      'nonroot-guard: the build command failed (exit code 1): false',
      'Fix: Fix the build',
    ],
    [
      'a build command that tags nothing',
      ['--image', 'nonroot-guard-e2e/never:test', '--build-command', 'true'],
      'nonroot-guard: the build command succeeded but image nonroot-guard-e2e/never:test does not exist',
      'Fix: Make the command tag the image you named',
    ],
    [
      'a build command that does not exist',
      ['--image', 'nonroot-guard-e2e/never:test', '--build-command', 'no-such-program --flag'],
      'nonroot-guard: the build command could not start',
      'runs without a shell',
    ],
  ])('exits 2 on %s, naming the cause', async (_, args, first, evidence) => {
    let finalArgs = args;
    if (args[1] === 'BUILD_FAIL') {
      const dir = await mkdtemp(join(tmpdir(), 'nonroot-guard-e2e-'));
      await writeFile(
        join(dir, 'Dockerfile'),
        'FROM nonroot-guard-fixture/busybox:test\nRUN echo "compiling the app" && exit 1\n',
      );
      finalArgs = ['--context', dir];
    }
    const result = await cli(['check', ...finalArgs]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(first);
    expect(result.stderr).toContain(evidence);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    if (args[1] === 'BUILD_FAIL') expect(result.stderr).toContain('compiling the app');
  });
});

describe.skipIf(!inject('docker'))('when the probe cannot run', () => {
  const image = 'nonroot-guard-e2e/user-1654:test';
  const tooShort = { ...process.env, NONROOT_GUARD_PROBE_TIMEOUT: '0.05' };

  beforeAll(async () => {
    await buildImage(join(FIXTURES, 'images/user-1654'), image);
  });

  it('fails the check by default: no findings without the probe proves nothing', async () => {
    const result = await cli(['check', '--image', image, '--format', 'json'], { env: tooShort });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      verdict: 'fail',
      blocked:
        'the probe could not run, and the policy requires it: the probe did not finish within 0.05 s and was stopped',
      probe: { status: 'failed', reason: 'the probe did not finish within 0.05 s and was stopped' },
      runtime: null,
      findings: [],
    });
    expect(report.skipped).toContainEqual({
      rule: 'NR020',
      reason: 'the probe did not finish within 0.05 s and was stopped',
    });
  });

  it('with --probe optional, judges the metadata and lists the skipped rules', async () => {
    const result = await cli(['check', '--image', image, '--probe', 'optional'], { env: tooShort });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '  probe       did not run: the probe did not finish within 0.05 s and was stopped',
    );
    expect(result.stdout).toContain(
      'skipped NR010, NR020, NR021, NR022, NR023, NR024, NR030, NR031, NR032, NR033, NR034: the probe did not finish within 0.05 s and was stopped',
    );
    expect(result.stdout).toContain('skipped NR060, NR062: no manifests given');
  });

  it('rejects a timeout that is not a number of seconds', async () => {
    const result = await cli(['check', '--image', image], {
      env: { ...process.env, NONROOT_GUARD_PROBE_TIMEOUT: 'soon' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'NONROOT_GUARD_PROBE_TIMEOUT="soon": expected a number of seconds greater than 0 and at most 3600',
    );
  });
});

describe.skipIf(!inject('docker'))('policy files', () => {
  const image = 'nonroot-guard-e2e/user-app-policy:test';

  beforeAll(async () => {
    await buildImage(join(FIXTURES, 'images/user-app'), image);
  });

  it('reads .github/nonroot-guard.yml from the working directory and reports what it changed', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'nonroot-guard-repo-'));
    await mkdir(join(repo, '.github'));
    await writeFile(
      join(repo, '.github/nonroot-guard.yml'),
      'preset: restricted\nrules:\n  user-not-numeric: warning\n',
    );
    const result = await cli(['check', '--image', image, '--format', 'json'], { cwd: repo });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).policy).toMatchObject({
      preset: 'restricted',
      presetSource: 'file',
      file: '.github/nonroot-guard.yml',
      overrides: [{ rule: 'NR003', name: 'user-not-numeric', preset: 'error', level: 'warning' }],
    });
    const overridden = await cli(['check', '--image', image, '--preset', 'hardened'], {
      cwd: repo,
    });
    expect(overridden.stdout).toContain(
      '  policy      preset hardened (given as input), fail on error, probe required; policy file .github/nonroot-guard.yml',
    );
  });

  it('exits 2 on a bad policy file, naming file, line and column, before building anything', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'nonroot-guard-repo-'));
    await writeFile(join(repo, 'policy.yml'), 'rules:\n  user-not-numberic: off\n');
    const result = await cli(['check', '--context', 'does-not-matter', '--policy', 'policy.yml'], {
      cwd: repo,
    });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      'nonroot-guard: policy.yml:2:3: unknown rule "user-not-numberic" (did you mean "user-not-numeric"?)',
    );
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it('exits 2 when the policy file named does not exist', async () => {
    const result = await cli(['check', '--image', image, '--policy', 'no/such.yml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'nonroot-guard: cannot read the policy file no/such.yml: no such file',
    );
  });
});
