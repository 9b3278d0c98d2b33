import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUSYBOX, FIXTURES } from '../helpers/docker.js';
import { HAS_BUILDX } from '../helpers/engines.js';
import { cli, STACK_FRAME } from '../helpers/run.js';

/**
 * Build secrets and SSH, named as docker/build-push-action names them (`secrets`,
 * `secret-files`, `ssh`), through the CLI bundle: a Dockerfile whose RUN needs a secret
 * and an agent (required=true) builds inside the check as it does outside, and the
 * secret's value reaches neither the output nor the report. On an engine whose CLI has
 * no buildx (Debian 12's docker.io 20.10), the check says so before building.
 */
const run = promisify(execFile);
const SECRET = 'feed-token-5b1f0c9e-never-printed';

let context: string;
let agent: ChildProcess;
let agentSocket: string;
let npmrc: string;
const images: string[] = [];

beforeAll(async () => {
  context = await mkdtemp(join(tmpdir(), 'nonroot-guard-secrets-'));
  await cp(join(FIXTURES, 'buildkit/secrets/Dockerfile'), join(context, 'Dockerfile'));
  await cp(BUSYBOX, join(context, 'busybox'));
  npmrc = join(context, 'npmrc');
  await writeFile(npmrc, 'registry=https://npm.example/\n', { mode: 0o600 });
  agentSocket = join(context, 'agent.sock');
  // A real agent with no keys: the mount needs a socket, not a key.
  agent = spawn('ssh-agent', ['-D', '-a', agentSocket], { stdio: 'ignore' });
  for (let attempt = 0; attempt < 50; attempt++) {
    if (
      await run('test', ['-S', agentSocket]).then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((done) => setTimeout(done, 100));
  }
});

afterAll(async () => {
  agent?.kill();
  for (const image of images) await run('docker', ['image', 'rm', image]).catch(() => {});
  await rm(context, { recursive: true, force: true });
});

/** A check that builds the fixture under a fresh RUN_ID (a cached RUN would prove nothing). */
function checkBuild(extra: string[]) {
  const image = `nonroot-guard-secrets/build:${Date.now().toString(36)}`;
  images.push(image);
  return cli([
    'check',
    '--context',
    context,
    '--image',
    image,
    '--build-arg',
    `RUN_ID=${image}`,
    '--format',
    'json',
    ...extra,
  ]);
}

const allOfThem = () => [
  '--secret',
  `feed_token=${SECRET}`,
  '--secret-file',
  `npmrc=${npmrc}`,
  '--ssh',
  `default=${agentSocket}`,
];

/** Without buildx, every build with secrets or SSH is refused with the reason, before building. */
const NO_BUILDX =
  'build secrets and SSH need BuildKit through buildx, and this docker CLI has no buildx';

describe(`build secrets and SSH (${HAS_BUILDX ? 'buildx' : 'a docker CLI without buildx'})`, () => {
  it('build a Dockerfile whose RUN needs them, and keep the value out of every output', async () => {
    const result = await checkBuild(allOfThem());
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    if (!HAS_BUILDX) {
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(NO_BUILDX);
      return;
    }
    expect(result.code, result.stderr.slice(-2000)).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ verdict: 'pass', user: { uid: 1654 } });
  });

  it.each([
    [
      'the secret',
      ['--secret-file', 'npmrc=NPMRC', '--ssh', 'default=AGENT'],
      'secret feed_token: not found',
    ],
    [
      'the agent',
      ['--secret', `feed_token=${SECRET}`, '--secret-file', 'npmrc=NPMRC'],
      'unset ssh forward key default',
    ],
  ])('fail the build without %s, as BuildKit does outside the check', async (_, flags, words) => {
    const args = flags.map((flag) => flag.replace('NPMRC', npmrc).replace('AGENT', agentSocket));
    const result = await checkBuild(args);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain(SECRET);
    if (!HAS_BUILDX) {
      expect(result.stderr).toContain(NO_BUILDX);
      return;
    }
    expect(result.stderr).toContain('docker build failed (exit code 1)');
    expect(result.stderr).toContain(words);
  });

  it('name a secret file that is not there, before building', async () => {
    const result = await checkBuild(['--secret-file', 'npmrc=no-such-file']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the secret file for npmrc is not a readable file: ');
    expect(result.stderr).toContain('no-such-file');
  });
});
