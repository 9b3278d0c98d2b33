import type { ImageFacts } from '../facts/image.js';
import { isPlatform } from '../facts/platform.js';
import type { PlatformNotChecked } from '../report/platforms.js';
import { CheckError } from '../shared/errors.js';
import type { ImageSource } from '../source/types.js';

/** The most platforms one check goes through by default (one container each); more must be named. */
export const MAX_PLATFORMS = 16;

export type { PlatformNotChecked };

/** One platform's image to judge. */
export interface Variant {
  /** Its own config (a multi-platform image's variants differ in user, ENV, …). */
  image: ImageFacts;
  /** The digest of its manifest in the image's index; null when the image is not an index. */
  manifest: string | null;
}

/** Which variants of the image the check judges. */
export interface PlatformPlan {
  /** Each variant to judge, in order; the first is the image acquired. */
  variants: Variant[];
  notChecked: PlatformNotChecked[];
  notes: string[];
}

/**
 * Every platform of a multi-platform image, or those asked for (`platform`, comma-separated).
 * A single-platform image, or the classic store (one platform per tag), gives the image as
 * it is. A variant listed in the image's index whose layers are not in the local store
 * (an image pulled for this machine's platform only) is pulled by the index's digest,
 * never by its tag, which could name a newer image by now.
 */
export async function planPlatforms(
  image: ImageFacts,
  requested: readonly string[] | undefined,
  source: ImageSource,
  log: (text: string) => void,
): Promise<PlatformPlan> {
  const listing = await source.platforms(image);
  const notes: string[] = [];
  const notChecked: PlatformNotChecked[] = [];
  if (listing.kind !== 'index' || listing.platforms.length === 0) {
    if (listing.kind === 'unreadable') {
      notes.push(
        `the platforms of ${image.ref} could not be listed (${listing.reason}): only ${image.platform} was checked`,
      );
    }
    if (listing.kind === 'one-per-tag' && !requested && image.repoDigests.length > 0) {
      notes.push(
        `the classic image store keeps one platform of an image: ${image.platform} was checked; other platforms ${image.ref} has in its registry were not (name each with platform, or use the containerd image store, which keeps them all)`,
      );
    }
    const variants: Variant[] = [{ image, manifest: null }];
    for (const platform of (requested ?? []).slice(1)) {
      if (isPlatform(image.platform, platform)) continue;
      const variant = await source.inspectPlatform(image, platform);
      if (variant) variants.push({ image: variant, manifest: null });
      else
        notChecked.push({
          platform,
          reason:
            listing.kind === 'one-per-tag'
              ? `the classic image store keeps one platform of ${image.ref}, and it is ${image.platform}`
              : `${image.ref} has no ${platform} variant`,
        });
    }
    return { variants, notChecked, notes };
  }

  if (listing.unusable.length > 0) {
    notes.push(
      `the image's index names platforms that are not platforms Docker can run, so they were not checked: ${listing.unusable.join(', ')}`,
    );
  }
  const targets = requested
    ? requested.flatMap((platform) => {
        const listed = listing.platforms.find((entry) => isPlatform(entry.platform, platform));
        if (!listed)
          notChecked.push({ platform, reason: `${image.ref} has no ${platform} variant` });
        return listed ? [{ ...listed, platform }] : [];
      })
    : listing.platforms;
  if (!requested && targets.length > MAX_PLATFORMS) {
    throw new CheckError(
      'image',
      `${image.ref} holds ${targets.length} platforms; more than ${MAX_PLATFORMS} are not checked by default`,
      'Name the platforms to check (input `platform`, CLI --platform, comma-separated).',
    );
  }
  const variants: Variant[] = [];
  for (const { platform, manifest } of targets) {
    if (isPlatform(image.platform, platform)) {
      variants.push({ image, manifest });
      continue;
    }
    const variant =
      (await source.inspectPlatform(image, platform)) ??
      (await pullVariant(image, platform, source, log));
    if (typeof variant === 'string') notChecked.push({ platform, reason: variant });
    else variants.push({ image: variant, manifest });
  }
  // Nothing of what was asked is here: judge the image there is (the caller notes it).
  if (variants.length === 0) variants.push({ image, manifest: null });
  return { variants, notChecked, notes };
}

/**
 * A variant the image's index names but the local store lacks: pulled by the digest of
 * the index, from the repository the image came from. The reason when it cannot be.
 */
async function pullVariant(
  image: ImageFacts,
  platform: string,
  source: ImageSource,
  log: (text: string) => void,
): Promise<ImageFacts | string> {
  const missing = `its ${platform} layers are not in the local image store`;
  const byDigest = image.repoDigests.find((digest) => digest.endsWith(`@${image.id}`));
  if (!byDigest) return `${missing}, and the image names no registry to pull them from`;
  log(`Pulling the ${platform} variant of ${image.ref} (${byDigest})\n`);
  try {
    await source.pull(byDigest, platform);
  } catch (error) {
    if (!(error instanceof CheckError)) throw error;
    return `${missing}, and pulling them failed: ${error.message}`;
  }
  return (
    (await source.inspectPlatform(image, platform)) ??
    `${missing}, even after pulling ${byDigest} for ${platform}`
  );
}
