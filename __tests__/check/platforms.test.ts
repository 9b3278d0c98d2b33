import { describe, expect, it } from 'vitest';
import { MAX_PLATFORMS, planPlatforms } from '../../src/check/platforms.js';
import { CheckError } from '../../src/shared/errors.js';
import type { ImagePlatforms } from '../../src/source/types.js';
import { imageFacts } from '../helpers/facts.js';
import { FakeSource } from '../helpers/fake-source.js';

/** Which variants of an image the check judges, on an image source held in memory. */

const INDEX = 'sha256:1111111111111111111111111111111111111111111111111111111111111111';
const AMD64 = 'sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const ARM64 = 'sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';

const image = imageFacts({ ref: 'app:1', id: INDEX, user: '1654', platform: 'linux/amd64' });
const arm64 = imageFacts({ ref: 'app:1', id: INDEX, user: '', platform: 'linux/arm64' });
const index: ImagePlatforms = {
  kind: 'index',
  platforms: [
    { platform: 'linux/amd64', manifest: AMD64 },
    { platform: 'linux/arm64', manifest: ARM64 },
  ],
  unusable: [],
};

function source(listing: ImagePlatforms): FakeSource {
  const fake = new FakeSource();
  fake.platformListings.set('app:1', listing);
  return fake;
}

const judged = (plan: Awaited<ReturnType<typeof planPlatforms>>) =>
  plan.variants.map((variant) => [variant.image.platform, variant.image.user, variant.manifest]);

describe('the platforms a check judges', () => {
  it('are every platform of an index, the acquired variant first as it is', async () => {
    const fake = source(index);
    fake.variants.set('app:1 linux/arm64', arm64);
    const plan = await planPlatforms(image, undefined, fake, () => {});
    expect(judged(plan)).toEqual([
      ['linux/amd64', '1654', AMD64],
      ['linux/arm64', '', ARM64],
    ]);
    expect(plan.variants[0]!.image).toBe(image);
    expect(plan).toMatchObject({ notChecked: [], notes: [] });
    expect(fake.calls).toEqual(['platforms app:1', 'inspectPlatform app:1 linux/arm64']);
  });

  it('are the ones asked for, in their order, and say which the image lacks', async () => {
    const fake = source(index);
    fake.variants.set('app:1 linux/arm64', arm64);
    const plan = await planPlatforms(
      image,
      ['linux/arm64', 'linux/s390x', 'linux/amd64'],
      fake,
      () => {},
    );
    expect(judged(plan)).toEqual([
      ['linux/arm64', '', ARM64],
      ['linux/amd64', '1654', AMD64],
    ]);
    expect(plan.notChecked).toEqual([
      { platform: 'linux/s390x', reason: 'app:1 has no linux/s390x variant' },
    ]);
  });

  it("pull a variant whose layers are not here by the index's digest, never by the tag", async () => {
    const fake = source(index);
    const pulled = { ...image, repoDigests: [`registry.example/app@${INDEX}`] };
    fake.afterPull = (ref, platform) => {
      if (ref === `registry.example/app@${INDEX}` && platform === 'linux/arm64')
        fake.variants.set('app:1 linux/arm64', arm64);
    };
    const logged: string[] = [];
    const plan = await planPlatforms(pulled, undefined, fake, (text) => logged.push(text));
    expect(judged(plan).map(([platform]) => platform)).toEqual(['linux/amd64', 'linux/arm64']);
    expect(fake.calls).toEqual([
      'platforms app:1',
      'inspectPlatform app:1 linux/arm64',
      `pull registry.example/app@${INDEX} linux/arm64`,
      'inspectPlatform app:1 linux/arm64',
    ]);
    expect(logged).toEqual([
      `Pulling the linux/arm64 variant of app:1 (registry.example/app@${INDEX})\n`,
    ]);
  });

  it('list a variant that cannot be had as not checked, with the reason', async () => {
    const local = await planPlatforms(image, undefined, source(index), () => {});
    expect(judged(local).map(([platform]) => platform)).toEqual(['linux/amd64']);
    expect(local.notChecked).toEqual([
      {
        platform: 'linux/arm64',
        reason:
          'its linux/arm64 layers are not in the local image store, and the image names no registry to pull them from',
      },
    ]);

    const fake = source(index);
    fake.pullError = new CheckError('image', 'pulling registry.example/app failed: offline', 'x');
    const offline = await planPlatforms(
      { ...image, repoDigests: [`registry.example/app@${INDEX}`] },
      undefined,
      fake,
      () => {},
    );
    expect(offline.notChecked).toEqual([
      {
        platform: 'linux/arm64',
        reason:
          'its linux/arm64 layers are not in the local image store, and pulling them failed: pulling registry.example/app failed: offline',
      },
    ]);
  });

  it('are the image itself when it has one platform, or the store keeps one per tag', async () => {
    const single = await planPlatforms(image, undefined, source({ kind: 'single' }), () => {});
    expect(judged(single)).toEqual([['linux/amd64', '1654', null]]);
    expect(single).toMatchObject({ notChecked: [], notes: [] });

    const classic = await planPlatforms(
      { ...image, repoDigests: ['registry.example/app@sha256:22'] },
      undefined,
      source({ kind: 'one-per-tag' }),
      () => {},
    );
    expect(judged(classic)).toEqual([['linux/amd64', '1654', null]]);
    expect(classic.notes).toEqual([
      'the classic image store keeps one platform of an image: linux/amd64 was checked; other platforms app:1 has in its registry were not (name each with platform, or use the containerd image store, which keeps them all)',
    ]);
    const asked = await planPlatforms(
      image,
      ['linux/amd64', 'linux/arm64'],
      source({ kind: 'one-per-tag' }),
      () => {},
    );
    expect(asked.notChecked).toEqual([
      {
        platform: 'linux/arm64',
        reason: 'the classic image store keeps one platform of app:1, and it is linux/amd64',
      },
    ]);
  });

  it('say so when the platforms cannot be listed, and check the one there is', async () => {
    const plan = await planPlatforms(
      image,
      undefined,
      source({ kind: 'unreadable', reason: 'docker save failed: boom' }),
      () => {},
    );
    expect(judged(plan)).toEqual([['linux/amd64', '1654', null]]);
    expect(plan.notes).toEqual([
      'the platforms of app:1 could not be listed (docker save failed: boom): only linux/amd64 was checked',
    ]);
  });

  it(`refuse more than ${MAX_PLATFORMS} platforms unless named: a hostile index cannot start hundreds of containers`, async () => {
    const many: ImagePlatforms = {
      kind: 'index',
      platforms: Array.from({ length: MAX_PLATFORMS + 1 }, (_, n) => ({
        platform: `linux/arch${n}`,
        manifest: AMD64,
      })),
      unusable: ['"linux/--x"'],
    };
    const error = await planPlatforms(image, undefined, source(many), () => {}).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CheckError);
    expect((error as CheckError).message).toBe(
      `app:1 holds ${MAX_PLATFORMS + 1} platforms; more than ${MAX_PLATFORMS} are not checked by default`,
    );
    const named = await planPlatforms(image, ['linux/arch3'], source(many), () => {});
    expect(named.notes).toEqual([
      'the image\'s index names platforms that are not platforms Docker can run, so they were not checked: "linux/--x"',
    ]);
  });
});
