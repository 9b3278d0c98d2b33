import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runAction } from '../helpers/action.js';
import { buildImage, docker, FIXTURES, REPO_ROOT } from '../helpers/docker.js';
import { cli, STACK_FRAME } from '../helpers/run.js';

/** The Kubernetes cross-check through the committed bundles, on real images. */

const USER_APP = 'nonroot-guard-fixture/case-k8s-user-app:test';
const APP_UID = 'nonroot-guard-fixture/case-k8s-app-uid:test';
const KUBELET_REFUSAL =
  'Deployment/web, container web: the kubelet refuses to start it ("container has runAsNonRoot and image has non-numeric user (app), cannot verify user is non-root"), so the pod sits in CreateContainerConfigError: runAsNonRoot: true (line 16) and the image\'s USER app';

describe.skipIf(!inject('docker'))('the Kubernetes cross-check', () => {
  beforeAll(async () => {
    await buildImage(join(FIXTURES, 'images/k8s-user-app'), USER_APP);
    await buildImage(join(FIXTURES, 'images/k8s-app-uid'), APP_UID);
  });

  it('fails a Deployment with runAsNonRoot whose image says USER app, on the runAsNonRoot line', async () => {
    const result = await cli([
      'check',
      '--image',
      USER_APP,
      '--dockerfile',
      'fixtures/images/k8s-user-app/Dockerfile',
      '--manifests',
      'fixtures/images/k8s-user-app/manifests/*.yaml',
      '--format',
      'json',
    ]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    const nr060 = report.findings.filter((finding: { rule: string }) => finding.rule === 'NR060');
    expect(nr060).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: KUBELET_REFUSAL,
        location: { file: 'fixtures/images/k8s-user-app/manifests/deployment.yaml', line: 16 },
      }),
    ]);
  });

  it('passes USER $APP_UID on a .NET-like base under a restricted Deployment', async () => {
    const result = await cli([
      'check',
      '--image',
      APP_UID,
      '--manifests',
      'fixtures/images/k8s-app-uid/manifests/*.yaml',
      '--preset',
      'restricted',
    ]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).not.toContain('NR06');
  });

  it('matches by manifest-image when the manifests name the image differently', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nonroot-guard-k8s-'));
    const manifest = join(dir, 'pod.yaml');
    await writeFile(
      manifest,
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: app',
        'spec:',
        '  securityContext:',
        '    runAsNonRoot: true',
        '  containers:',
        '    - name: app',
        '      image: ghcr.io/octo-org/app:1.2.3',
        '',
      ].join('\n'),
    );
    const args = [
      'check',
      '--image',
      USER_APP,
      '--manifests',
      relative(REPO_ROOT, manifest),
      '--format',
      'json',
    ];
    const unmatched = JSON.parse((await cli(args)).stdout);
    expect(unmatched.skipped).toContainEqual({
      rule: 'NR060',
      reason:
        'no container in 1 manifest file runs this image (they run ghcr.io/octo-org/app:1.2.3): set manifest-image to the image as the manifests name it',
    });
    const matched = JSON.parse(
      (await cli([...args, '--manifest-image', 'ghcr.io/octo-org/app'])).stdout,
    );
    expect(matched.findings.map((finding: { rule: string }) => finding.rule)).toContain('NR060');
  });

  it('stops with the file, line and column of a broken manifest, before building anything', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nonroot-guard-k8s-'));
    await writeFile(join(dir, 'bad.yaml'), 'kind: Deployment\nspec: [\n');
    const shown = relative(REPO_ROOT, join(dir, 'bad.yaml'));
    const result = await cli([
      'check',
      '--image',
      'never-built:x',
      '--context',
      'fixtures/images/k8s-user-app',
      '--manifests',
      shown,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `nonroot-guard: ${shown}:3:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]\nFix: Every document of a manifest file must be valid YAML, as \`kubectl apply\` reads it.\n`,
    );
    expect(result.stderr).not.toMatch(STACK_FRAME);
    await expect(docker('image', 'inspect', 'never-built:x')).rejects.toThrow();
    const none = await cli(['check', '--image', USER_APP, '--manifests', 'deploy/nothing-*.yaml']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('manifests: "deploy/nothing-*.yaml" matches no file');
  });

  it('annotates the manifest line from the action', async () => {
    const run = await runAction({
      image: USER_APP,
      dockerfile: 'fixtures/images/k8s-user-app/Dockerfile',
      manifests: 'fixtures/images/k8s-user-app/manifests/*.yaml',
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error title=NR060 A manifest running this image has runAsNonRoot%3A true%2C and the kubelet would refuse the image user,file=fixtures/images/k8s-user-app/manifests/deployment.yaml,line=16::',
    );
  });
});
