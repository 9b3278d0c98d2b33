import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gatherFacts, type CheckEnvironment } from '../../src/check/check.js';
import { onlyVariant } from '../helpers/gathered.js';
import { imageRequest } from '../../src/check/image-request.js';
import { parseOptions } from '../../src/options/parse.js';
import type { RawOptions } from '../../src/options/options.js';
import { CheckError } from '../../src/shared/errors.js';
import { imageFacts, probeOutput } from '../helpers/facts.js';
import { FakeSource } from '../helpers/fake-source.js';

/**
 * The check's own logic, on an image source held in memory: which calls it
 * makes and in what order, and what becomes of each answer. The same paths
 * run against real engines in __tests__/integration and __tests__/e2e.
 */

async function workspace(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'nonroot-guard-gather-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

function environment(source: FakeSource, cwd: string): CheckEnvironment {
  return {
    source,
    runBuildCommand: async () => ({ exitCode: 0, output: '' }),
    log: () => {},
    cwd,
    version: 'test',
    today: '2026-12-07',
  };
}

const options = (raw: RawOptions) => parseOptions(raw, '--');

describe('gathering the facts of an existing image', () => {
  it('inspects, probes once as the engine is, and takes the account files the probe read', async () => {
    const source = new FakeSource();
    const image = imageFacts({ ref: 'app:1', user: 'app', exposedPorts: ['8080/tcp'] });
    source.local.set('app:1', image);
    const gathered = await gatherFacts(
      options({ image: 'app:1' }),
      environment(source, await workspace()),
    );
    expect(source.calls).toEqual(['engine', 'inspect app:1', 'platforms app:1', 'runProbe app:1']);
    expect(source.probeRequests[0]).toMatchObject({ engineArch: 'amd64', ports: ['8080/tcp'] });
    expect(onlyVariant(gathered).facts.image).toBe(image);
    expect(onlyVariant(gathered).facts.probe).toEqual({ status: 'ok', elapsedMs: 5 });
    expect(onlyVariant(gathered).facts.runtime).toEqual(probeOutput());
    expect(onlyVariant(gathered).facts.user.uid).toBe(1654);
    expect(onlyVariant(gathered).facts.dockerfile).toBeNull();
    expect(onlyVariant(gathered).notes).toEqual([]);
  });

  it('reads the account files itself when the probe could not run, and says why the probe failed', async () => {
    const source = new FakeSource();
    source.local.set('app:1', imageFacts({ ref: 'app:1', user: 'app' }));
    source.probe = () => ({
      ok: false,
      reason: 'the probe was killed (exit 137)',
      elapsedMs: 9,
      container: 'c',
      accountFiles: null,
      notes: ['a note of the probe'],
    });
    const gathered = await gatherFacts(
      options({ image: 'app:1' }),
      environment(source, await workspace()),
    );
    expect(source.calls.at(-1)).toBe('readAccountFiles app:1');
    expect(onlyVariant(gathered).facts.probe).toEqual({
      status: 'failed',
      reason: 'the probe was killed (exit 137)',
    });
    expect(onlyVariant(gathered).facts.runtime).toBeNull();
    expect(onlyVariant(gathered).facts.user.uid).toBe(1654);
    expect(onlyVariant(gathered).notes).toEqual(['a note of the probe']);
  });

  it("reads a failed variant's account files from that variant of a multi-platform image", async () => {
    const source = new FakeSource();
    const amd64 = imageFacts({ ref: 'app:1', id: 'sha256:index', platform: 'linux/amd64' });
    source.local.set('app:1', amd64);
    source.variants.set('app:1 linux/arm64', { ...amd64, platform: 'linux/arm64' });
    source.platformListings.set('app:1', {
      kind: 'index',
      platforms: [
        { platform: 'linux/amd64', manifest: 'sha256:amd64' },
        { platform: 'linux/arm64', manifest: 'sha256:arm64' },
      ],
      unusable: [],
    });
    const base = source.probe;
    source.probe = (request) =>
      request.platform === 'linux/arm64'
        ? {
            ok: false,
            reason: 'the probe was killed (exit 137)',
            elapsedMs: 9,
            container: 'c',
            accountFiles: null,
            notes: [],
          }
        : base(request);
    const gathered = await gatherFacts(
      options({ image: 'app:1' }),
      environment(source, await workspace()),
    );
    expect(gathered.variants.map(({ facts }) => facts.probe.status)).toEqual(['ok', 'failed']);
    expect(source.calls.filter((call) => call.startsWith('readAccountFiles'))).toEqual([
      'readAccountFiles app:1 linux/arm64',
    ]);
  });

  it("marks a probe that could not become the image's user as user-error", async () => {
    const source = new FakeSource();
    source.local.set('app:1', imageFacts({ ref: 'app:1', user: 'app' }));
    const base = source.probe;
    source.probe = (request) => {
      const result = base(request);
      return result.ok
        ? { ...result, output: probeOutput({ userError: 'unable to find group nogroup' }) }
        : result;
    };
    const gathered = await gatherFacts(
      options({ image: 'app:1' }),
      environment(source, await workspace()),
    );
    expect(onlyVariant(gathered).facts.probe).toEqual({
      status: 'user-error',
      reason: "the container cannot start as the image's user: unable to find group nogroup",
    });
  });

  it('notes an image of another platform than asked, and one the engine runs under another architecture', async () => {
    const source = new FakeSource();
    source.local.set('app:1', imageFacts({ ref: 'app:1', platform: 'linux/arm64' }));
    const gathered = await gatherFacts(
      options({ image: 'app:1', platform: 'linux/amd64' }),
      environment(source, await workspace()),
    );
    expect(onlyVariant(gathered).notes).toEqual([
      'platform linux/amd64 was asked for but the image is linux/arm64: the findings are about the linux/arm64 image',
      "the image is linux/arm64 and the Docker engine linux/amd64: the probe ran as a linux/amd64 binary, which uses nothing of the image's own, so the findings hold for the linux/arm64 image",
    ]);
  });

  it("gives the engine's reason when the engine does not answer, even when the inputs fail too", async () => {
    const source = new FakeSource();
    source.engineInfo = new CheckError(
      'docker',
      'Cannot connect to the Docker daemon',
      'Start it.',
    );
    const error = await gatherFacts(
      options({ image: 'app:1', dockerfile: 'missing/Dockerfile' }),
      environment(source, await workspace()),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CheckError);
    expect((error as CheckError).message).toBe('Cannot connect to the Docker daemon');
  });

  it('fails on a bad policy before anything else is awaited', async () => {
    const source = new FakeSource();
    const cwd = await workspace({ 'policy.yml': 'preset: lenient\n' });
    const error = await gatherFacts(
      options({ image: 'app:1', policy: 'policy.yml' }),
      environment(source, cwd),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CheckError);
    expect((error as CheckError).message).toMatch(/^policy\.yml:1:9: /);
    expect(source.calls).not.toContain('runProbe app:1');
  });
});

describe('gathering the facts of an image the check builds', () => {
  it('waits for the engine, reads the Dockerfile, builds, and resolves the base ENV from the local base', async () => {
    const source = new FakeSource();
    const cwd = await workspace({
      Dockerfile: 'FROM example/base:1\nUSER $APP_UID\n',
    });
    source.local.set(
      'example/base:1',
      imageFacts({ ref: 'example/base:1', env: { APP_UID: '1654' } }),
    );
    source.builds.set('app:pr-1', imageFacts({ ref: 'app:pr-1', user: '1654' }));
    const gathered = await gatherFacts(
      options({ image: 'app:pr-1', context: '.' }),
      environment(source, cwd),
    );
    expect(source.calls).toEqual([
      'engine',
      'build app:pr-1',
      'inspect app:pr-1',
      'platforms app:pr-1',
      'inspect example/base:1',
      'runProbe app:pr-1',
    ]);
    expect(source.buildRequests[0]).toMatchObject({ context: cwd, tag: 'app:pr-1', pull: false });
    expect(onlyVariant(gathered).facts.dockerfile?.effectiveUser).toMatchObject({
      line: 2,
      value: '1654',
    });
    expect(onlyVariant(gathered).notes).toEqual([]);
  });

  it('removes the image it built under its own name, unless kept; never one the user named', async () => {
    const cwd = await workspace({ Dockerfile: 'FROM scratch\nUSER 1654\n' });
    const built = (source: FakeSource) => {
      const tag = source.buildRequests[0]!.tag;
      return { tag, last: source.calls.at(-1) };
    };
    const own = new FakeSource();
    own.build = async function (request) {
      this.builds.set(request.tag, imageFacts({ ref: request.tag, user: '1654' }));
      return FakeSource.prototype.build.call(this, request);
    };
    await gatherFacts(options({ context: '.' }), environment(own, cwd));
    const { tag, last } = built(own);
    expect(tag).toMatch(/^nonroot-guard-check:/);
    expect(last).toBe(`removeImage ${tag}`);
    expect(own.local.has(tag)).toBe(false);

    const kept = new FakeSource();
    kept.build = own.build;
    await gatherFacts(options({ context: '.', 'keep-image': 'true' }), environment(kept, cwd));
    expect(kept.calls.some((call) => call.startsWith('removeImage'))).toBe(false);

    const named = new FakeSource();
    named.builds.set('app:pr-1', imageFacts({ ref: 'app:pr-1', user: '1654' }));
    await gatherFacts(options({ context: '.', image: 'app:pr-1' }), environment(named, cwd));
    expect(named.calls.some((call) => call.startsWith('removeImage'))).toBe(false);
  });

  it('keeps the error that ended the check when its own tag cannot be removed either', async () => {
    const source = new FakeSource();
    source.engineInfo = new CheckError('docker', 'the Docker daemon is not answering', 'Start it.');
    source.removeImage = async () => {
      throw new CheckError('docker', 'docker is not installed', 'Install it.');
    };
    const cwd = await workspace({ Dockerfile: 'FROM scratch\n' });
    const error = await gatherFacts(options({ context: '.' }), environment(source, cwd)).catch(
      (caught: unknown) => caught,
    );
    expect((error as CheckError).message).toBe('the Docker daemon is not answering');
  });

  it('says when the base image is not local and the checked image stands in', async () => {
    const source = new FakeSource();
    const cwd = await workspace({ Dockerfile: 'FROM example/base:1\nUSER 1654\n' });
    source.builds.set('app:pr-1', imageFacts({ ref: 'app:pr-1', user: '1654' }));
    const gathered = await gatherFacts(
      options({ image: 'app:pr-1', context: '.' }),
      environment(source, cwd),
    );
    expect(onlyVariant(gathered).notes).toEqual([
      "the base image example/base:1 is not available locally; the checked image's ENV stands in for it when resolving variables in the Dockerfile",
    ]);
  });

  it('does not build when the Dockerfile names a target it does not have', async () => {
    const source = new FakeSource();
    const cwd = await workspace({ Dockerfile: 'FROM scratch AS final\nUSER 1654\n' });
    const error = await gatherFacts(
      options({ image: 'app:pr-1', context: '.', target: 'runtime' }),
      environment(source, cwd),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CheckError);
    expect(source.calls).toEqual(['engine']);
  });
});

describe("reading the Dockerfile as BuildKit does, for the image's platform", () => {
  const PER_ARCH = [
    'FROM scratch AS final-amd64',
    'USER 1654',
    'FROM scratch AS final-arm64',
    'USER 1655',
    'FROM final-${TARGETARCH}',
  ].join('\n');

  it('follows FROM final-${TARGETARCH} to the stage of the checked image', async () => {
    const source = new FakeSource();
    source.engineInfo = { os: 'linux', arch: 'arm64', version: '28.0.1' };
    source.local.set('app:1', imageFacts({ ref: 'app:1', user: '1655', platform: 'linux/arm64' }));
    const cwd = await workspace({ Dockerfile: PER_ARCH });
    const gathered = await gatherFacts(
      options({ image: 'app:1', dockerfile: 'Dockerfile' }),
      environment(source, cwd),
    );
    // Before, the base was "final-" (TARGETARCH unknown), an image to inspect: `docker image
    // inspect final-` then failed the check with exit 2.
    expect(source.calls).toEqual(['engine', 'inspect app:1', 'platforms app:1', 'runProbe app:1']);
    expect(onlyVariant(gathered).facts.dockerfile?.finalStage.base).toBe('final-arm64');
    expect(onlyVariant(gathered).facts.dockerfile?.effectiveUser).toMatchObject({
      line: 4,
      value: '1655',
    });
    expect(onlyVariant(gathered).notes).toEqual([]);
  });
});

describe('where the options say the image comes from', () => {
  it('is the build command, run in the context directory, for the image it names', () => {
    expect(
      imageRequest(
        options({ image: 'app:1', 'build-command': 'make image', context: 'src' }),
        '/repo',
      ),
    ).toEqual({
      from: 'build-command',
      command: 'make image',
      directory: '/repo/src',
      image: 'app:1',
    });
  });

  it('is a build of the context, under a fresh local tag when no image is named', () => {
    const request = imageRequest(
      options({ context: 'app', dockerfile: 'app/Dockerfile.prod' }),
      '/repo',
    );
    expect(request).toMatchObject({
      from: 'build',
      shownContext: 'app',
      build: { context: '/repo/app', dockerfile: '/repo/app/Dockerfile.prod', pull: false },
    });
    expect(request.from === 'build' && request.build.tag).toMatch(
      /^nonroot-guard-check:[0-9a-z]+-[0-9a-f]{8}$/,
    );
  });

  it('is an existing image otherwise, pulled anew only with pull', () => {
    expect(
      imageRequest(options({ image: 'app:1', pull: 'true', platform: 'linux/arm64' }), '/repo'),
    ).toEqual({
      from: 'existing',
      image: 'app:1',
      pull: true,
      platform: 'linux/arm64',
    });
  });
});
