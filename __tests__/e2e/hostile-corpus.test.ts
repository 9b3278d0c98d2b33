import { execFile } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { HostileCase } from '../../src/docs/reliability.js';
import { runAction } from '../helpers/action.js';
import { buildImage, docker, FIXTURES, REPO_ROOT } from '../helpers/docker.js';
import { bundleWithLimits } from '../helpers/lowered-probe.js';
import { startGitHubApi, TEST_TOKENS, type GitHubApi } from '../helpers/github-api.js';
import {
  importAccountFileImage,
  startPrivateDaemon,
  type PrivateDaemon,
} from '../helpers/private-daemon.js';
import { startRegistry, type Registry } from '../helpers/registry.js';
import { cli, STACK_FRAME } from '../helpers/run.js';

/**
 * The hostile corpus (fixtures/hostile/cases.json), run end to end through
 * the committed bundles: each case must end within its bound with exactly its
 * outcome (exit code, verdict, rules, message), never a stack trace. The
 * README's "Reliability" section is generated from the same list.
 */

const run = promisify(execFile);

const CASES = JSON.parse(
  await readFile(join(FIXTURES, 'hostile/cases.json'), 'utf8'),
) as HostileCase[];
const HOSTILE = join(FIXTURES, 'hostile');
/** Images the inputs cases need: root (busybox) and non-root with no findings. */
const BUSYBOX = 'nonroot-guard-fixture/busybox:test';
const NONROOT = 'nonroot-guard-hostile/user-1654:test';
/** Fixtures of the regular corpus that belong in this table too. */
const FROM_IMAGES = new Set(['hostile-names', 'user-1654-gid-0', 'walk-past-limit']);
const OWNER = 'octo-org';
const REPO = 'octo-app';
const PR = 3;

const imageOf = (id: string) => `nonroot-guard-hostile/${id}:test`;
const dockerfileOf = (id: string) =>
  FROM_IMAGES.has(id) ? `fixtures/images/${id}/Dockerfile` : `fixtures/hostile/${id}/Dockerfile`;

/** Builds a corpus image; some need a file or a flag the Dockerfile cannot carry. */
async function buildCase(id: string): Promise<void> {
  if (FROM_IMAGES.has(id)) {
    await buildImage(join(FIXTURES, 'images', id), imageOf(id));
    return;
  }
  if (id === 'other-platform') {
    // Only files, so it builds for arm64 without emulation; the arm64 probe is a real arm64 binary.
    const context = await mkdtemp(join(tmpdir(), 'nonroot-guard-hostile-'));
    await cp(join(HOSTILE, id), context, { recursive: true });
    await cp(join(REPO_ROOT, 'dist/probe/linux-arm64'), join(context, 'app'));
    await docker('build', '--quiet', '--platform', 'linux/arm64', '--tag', imageOf(id), context);
    return;
  }
  if (id === 'workdir-device') {
    // The builder re-creates WORKDIR at every step, so WORKDIR and USER are set by a commit.
    await buildImage(join(HOSTILE, id), `${imageOf(id)}-base`);
    const container = (await docker('create', `${imageOf(id)}-base`)).trim();
    await docker(
      'commit',
      '--change',
      'WORKDIR /w',
      '--change',
      'USER 1654:1654',
      container,
      imageOf(id),
    );
    await docker('rm', container);
    return;
  }
  if (id === 'user-nul') {
    await buildImage(join(HOSTILE, id), `${imageOf(id)}-base`);
    await commitWithConfig(`${imageOf(id)}-base`, imageOf(id), { User: 'app\u0000x' });
    return;
  }
  const buildArgs =
    id === 'huge-metadata'
      ? [`BIG=${'<b>@x</b> '.repeat(6554).slice(0, 65536)}`]
      : id === 'passwd-via-proc-environ'
        ? ['SMUGGLED=x\napp:x:1654:1654::/home/app:/bin/sh\nz']
        : [];
  await buildImage(join(HOSTILE, id), imageOf(id), { buildArgs });
}

