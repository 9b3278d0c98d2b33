import { describe, expect, it } from 'vitest';
import { CheckError } from '../../src/shared/errors.js';
import {
  acquireImage,
  type AcquireEnvironment,
  type BuildCommandRunner,
  type ImageRequest,
} from '../../src/source/acquire.js';
import { imageFacts } from '../helpers/facts.js';
import { FakeSource } from '../helpers/fake-source.js';

function environment(source: FakeSource, runBuildCommand?: BuildCommandRunner) {
  const log: string[] = [];
  const groups: string[] = [];
  const env: AcquireEnvironment = {
    source,
    runBuildCommand:
      runBuildCommand ??
      (async () => {
        throw new Error('no build command expected');
      }),
    log: (text) => log.push(text),
    group: async (title, work) => {
      groups.push(title);
      return work();
    },
  };
  return { env, log, groups };
}

const existing = (image: string, pull = false, platform?: string): ImageRequest => ({
  from: 'existing',
  image,
  pull,
  platform,
});

async function failure(work: Promise<unknown>): Promise<CheckError> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CheckError);
  return error as CheckError;
}

describe('acquiring an image that should exist', () => {
  it('takes a local image as it is: one inspect, no pull', async () => {
    const source = new FakeSource();
    const image = imageFacts({ ref: 'app:1' });
    source.local.set('app:1', image);
    const { env, log } = environment(source);
    expect(await acquireImage(existing('app:1'), env)).toBe(image);
    expect(source.calls).toEqual(['inspect app:1']);
    expect(log).toEqual([]);
  });

  it('uses the inspect the caller started early instead of asking again', async () => {
    const source = new FakeSource();
    const image = imageFacts({ ref: 'app:1' });
    const { env } = environment(source);
    expect(await acquireImage(existing('app:1'), env, Promise.resolve(image))).toBe(image);
    expect(source.calls).toEqual([]);
  });

  it('pulls a missing image for the platform asked, and says so', async () => {
    const source = new FakeSource();
    const image = imageFacts({ ref: 'app:1', platform: 'linux/arm64' });
    source.registry.set('app:1', image);
    const { env, log } = environment(source);
    expect(await acquireImage(existing('app:1', false, 'linux/arm64'), env)).toBe(image);
    expect(source.calls).toEqual(['inspect app:1', 'pull app:1 linux/arm64', 'inspect app:1']);
    expect(log).toEqual(['app:1 is not present locally; pulling it\n']);
  });

  it('says both when a missing image cannot be pulled, and how to build it in the step instead', async () => {
    const source = new FakeSource();
    source.pullError = new CheckError(
      'image',
      'pull access denied for app',
      'Log in to the registry first.',
    );
    const { env } = environment(source);
    const error = await failure(acquireImage(existing('app:1'), env));
    expect(error.kind).toBe('image');
    expect(error.message).toBe(
      'image app:1 is not present locally and could not be pulled: pull access denied for app',
    );
    expect(error.hint).toBe(
      'Log in to the registry first. If an earlier step builds it, check the tag it uses; to build it in this step, give a build context (input "context", flag --context).',
    );
  });

  it('pulls even a local image with pull, and fails when the pull leaves nothing', async () => {
    const source = new FakeSource();
    source.local.set('app:1', imageFacts({ ref: 'app:1' }));
    const { env, log } = environment(source);
    const fresh = imageFacts({ ref: 'app:1', id: 'sha256:fresh' });
    source.registry.set('app:1', fresh);
    expect(await acquireImage(existing('app:1', true), env)).toBe(fresh);
    expect(source.calls).toEqual(['pull app:1', 'inspect app:1']);
    expect(log).toEqual(['Pulling app:1\n']);

    const empty = new FakeSource();
    const error = await failure(acquireImage(existing('gone:1', true), environment(empty).env));
    expect(error.message).toBe('pulled gone:1 but it is not in the local image store');
  });
});

