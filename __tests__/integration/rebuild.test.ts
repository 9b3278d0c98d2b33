import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { gatherFacts, type CheckEnvironment } from '../../src/check/check.js';
import { onlyVariant } from '../helpers/gathered.js';
import { runBuildCommand } from '../../src/source/build-command.js';
import { DockerSource } from '../../src/source/docker/source.js';
import { parseOptions } from '../../src/options/parse.js';
import { evaluate } from '../../src/policy/evaluate.js';
import type { Evaluation, Finding } from '../../src/policy/types.js';
import { buildImage, FIXTURES, REPO_ROOT } from '../helpers/docker.js';

const run = promisify(execFile);

const IMAGES = join(FIXTURES, 'images');
const cases = readdirSync(IMAGES).sort();

/**
 * The findings that must carry a diff, per fixture: a diff appearing or going
 * away is a decision, so it shows here. Every diff any fixture gets is then
 * applied with git, built and checked again below.
 */
const WITH_DIFF: Record<string, string[]> = {
  'builder-only-user': ['NR001', 'NR010'],
  'copy-chown-app': ['NR020'],
  'debian-root': ['NR001', 'NR010', 'NR030', 'NR031'],
  'dotnet-root': ['NR001', 'NR010'],
  'name-maps-to-root': ['NR002', 'NR010'],
  'passwd-into-proc': ['NR002'],
  'port-80-aspnetcore-urls': ['NR050'],
  'port-80-env': ['NR050'],
  'port-80-expose': ['NR050'],
  'root-by-default': ['NR001', 'NR010'],
  // No diff: the user's would leave EXPOSE 80 unbindable (it failed the re-check with a new
  // NR050 error), and EXPOSE 80 alone says nothing of where the app listens to move it.
  'root-port-80': [],
  'run-chown-app': ['NR020', 'NR020'],
  'setuid-busybox': ['NR030'],
  'setuid-under-root': ['NR030'],
  'shell-less-root': ['NR001', 'NR010'],
  'su-cannot-switch': ['NR031'],
  'sudo-present': ['NR030', 'NR031'],
  // Built here with the release probe, whose walk reaches the file its fixture's probe cannot.
  'walk-past-limit': ['NR030'],
  'system-writable-etc': ['NR021'],
  'user-0-0': ['NR002', 'NR010'],
  'user-00': ['NR002', 'NR010'],
  'user-app': ['NR003'],
  'user-root': ['NR002', 'NR010'],
  'user-root-dotnet-base': ['NR002', 'NR010'],
  'world-writable-app': ['NR020'],
  'writable-data-dir': ['NR022'],
  // The Dockerfile diff fixes NR003 and NR060; one manifest patch fixes the three NR061 gaps.
  'k8s-user-app': ['NR003', 'NR060', 'NR061', 'NR061', 'NR061'],
  'k8s-user-override': ['NR062'],
};

/**
 * The Dockerfile after the fix, for a few fixtures: what a person sees the diff do. Keyed
 * by the fixture, or by fixture and rule where a fixture gets more than one diff.
 */
const AFTER: Record<string, string> = {
  // A real Debian base: the user is created with its own groupadd and useradd.
  'debian-root NR001': [
    'FROM nonroot-guard-fixture/debian-minbase:test',
    'WORKDIR /app',
    'COPY app.sh .',
    'RUN groupadd --gid 10001 app \\',
    ' && useradd --uid 10001 --gid 10001 --create-home --shell /usr/sbin/nologin app',
    'USER 10001',
    'CMD ["/app/app.sh"]',
    '',
  ].join('\n'),
  // Debian's su comes with the base: removed as root, before the (unchanged) root user runs.
  'debian-root NR031': [
    'FROM nonroot-guard-fixture/debian-minbase:test',
    'WORKDIR /app',
    'COPY app.sh .',
    'RUN rm -f /bin/su',
    'CMD ["/app/app.sh"]',
    '',
  ].join('\n'),
  // A BusyBox applet link: only the link goes, before the final USER.
  'su-cannot-switch NR031': [
    'FROM nonroot-guard-fixture/dotnet-like:test',
    'RUN ln -s /bin/busybox /bin/su',
    'USER 0',
    'RUN rm -f /bin/su',
    'USER $APP_UID',
    'CMD ["/bin/sh"]',
    '',
  ].join('\n'),
  'dotnet-root': [
    'FROM nonroot-guard-fixture/dotnet-like:test',
    'WORKDIR /app',
    'COPY app.sh /app/app.sh',
    'USER $APP_UID',
    'ENTRYPOINT ["/app/app.sh"]',
    '',
  ].join('\n'),
  'user-app': [
    'FROM nonroot-guard-fixture/dotnet-like:test',
    'COPY app.sh /app/app.sh',
    'USER $APP_UID',
    'CMD ["/app/app.sh"]',
    '',
  ].join('\n'),
  'root-by-default': [
    'FROM nonroot-guard-fixture/busybox:test',
    'COPY app.sh /app/app.sh',
    'WORKDIR /app',
    "RUN echo 'app:x:10001:10001::/home/app:/sbin/nologin' >> /etc/passwd \\",
    " && echo 'app:x:10001:' >> /etc/group \\",
    ' && mkdir -p /home/app && chown 10001:10001 /home/app',
    'USER 10001',
    'CMD ["/app/app.sh"]',
    '',
  ].join('\n'),
  // No shell to create a user with, and no final newline.
  'shell-less-root':
    'FROM scratch\nCOPY passwd group /etc/\nCOPY app.sh /app/app\nUSER 10001:10001',
  'run-chown-app': [
    'FROM nonroot-guard-fixture/dotnet-like:test',
    'WORKDIR /app',
    'COPY app.sh .',
    'RUN mkdir -p /app/cache \\',
    ' && echo built > /app/cache/stamp',
    'USER $APP_UID',
    'ENTRYPOINT ["/app/app.sh"]',
    '',
  ].join('\n'),
  'port-80-aspnetcore-urls': [
    'FROM nonroot-guard-fixture/dotnet-like:test',
    'ENV ASPNETCORE_HTTP_PORTS=8080',
    'USER $APP_UID',
    'CMD ["/bin/sh"]',
    '',
  ].join('\n'),
  'setuid-busybox': [
    'FROM nonroot-guard-fixture/dotnet-like:test',
    'RUN mkdir -p /usr/local/bin && cp /bin/busybox /usr/local/bin/busybox-suid && chmod u+s /usr/local/bin/busybox-suid',
    'USER 0',
    'RUN chmod u-s,g-s /usr/local/bin/busybox-suid',
    'USER $APP_UID',
    'CMD ["/bin/sh"]',
    '',
  ].join('\n'),
};

