import { glob, readFile, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { CheckError } from '../errors.js';
import type { ImageFacts } from '../image/types.js';
import { imageMatches, parseImageRef } from './image-ref.js';
import { parseManifests } from './manifests.js';
import type { KubernetesFacts, ManifestContainer } from './types.js';

/** Largest manifest file read: far above any real one, and a bound on hostile input. */
const MANIFEST_LIMIT = 16 * 1024 * 1024;

/** The manifests as read and parsed: every container, whatever image it runs. */
export interface ReadManifests {
  files: string[];
  sources: Record<string, string>;
  containers: ManifestContainer[];
}

/**
 * The manifests the `manifests` globs name, read and parsed, or null without
 * globs. Done before any build, so a bad manifest fails in a second.
 */
export async function readManifests(
  globs: readonly string[],
  cwd: string,
): Promise<ReadManifests | null> {
  if (globs.length === 0) return null;
  const files = await expandGlobs(globs, cwd);
  const sources: Record<string, string> = {};
  const containers: ManifestContainer[] = [];
  for (const file of files) {
    const path = resolve(cwd, file);
    const size = (await stat(path)).size;
    if (size > MANIFEST_LIMIT) {
      throw new CheckError(
        'input',
        `${file}: ${size} bytes is too large for a manifest (the limit is 16 MiB)`,
        'Point manifests at the workload files themselves.',
      );
    }
    const text = await readFile(path, 'utf8');
    sources[file] = text;
    containers.push(...parseManifests(text, file));
  }
  return { files, sources, containers };
}

/** The containers that run the checked image, as the rules see them. */
export function kubernetesFacts(
  manifests: ReadManifests,
  manifestImage: string | undefined,
  image: ImageFacts,
): KubernetesFacts {
  const checked = checkedImage(manifestImage, image);
  const matches = (container: ManifestContainer) => imageMatches(container.image.value, checked);
  return {
    files: manifests.files,
    sources: manifests.sources,
    containers: manifests.containers.filter(matches),
    otherImages: manifests.containers.filter((c) => !matches(c)).map((c) => c.image.value),
  };
}

/**
 * How the manifests may name the checked image: `manifest-image` when given
 * (without a tag: any tag of its repository), else the reference checked and
 * its registry digests.
 */
function checkedImage(manifestImage: string | undefined, image: ImageFacts) {
  if (manifestImage) {
    const parsed = parseImageRef(manifestImage);
    if (!parsed) {
      throw new CheckError(
        'usage',
        `manifest-image: "${manifestImage}" is not an image reference`,
        'Write it as the manifests do, e.g. ghcr.io/org/app:1.2, or ghcr.io/org/app for any tag.',
      );
    }
    const tagless = !/[:@][^/]*$/.test(manifestImage);
    return tagless
      ? { refs: [], digests: [], anyTagOf: [manifestImage] }
      : { refs: [manifestImage], digests: [], anyTagOf: [] };
  }
  return { refs: [image.ref], digests: image.repoDigests, anyTagOf: [] };
}

/** Each glob's files, relative to cwd with forward slashes, sorted, once each; a glob that matches nothing is an error. */
async function expandGlobs(globs: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const pattern of globs) {
    let matched = 0;
    for await (const entry of glob(pattern, { cwd, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const absolute = resolve(entry.parentPath, entry.name);
      const shown = relative(cwd, absolute).split(sep).join('/');
      found.add(isAbsolute(pattern) && shown.startsWith('..') ? absolute : shown);
      matched++;
    }
    if (matched === 0) {
      throw new CheckError(
        'usage',
        `manifests: "${pattern}" matches no file`,
        'Give paths or globs relative to the repository root, e.g. deploy/*.yaml or k8s/**/*.yml.',
      );
    }
  }
  return [...found].sort();
}
