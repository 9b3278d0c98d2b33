import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { platformsOfManifest } from '../../src/source/docker/image-index.js';

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
