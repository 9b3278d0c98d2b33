import * as z from 'zod/mini';
import '../../shared/schema-locale.js';
import type { ImagePlatforms, IndexPlatform } from '../types.js';

/**
 * The platforms an image's top-level manifest names. On the containerd image
 * store an image's id is the digest of that manifest: an OCI image index (or
 * Docker manifest list) for a multi-platform image, one manifest otherwise.
 * Attestation manifests (BuildKit's provenance and SBOM, platform
 * `unknown/unknown`) are not platforms. The index comes from the image, so
 * each platform is held to Docker's own form before it reaches an argv or a
 * report.
 */

const INDEX_TYPES = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
]);
const MANIFEST_TYPES = new Set([
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
]);

const descriptor = z.object({
  mediaType: z.optional(z.string()),
  digest: z.string(),
  platform: z.optional(
    z.object({
      os: z.string(),
      architecture: z.string(),
      variant: z.optional(z.string()),
    }),
  ),
  annotations: z.optional(z.record(z.string(), z.string())),
});
const topLevel = z.object({
  mediaType: z.optional(z.string()),
  manifests: z.optional(z.array(descriptor)),
  layers: z.optional(z.array(z.unknown())),
});

/** One part of a platform (`linux`, `arm64`, `v8`) as Docker writes them. */
const PLATFORM_PART = /^[a-z0-9][a-z0-9._-]{0,31}$/;

/** Reads the top-level manifest of an image (its JSON text) for the platforms it names. */
export function platformsOfManifest(text: string): ImagePlatforms {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', reason: "the image's manifest is not JSON" };
  }
  const parsed = topLevel.safeParse(json);
  if (!parsed.success) {
    return { kind: 'unreadable', reason: "the image's manifest is not an OCI manifest or index" };
  }
  const { mediaType, manifests, layers } = parsed.data;
  const isIndex = mediaType ? INDEX_TYPES.has(mediaType) : manifests !== undefined;
  const isManifest = mediaType ? MANIFEST_TYPES.has(mediaType) : layers !== undefined;
  if (isManifest && !isIndex) return { kind: 'single' };
  if (!isIndex || !manifests) {
    return {
      kind: 'unreadable',
      reason: `the image's manifest has media type ${JSON.stringify(mediaType ?? null).slice(0, 100)}`,
    };
  }
  const platforms: IndexPlatform[] = [];
  const unusable: string[] = [];
  for (const entry of manifests) {
    if (entry.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') continue;
    const platform = entry.platform;
    if (!platform || (platform.os === 'unknown' && platform.architecture === 'unknown')) continue;
    const parts = [platform.os, platform.architecture, platform.variant].filter(
      (part): part is string => part !== undefined && part !== '',
    );
    const name = parts.join('/');
    if (!parts.every((part) => PLATFORM_PART.test(part))) {
      unusable.push(JSON.stringify(name).slice(0, 80));
    } else if (!/^sha256:[a-f0-9]{64}$/.test(entry.digest)) {
      unusable.push(`${JSON.stringify(name)} (its digest is not sha256)`);
    } else if (!platforms.some((known) => known.platform === name)) {
      platforms.push({ platform: name, manifest: entry.digest });
    }
  }
  return { kind: 'index', platforms, unusable };
}

/**
 * The platforms the Engine API lists with an inspect (`manifests=1`, API 1.48): the
 * descriptor of the image's top-level manifest and one summary per manifest in it,
 * attestations marked as such. Judged as the index itself would be.
 */
export function platformsOfInspect(raw: unknown): ImagePlatforms | null {
  const parsed = inspectManifests.safeParse(raw);
  if (!parsed.success || !parsed.data.Descriptor || !parsed.data.Manifests) return null;
  const { Descriptor: top, Manifests: entries } = parsed.data;
  return platformsOfManifest(
    JSON.stringify({
      mediaType: top.mediaType,
      ...(MANIFEST_TYPES.has(top.mediaType ?? '')
        ? { layers: [] }
        : {
            manifests: entries.filter((entry) => entry.Kind === 'image').map((e) => e.Descriptor),
          }),
    }),
  );
}

const inspectManifests = z.object({
  Descriptor: z.optional(z.object({ mediaType: z.optional(z.string()) })),
  Manifests: z.optional(
    z.nullable(z.array(z.object({ Kind: z.optional(z.string()), Descriptor: z.unknown() }))),
  ),
});