/**
 * Image config that no Dockerfile or CLI flag can write (a NUL byte in Config.User):
 * committed through the engine's API, whose JSON carries any string. The same on the
 * classic and the containerd image store (a docker save archive differs between them).
 */
async function commitWithConfig(
  from: string,
  to: string,
  config: Record<string, unknown>,
): Promise<void> {
  const container = (await docker('create', from)).trim();
  try {
    const colon = to.lastIndexOf(':');
    const query = new URLSearchParams({
      container,
      repo: to.slice(0, colon),
      tag: to.slice(colon + 1),
    });
    const host = process.env['DOCKER_HOST'] ?? 'unix:///var/run/docker.sock';
    const body = JSON.stringify(config);
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        {
          socketPath: host.replace(/^unix:\/\//, ''),
          path: `/commit?${query}`,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      request.on('error', reject);
      request.end(body);
    });
    if (status !== 201) throw new Error(`POST /commit for ${to} answered ${status}`);
  } finally {
    await docker('rm', container);
  }
}

let scratch: string;
/** Where the full-disk case mounts its tmpfs. */
const FULL_DISK = join(tmpdir(), 'nonroot-guard-full-disk');
let privateDaemon: PrivateDaemon | undefined;
let registry: Registry | undefined;
let privateRef: string;

/** The case's arguments with its placeholders filled in, and its environment. */
async function prepare(
  c: HostileCase,
): Promise<{ args: string[]; inputs: Record<string, string>; env: NodeJS.ProcessEnv }> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const fill = async (value: string): Promise<string> => {
    switch (value) {
      case '@busybox':
        return BUSYBOX;
      case '@nonroot':
        return NONROOT;
      case '@private':
        return privateRef;
      case '@policy': {
        const path = join(scratch, `${c.id}.yml`);
        await writeFile(
          path,
          c.setup === 'policy-binary'
            ? Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0xff, 0xfe])
            : `# ${'x'.repeat(2 * 1024 * 1024)}\npreset: baseline\n`,
        );
        return path;
      }
      case '@fifo': {
        const path = join(scratch, `${c.id}.fifo`);
        await rm(path, { force: true });
        await run('mkfifo', [path]);
        return path;
      }
      case '@full': {
        // A 4 KiB tmpfs, filled: every write there fails with ENOSPC.
        await mkdir(FULL_DISK, { recursive: true });
        await run('mount', ['-t', 'tmpfs', '-o', 'size=4k', 'nonroot-guard-full', FULL_DISK]);
        await writeFile(join(FULL_DISK, 'fill'), Buffer.alloc(4096)).catch(() => {});
        return join(FULL_DISK, 'report.json');
      }
      case '@context': {
        const dir = await mkdtemp(join(scratch, 'context-'));
        await writeFile(join(dir, 'Dockerfile'), `FROM ${BUSYBOX}\nRUN echo building && exit 3\n`);
        return dir;
      }
      default:
        return value;
    }
  };
  const args = await Promise.all((c.args ?? []).map(fill));
  const inputs = Object.fromEntries(
    await Promise.all(
      Object.entries(c.action ?? {}).map(async ([key, value]) => [key, await fill(value)]),
    ),
  ) as Record<string, string>;
  if (c.setup === 'no-docker') {
    // On a local socket the Engine API needs no docker CLI; a tcp engine is the CLI's to reach.
    env['PATH'] = '/nonexistent';
    env['DOCKER_HOST'] = 'tcp://127.0.0.1:9';
  }
  if (c.setup === 'no-daemon') env['DOCKER_HOST'] = 'unix:///nonexistent/docker.sock';
  if (c.setup === 'probe-timeout') env['NONROOT_GUARD_PROBE_TIMEOUT'] = '0.05';
  if (c.setup === 'copy-transfer') env['NONROOT_GUARD_PROBE_TRANSFER'] = 'copy';
  if (c.setup === 'not-linux') {
    // The runner's platform as Node reports it, faked before the bundle loads.
    env['NODE_OPTIONS'] =
      "--import=data:text/javascript,Object.defineProperty(process,'platform',{value:'win32'})";
  }
  return { args, inputs, env };
}

