import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runAction } from '../helpers/action.js';
import { buildImage, FIXTURES } from '../helpers/docker.js';
import { STACK_FRAME } from '../helpers/run.js';

const NAME = 'nonroot-guard-action/user-app:test';

describe('the action on bad inputs', () => {
  it.each([
    [
      { image: 'x', preset: 'strict' },
      'input "preset": Invalid option: expected one of "baseline"|"restricted"|"hardened"',
    ],
    [
      { image: 'x', 'fail-on': 'always' },
      'input "fail-on": Invalid option: expected one of "error"|"warning"|"never"',
    ],
    [{ image: 'x', pull: 'yes' }, 'input "pull": '],
    [{}, 'nothing to check: give an image, a build context, or both'],
    [{ 'build-command': 'make' }, 'build-command needs image'],
    [
      { image: 'x', policy: 'fixtures/policies/bad-severity.yml' },
      'fixtures/policies/bad-severity.yml:3:10: rules.NR003: Invalid option: expected one of "off"|"error"|"warning"|"notice"',
    ],
  ])('fails the step with a clear error for %j', async (inputs, message) => {
    const run = await runAction(inputs);
    expect(run.code).toBe(1);
    expect(run.commands[0]?.command).toBe('error');
    expect(run.commands[0]?.message).toContain(message);
    expect(run.commands[0]?.message).toMatch(/\nFix: /);
    expect(run.stdout).not.toMatch(STACK_FRAME);
    expect(run.outputs).toEqual({});
    expect(run.summary).toContain('Non-root Guard could not check the image');
  });
});

describe.skipIf(!inject('docker'))('the action on a real engine', () => {
  beforeAll(async () => {
    await buildImage(join(FIXTURES, 'images/user-app'), NAME);
  });

  it('builds from a context and fails the step on a root image, with outputs and summary', async () => {
    const run = await runAction({
      context: 'fixtures/images/root-by-default',
      image: 'nonroot-guard-action/root:test',
    });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ verdict: 'fail', user: '', uid: '0', findings: '3' });
    const report = JSON.parse(await readFile(run.outputs['report']!, 'utf8'));
    expect(report.findings[0]).toMatchObject({
      rule: 'NR001',
      location: { file: 'fixtures/images/root-by-default/Dockerfile', line: 1 },
    });
    expect(run.commands).toContainEqual({
      command: 'error',
      message:
        'Non-root Guard: nonroot-guard-action/root:test fails the policy with 3 errors (fail-on: error)',
    });
    expect(run.stdout).toContain('FAIL  nonroot-guard-action/root:test: 3 errors');
    expect(run.summary).toContain('### ❌ Non-root Guard: fail');
    expect(run.summary).toContain('| 🔴 error | NR001<br><sub>user-not-set</sub> | line 1 |');
    const sarif = JSON.parse(await readFile(run.outputs['sarif']!, 'utf8'));
    expect(sarif.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toEqual([
      'NR001',
      'NR010',
      'NR033',
    ]);
  });

  it('passes an image whose only finding is below fail-on, and reports it', async () => {
    const run = await runAction({
      image: NAME,
      dockerfile: 'fixtures/images/user-app/Dockerfile',
    });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ verdict: 'pass', user: 'app', uid: '1654', findings: '1' });
    expect(run.commands).toEqual([
      {
        command: 'warning',
        message: expect.stringMatching(
          /^USER app is a name: .*\nFix: Use the number: `USER \$APP_UID`/s,
        ),
      },
    ]);
    expect(run.stdout).toContain(
      '::warning title=NR003 The image user is a name%2C which Kubernetes runAsNonRoot cannot verify,file=fixtures/images/user-app/Dockerfile,line=3::',
    );
    expect(run.summary).toContain('### ✅ Non-root Guard: pass');
    expect(run.summary).toContain('| 🟠 warning | NR003<br><sub>user-not-numeric</sub> | line 3 |');
  });

  it.each([
    [{ preset: 'restricted' }, 1, 'fail'],
    [{ 'fail-on': 'warning' }, 1, 'fail'],
    [{ preset: 'hardened', 'fail-on': 'never' }, 0, 'pass'],
  ])('follows preset and fail-on %j', async (inputs, code, verdict) => {
    const run = await runAction({ image: NAME, ...inputs });
    expect(run.code).toBe(code);
    expect(run.outputs['verdict']).toBe(verdict);
  });

  it('writes SARIF where the sarif-file input says, relative to the workspace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nonroot-guard-sarif-'));
    const run = await runAction({
      image: NAME,
      dockerfile: 'fixtures/images/user-app/Dockerfile',
      'sarif-file': join(dir, 'reports/nonroot.sarif'),
    });
    expect(run.outputs['sarif']).toBe(join(dir, 'reports/nonroot.sarif'));
    const sarif = JSON.parse(await readFile(join(dir, 'reports/nonroot.sarif'), 'utf8'));
    expect(sarif.runs[0].results[0]).toMatchObject({
      ruleId: 'NR003',
      level: 'warning',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'fixtures/images/user-app/Dockerfile' },
            region: { startLine: 3 },
          },
        },
      ],
    });
  });

  it('passes build args, one per line', async () => {
    const run = await runAction({
      context: 'fixtures/images/user-1654',
      image: 'nonroot-guard-action/build-args:test',
      'build-args': 'UNUSED_ONE=1\n\nUNUSED_TWO=2\n',
    });
    expect(run.code).toBe(0);
    expect(run.outputs['verdict']).toBe('pass');
  });

  it('fails the step, not silently passes, when the image cannot be found', async () => {
    const run = await runAction({ image: '127.0.0.1:9/nonroot-guard/absent:1' });
    expect(run.code).toBe(1);
    expect(run.commands[0]?.message).toContain(
      'image 127.0.0.1:9/nonroot-guard/absent:1 is not present locally and could not be pulled',
    );
    expect(run.outputs['verdict']).toBeUndefined();
  });
});

describe.skipIf(!inject('docker'))('why the step fails', () => {
  it('counts only what fails under fail-on, and names a blocked verdict', async () => {
    const warned = await runAction({ image: NAME, 'fail-on': 'warning' });
    expect(warned.commands).toContainEqual({
      command: 'error',
      message: `Non-root Guard: ${NAME} fails the policy with 1 warning (fail-on: warning)`,
    });
    const blocked = await runAction(
      { image: NAME },
      { env: { NONROOT_GUARD_PROBE_TIMEOUT: '0.05' } },
    );
    expect(blocked.code).toBe(1);
    expect(blocked.commands).toContainEqual({
      command: 'error',
      message: `Non-root Guard: ${NAME}: the probe could not run, and the policy requires it: the probe did not finish within 0.05 s and was stopped`,
    });
  });
});
