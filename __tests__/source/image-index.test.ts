import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { platformsOfInspect, platformsOfManifest } from '../../src/source/docker/image-index.js';

/** Blobs of a real image: `docker buildx build --platform linux/amd64,linux/arm64 --load` on Docker 26. */
const DATA = join(import.meta.dirname, 'data');
const buildxIndex = readFileSync(join(DATA, 'buildx-index.json'), 'utf8');
const buildxManifest = readFileSync(join(DATA, 'buildx-manifest.json'), 'utf8');

const digest = (hex: string) => `sha256:${hex.repeat(64)}`;

describe('the platforms of an image manifest', () => {
  it("lists a buildx index's platforms with their manifests, and not its attestations", () => {
    expect(platformsOfManifest(buildxIndex)).toEqual({
      kind: 'index',
      platforms: [
        {
          platform: 'linux/amd64',
          manifest: 'sha256:00233548e25ab561fa959c37d582dc8058a74554f3c5119b88b5d6c95dc32a8d',
        },
        {
          platform: 'linux/arm64',
          manifest: 'sha256:b66186558793bd6f8f420f1d4f9157e5812da8c683d1076f7bad26463ddf1354',
        },
      ],
      unusable: [],
    });
  });

  it('knows one manifest for a single-platform image', () => {
    expect(platformsOfManifest(buildxManifest)).toEqual({ kind: 'single' });
    const docker = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: {},
      layers: [],
    });
    expect(platformsOfManifest(docker)).toEqual({ kind: 'single' });
  });

  it('reads a Docker manifest list, variants included, and an index without a media type', () => {
    const list = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
      manifests: [
        { digest: digest('a'), platform: { os: 'linux', architecture: 'arm', variant: 'v7' } },
        { digest: digest('b'), platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
        // The same platform twice: checked once, the first one.
        { digest: digest('c'), platform: { os: 'linux', architecture: 'arm', variant: 'v7' } },
      ],
    });
    expect(platformsOfManifest(list)).toEqual({
      kind: 'index',
      platforms: [
        { platform: 'linux/arm/v7', manifest: digest('a') },
        { platform: 'linux/arm64/v8', manifest: digest('b') },
      ],
      unusable: [],
    });
    const bare = JSON.stringify({
      schemaVersion: 2,
      manifests: [{ digest: digest('d'), platform: { os: 'linux', architecture: 's390x' } }],
    });
    expect(platformsOfManifest(bare)).toMatchObject({
      kind: 'index',
      platforms: [{ platform: 'linux/s390x', manifest: digest('d') }],
    });
  });

  it('keeps what the image wrote out of argv and reports: odd platform names and digests are not platforms', () => {
    const hostile = JSON.stringify({
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        { digest: digest('a'), platform: { os: 'linux', architecture: 'amd64' } },
        { digest: digest('b'), platform: { os: 'linux', architecture: '--privileged' } },
        { digest: digest('c'), platform: { os: 'linux\n', architecture: 'arm64' } },
        { digest: 'md5:00', platform: { os: 'linux', architecture: 'riscv64' } },
        // No platform at all: nothing to run it as.
        { digest: digest('e') },
      ],
    });
    expect(platformsOfManifest(hostile)).toEqual({
      kind: 'index',
      platforms: [{ platform: 'linux/amd64', manifest: digest('a') }],
      unusable: [
        '"linux/--privileged"',
        '"linux\\n/arm64"',
        '"linux/riscv64" (its digest is not sha256)',
      ],
    });
  });

  it('says why when the blob is not a manifest', () => {
    expect(platformsOfManifest('{')).toEqual({
      kind: 'unreadable',
      reason: "the image's manifest is not JSON",
    });
    expect(platformsOfManifest('[]')).toEqual({
      kind: 'unreadable',
      reason: "the image's manifest is not an OCI manifest or index",
    });
    expect(
      platformsOfManifest(
        JSON.stringify({ mediaType: 'application/vnd.oci.image.config.v1+json' }),
      ),
    ).toEqual({
      kind: 'unreadable',
      reason: 'the image\'s manifest has media type "application/vnd.oci.image.config.v1+json"',
    });
  });
});

describe('the platforms Docker 28 lists with an inspect (manifests=1)', () => {
  // Real answers of Docker 28.5.2 (Debian sid's docker.io) with the containerd store, for a
  // buildx build of two platforms and of one: BuildKit makes an index with attestations for both.
  const two = JSON.parse(readFileSync(join(DATA, 'docker28-inspect-manifests.json'), 'utf8'));
  const one = JSON.parse(readFileSync(join(DATA, 'docker28-inspect-single.json'), 'utf8'));

  it('are the image manifests, not the attestations', () => {
    expect(platformsOfInspect(two)).toEqual({
      kind: 'index',
      platforms: two.Manifests.filter((entry: { Kind: string }) => entry.Kind === 'image').map(
        (entry: {
          ID: string;
          Descriptor: { platform: { os: string; architecture: string } };
        }) => ({
          platform: `${entry.Descriptor.platform.os}/${entry.Descriptor.platform.architecture}`,
          manifest: entry.ID,
        }),
      ),
      unusable: [],
    });
    expect(platformsOfInspect(two)).toMatchObject({
      platforms: [{ platform: 'linux/amd64' }, { platform: 'linux/arm64' }],
    });
    expect(platformsOfInspect(one)).toMatchObject({
      kind: 'index',
      platforms: [{ platform: 'linux/amd64' }],
    });
  });

  it('are unknown from an engine that does not list them (API before 1.48)', () => {
    const older = { ...two };
    delete older.Manifests;
    delete older.Descriptor;
    expect(platformsOfInspect(older)).toBeNull();
    expect(platformsOfInspect({ ...two, Manifests: null })).toBeNull();
  });

  it('hold what the image wrote to the same form as an index read from docker save', () => {
    const hostile = {
      Descriptor: { mediaType: 'application/vnd.oci.image.index.v1+json' },
      Manifests: [
        {
          Kind: 'image',
          Descriptor: { digest: digest('a'), platform: { os: 'linux', architecture: 'amd64' } },
        },
        {
          Kind: 'image',
          Descriptor: { digest: digest('b'), platform: { os: 'linux', architecture: '$(x)' } },
        },
      ],
    };
    expect(platformsOfInspect(hostile)).toEqual({
      kind: 'index',
      platforms: [{ platform: 'linux/amd64', manifest: digest('a') }],
      unusable: ['"linux/$(x)"'],
    });
  });
});