/** A GitHub API stand-in that fails as the case says, and the pull request it serves. */
async function githubFor(c: HostileCase): Promise<GitHubApi> {
  const api = await startGitHubApi();
  api.addPullRequest({ owner: OWNER, repo: REPO, number: PR, headSha: 'b'.repeat(40) });
  const comments = `/repos/${OWNER}/${REPO}/issues/${PR}/comments`;
  switch (c.setup) {
    case 'api:500':
      api.failNext({ method: 'POST', path: comments, status: 500, times: 10 });
      break;
    case 'api:403':
      api.failNext({ method: 'POST', path: comments, status: 403 });
      break;
    case 'api:404':
      api.failNext({ method: 'GET', path: comments, status: 404 });
      break;
    case 'api:422':
      api.failNext({ method: 'POST', path: comments, status: 422 });
      break;
    case 'api:rate-limit':
      api.failNext({ method: 'GET', path: comments, status: 403, rateLimit: 'primary' });
      break;
    case 'api:slow':
      api.delayNext({ method: 'GET', path: comments, ms: 20_000 });
      break;
  }
  return api;
}

describe.skipIf(!inject('docker'))('the hostile corpus', () => {
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'nonroot-guard-corpus-'));
    await buildImage(join(FIXTURES, 'images/user-1654'), NONROOT);
    registry = await startRegistry(5002, { auth: true });
    privateRef = `${registry.host}/nonroot-guard/private:1`;
    // Two builds at a time: the machine has two cores.
    const ids = CASES.filter((c) => c.group === 'image').map((c) => c.id);
    for (let index = 0; index < ids.length; index += 2) {
      await Promise.all(ids.slice(index, index + 2).map(buildCase));
    }
    // The images that attack the daemon exist only on a private one, made without starting anything.
    privateDaemon = await startPrivateDaemon();
    for (const c of CASES.filter((c) => c.group === 'daemon')) {
      await importAccountFileImage(
        privateDaemon,
        imageOf(c.id),
        scratch,
        c.id as 'fifo-passwd' | 'zero-group',
      );
    }
  }, 900_000);

  afterAll(async () => {
    await registry?.stop();
    if (privateDaemon) {
      for (const c of CASES.filter((c) => c.group === 'daemon')) {
        await privateDaemon.docker('image', 'rm', '--force', imageOf(c.id)).catch(() => '');
      }
      await privateDaemon.stop();
    }
  });

  /** Containers of the corpus images, and volumes no container uses: what a check could leave behind. */
  const leftovers = async () => {
    const images = CASES.filter((c) => c.group === 'image').map((c) => imageOf(c.id));
    const containers = await docker(
      'ps',
      '--all',
      '--quiet',
      ...images.flatMap((image) => ['--filter', `ancestor=${image}`]),
    );
    const volumes = await docker('volume', 'ls', '--quiet', '--filter', 'dangling=true');
    return {
      containers: containers.split('\n').filter(Boolean),
      volumes: volumes.split('\n').filter(Boolean),
    };
  };
  let before: Awaited<ReturnType<typeof leftovers>>;
  beforeAll(async () => {
    before = await leftovers();
  });

  it('lists each case once, with a bound and something it says', () => {
    const ids = CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CASES) {
      expect(c.expect.says, c.id).not.toBe('');
      expect(c.boundSeconds, c.id).toBeGreaterThan(0);
    }
  });

  it.each(CASES.filter((c) => !c.action).map((c) => [c.id, c] as const))(
    '%s',
    async (_, c) => {
      const { args, env } = await prepare(c);
      if (c.group === 'daemon') Object.assign(env, privateDaemon!.env);
      const full =
        c.group === 'daemon'
          ? ['check', '--image', imageOf(c.id), '--format', 'json']
          : c.group === 'image'
            ? [
                'check',
                '--image',
                imageOf(c.id),
                '--dockerfile',
                dockerfileOf(c.id),
                '--format',
                c.setup === 'markdown' ? 'markdown' : 'json',
                ...args,
              ]
            : ['check', ...args, ...(c.expect.exit === 2 ? [] : ['--format', 'json'])];
      const root = c.probeLimits && (await bundleWithLimits(c.probeLimits));
      const result = await cli(full, { env, timeoutMs: c.boundSeconds * 1000, root });
      if (root) await rm(root, { recursive: true, force: true });
      const output = `${result.stdout}\n${result.stderr}`;
      expect(result.code, output.slice(-2000)).toBe(c.expect.exit);
      expect(output).not.toMatch(STACK_FRAME);
      if (c.setup === 'full-disk') {
        const left = await readdir(FULL_DISK);
        await run('umount', [FULL_DISK]);
        expect(left).toEqual(['fill']);
      }
      if (c.expect.exit === 2) {
        expect(result.stdout).toBe('');
        expect(result.stderr).toContain(c.expect.says);
        expect(result.stderr).toMatch(/^Fix: /m);
        return;
      }
      if (c.setup === 'markdown') {
        // What the PR comment gets: the characters shown, none of them left to act.
        expect(result.stdout).toContain(c.expect.says);
        expect(result.stdout).not.toMatch(
          /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/,
        );
        for (const rule of c.expect.rules ?? []) expect(result.stdout).toContain(rule);
        return;
      }
      const report = JSON.parse(result.stdout);
      expect(report.verdict).toBe(c.expect.verdict);
      const rules = report.findings.map((finding: { rule: string }) => finding.rule);
      for (const rule of c.expect.rules ?? []) expect(rules).toContain(rule);
      expect(result.stdout).toContain(c.expect.says);
    },
    300_000,
  );

  it.each(CASES.filter((c) => c.action).map((c) => [c.id, c] as const))(
    '%s',
    async (_, c) => {
      const { inputs, env } = await prepare(c);
      const api = c.group === 'github' ? await githubFor(c) : undefined;
      try {
        const run = await runAction(
          { ...inputs, 'github-token': TEST_TOKENS.installation },
          {
            eventName: api ? 'pull_request' : 'push',
            event: api ? api.pullRequestEvent(OWNER, REPO, PR) : {},
            env: {
              ...env,
              ...(api ? { GITHUB_API_URL: api.url, GITHUB_REPOSITORY: `${OWNER}/${REPO}` } : {}),
              // Only the slow API case waits for the deadline; the others must show GitHub's own answer.
              NONROOT_GUARD_GITHUB_TIMEOUT: c.setup === 'api:slow' ? '3' : '60',
            },
            timeoutMs: c.boundSeconds * 1000,
          },
        );
        const said = run.commands
          .map((command) => `${command.command}: ${command.message}`)
          .join('\n');
        expect(run.code, `${run.stdout}\n${run.stderr}`.slice(-2000)).toBe(c.expect.exit);
        expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
        expect(said).toContain(c.expect.says);
        if (api) expect(api.violations).toEqual([]);
      } finally {
        await api?.close();
      }
    },
    300_000,
  );

  // Last in this file (vitest runs a file's tests in order): after every case, timeouts and the
  // copy transfer included, no probe container and no anonymous volume of theirs is left.
  it('leaves no container and no volume behind', async () => {
    const after = await leftovers();
    expect(after.containers).toEqual([]);
    expect(after.volumes.filter((volume) => !before.volumes.includes(volume))).toEqual([]);
  });

  it('leaves the private daemon answering, with no container of those images ever made to run', async () => {
    expect(await privateDaemon!.answers()).toBe(true);
    expect(await privateDaemon!.docker('ps', '--all', '--quiet')).toBe('');
    expect(await docker('version', '--format', '{{.Server.Version}}')).not.toBe('');
  });
});