describe('acquiring one platform of a multi-platform image', () => {
  it("judges the variant asked for, not this machine's that inspect shows", async () => {
    // Before: the amd64 variant (USER 1654) was judged for --platform linux/arm64 (no USER).
    const source = new FakeSource();
    source.local.set('app:1', imageFacts({ ref: 'app:1', user: '1654', platform: 'linux/amd64' }));
    const arm64 = imageFacts({ ref: 'app:1', user: '', platform: 'linux/arm64' });
    source.variants.set('app:1 linux/arm64', arm64);
    const { env } = environment(source);
    expect(await acquireImage(existing('app:1', false, 'linux/arm64'), env)).toBe(arm64);
    expect(source.calls).toEqual(['inspect app:1', 'inspectPlatform app:1 linux/arm64']);
  });

  it('keeps the image as it is when it has no such variant, or is that platform already', async () => {
    const source = new FakeSource();
    const amd64 = imageFacts({ ref: 'app:1', platform: 'linux/amd64' });
    source.local.set('app:1', amd64);
    const { env } = environment(source);
    expect(await acquireImage(existing('app:1', false, 'linux/arm64'), env)).toBe(amd64);
    expect(await acquireImage(existing('app:1', false, 'linux/amd64'), env)).toBe(amd64);
    expect(source.calls).toEqual([
      'inspect app:1',
      'inspectPlatform app:1 linux/arm64',
      'inspect app:1',
    ]);
  });
});

describe('acquiring an image by building it', () => {
  const request: ImageRequest = {
    from: 'build',
    shownContext: 'examples/app',
    build: {
      context: '/repo/examples/app',
      dockerfile: '/repo/examples/app/Dockerfile.prod',
      target: 'final',
      buildArgs: { VERSION: '1' },
      platform: 'linux/amd64',
      pull: false,
      secrets: {},
      secretFiles: {},
      ssh: [],
      tag: 'app:pr-7',
    },
  };

  it('builds in a log group with the whole request, then inspects the tag', async () => {
    const source = new FakeSource();
    const image = imageFacts({ ref: 'app:pr-7' });
    source.builds.set('app:pr-7', image);
    const { env, log, groups } = environment(source);
    expect(await acquireImage(request, env)).toBe(image);
    expect(groups).toEqual(['Building app:pr-7 from examples/app']);
    expect(source.calls).toEqual(['build app:pr-7', 'inspect app:pr-7']);
    const { onOutput, ...sent } = source.buildRequests[0]!;
    expect(sent).toEqual(request.from === 'build' && request.build);
    expect(typeof onOutput).toBe('function');
    expect(log).toEqual(['building app:pr-7\n']);
  });

  it('fails when the build left no image under the tag', async () => {
    const error = await failure(acquireImage(request, environment(new FakeSource()).env));
    expect(error.message).toBe(
      'docker build succeeded but app:pr-7 is not in the local image store',
    );
    expect(error.hint).toMatch(/remote buildx builder needs --load/);
  });

  it('prints the title without a group function', async () => {
    const source = new FakeSource();
    source.builds.set('app:pr-7', imageFacts({ ref: 'app:pr-7' }));
    const log: string[] = [];
    await acquireImage(request, {
      source,
      runBuildCommand: async () => ({ exitCode: 0, output: '' }),
      log: (text) => log.push(text),
    });
    expect(log[0]).toBe('Building app:pr-7 from examples/app\n');
  });
});

describe("acquiring an image from the user's build command", () => {
  const request: ImageRequest = {
    from: 'build-command',
    command: 'dotnet publish -t:PublishContainer',
    directory: '/repo/src/app',
    image: 'app:dotnet',
  };

  it('runs the command where it was asked, then inspects the image it names', async () => {
    const source = new FakeSource();
    const image = imageFacts({ ref: 'app:dotnet' });
    source.local.set('app:dotnet', image);
    const ran: [string, string][] = [];
    const { env, groups } = environment(source, async (command, cwd) => {
      ran.push([command, cwd]);
      return { exitCode: 0, output: 'ok' };
    });
    expect(await acquireImage(request, env)).toBe(image);
    expect(ran).toEqual([['dotnet publish -t:PublishContainer', '/repo/src/app']]);
    expect(groups).toEqual(['Running the build command: dotnet publish -t:PublishContainer']);
    expect(source.calls).toEqual(['inspect app:dotnet']);
  });

  it('fails with the exit code and the last lines when the command fails', async () => {
    const output = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`).join('\n');
    const { env } = environment(new FakeSource(), async () => ({ exitCode: 3, output }));
    const error = await failure(acquireImage(request, env));
    expect(error.message).toBe(
      'the build command failed (exit code 3): dotnet publish -t:PublishContainer',
    );
    expect(error.details).toMatch(/^last lines of its output:\nline 16\n/);
    expect(error.details).toMatch(/\nline 40$/);
  });

  it('fails when the command succeeded but made no image by that name', async () => {
    const { env } = environment(new FakeSource(), async () => ({ exitCode: 0, output: '' }));
    const error = await failure(acquireImage(request, env));
    expect(error.message).toBe('the build command succeeded but image app:dotnet does not exist');
    expect(error.hint).toMatch(/-p:ContainerRepository/);
  });
});