const env = (cwd: string): CheckEnvironment => ({
  source: new DockerSource(),
  runBuildCommand,
  log: () => {},
  cwd,
  version: 'test',
});

const policy = { preset: 'hardened', failOn: 'error', probe: 'optional' } as const;

const errors = (evaluation: Evaluation) =>
  new Set(evaluation.findings.filter((f) => f.severity === 'error').map((f) => f.rule));

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'nonroot-guard-fixes-'));
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe.skipIf(!inject('docker'))('fixes, applied with git and rebuilt', () => {
  describe.each(cases)('%s', (name) => {
    const dockerfile = `fixtures/images/${name}/Dockerfile`;
    let before: Evaluation;

    // A case with manifests is checked with them, naming the image as they do (the tags differ here).
    const kubernetes = existsSync(join(IMAGES, name, 'manifests'))
      ? {
          manifests: [`fixtures/images/${name}/manifests/*.yaml`],
          'manifest-image': `nonroot-guard-fixture/case-${name}:test`,
        }
      : {};

    beforeAll(async () => {
      const options = parseOptions(
        {
          image: `nonroot-guard-fixture/fix-${name}:before`,
          context: `fixtures/images/${name}`,
          ...kubernetes,
        },
        '--',
      );
      const { facts } = onlyVariant(await gatherFacts(options, env(REPO_ROOT)));
      before = evaluate(facts, policy);
    });

    it('offers diffs for exactly the expected findings', () => {
      const withDiff = before.findings.filter((f) => f.fix?.diff).map((f) => f.rule);
      expect(withDiff.sort()).toEqual((WITH_DIFF[name] ?? []).sort());
    });

    it('each diff applies, builds, and removes its finding without a new error', async () => {
      // Findings that share a diff (NR001 and NR010) are checked with one build.
      const byDiff = new Map<string, Finding[]>();
      for (const finding of before.findings) {
        const diff = finding.fix?.diff;
        if (diff) byDiff.set(diff, [...(byDiff.get(diff) ?? []), finding]);
      }
      expect(byDiff.size > 0).toBe((WITH_DIFF[name] ?? []).length > 0);
      let n = 0;
      for (const [diff, findings] of byDiff) {
        const root = join(work, `${name}-${n}`);
        const dir = join(root, 'fixtures', 'images', name);
        await mkdir(dir, { recursive: true });
        await cp(join(IMAGES, name), dir, { recursive: true });
        await writeFile(join(root, 'fix.diff'), diff);
        await run('git', ['apply', '--check', 'fix.diff'], { cwd: root });
        await run('git', ['apply', 'fix.diff'], { cwd: root });
        const shown = findings.map((f) => AFTER[`${name} ${f.rule}`]).find(Boolean) ?? AFTER[name];
        if (shown !== undefined) {
          expect(await readFile(join(dir, 'Dockerfile'), 'utf8')).toBe(shown);
        }

        const tag = `nonroot-guard-fixture/fix-${name}:after-${n++}`;
        await buildImage(dir, tag);
        const options = parseOptions({ image: tag, dockerfile, ...kubernetes }, '--');
        const { facts } = onlyVariant(await gatherFacts(options, env(root)));
        // An account file the probe must refuse (NR007) stays refused: no other rule's fix changes it.
        const refused = before.findings.some((f) => f.rule === 'NR007');
        expect(facts.probe.status).toBe(refused ? 'user-error' : 'ok');
        const after = evaluate(facts, policy);
        const fixed = new Set(findings.map((f) => f.rule));
        const fired = new Set(after.findings.map((f) => f.rule));
        for (const rule of fixed) expect(fired.has(rule), `${rule} still fires`).toBe(false);
        const allowed = [...errors(before)].filter((rule) => !fixed.has(rule));
        for (const rule of errors(after)) expect(allowed, `new error ${rule}`).toContain(rule);
      }
    });
  });
});
