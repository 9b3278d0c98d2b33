import { glob } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { CheckError } from '../shared/errors.js';
import { readInputFile } from '../shared/files.js';
import type { ImageFacts } from '../facts/image.js';
import { imageMatches, parseImageRef, type CheckedImage } from '../source/reference.js';
import type { KubernetesFacts, ManifestContainer } from './types.js';

/** A glob's walk and matches are bounded too: `/**` would walk the whole machine. */
const MAX_GLOB_VISITS = 100_000;
const MAX_MANIFEST_FILES = 1_000;
const GLOB_HINT =
  "Narrow the glob to the manifests' own folder, relative to the repository root, e.g. deploy/**/*.yaml.";

/** Largest manifest file read: far above any real one, and a bound on hostile input. */
const MANIFEST_LIMIT = 16 * 1024 * 1024;

/** The manifests as read and parsed: every container, whatever image it runs. */
export interface ReadManifests {
  files: string[];
  sources: Record<string, string>;
  containers: ManifestContainer[];
  /** How the manifests name the image (`manifest-image`), or null for the checked reference. */
  namedAs: CheckedImage | null;
}

/**
 * The manifests the `manifests` globs name, read and parsed, or null without
 * globs. Done before any build, so a bad manifest fails in a second.
 */
export async function readManifests(
  globs: readonly string[],
  manifestImage: string | undefined,
  cwd: string,
): Promise<ReadManifests | null> {
  if (globs.length === 0) return null;
  const namedAs = manifestImage ? manifestImagePattern(manifestImage) : null;
  const files = await expandGlobs(globs, cwd);
  // The YAML parser is loaded only by checks that read manifests (it is a chunk of its own).
  const { parseManifests } = await import('./manifests.js');
  const sources: Record<string, string> = {};
  const containers: ManifestContainer[] = [];
  for (const file of files) {
    const text = await readInputFile(
      resolve(cwd, file),
      `the manifest ${file}`,
      MANIFEST_LIMIT,
      'Point manifests at the workload files themselves.',
    );
    sources[file] = text;
    containers.push(...parseManifests(text, file));
  }
  return { files, sources, containers, namedAs };
}

/** The containers that run the checked image, as the rules see them. */
export function kubernetesFacts(manifests: ReadManifests, image: ImageFacts): KubernetesFacts {
  const checked = manifests.namedAs ?? { refs: [image.ref], digests: image.repoDigests };
  const facts: KubernetesFacts = {
    files: manifests.files,
    sources: manifests.sources,
    containers: [],
    otherImages: [],
  };
  for (const container of manifests.containers) {
    if (imageMatches(container.image.value, checked)) facts.containers.push(container);
    else facts.otherImages.push(container.image.value);
  }
  return facts;
}

/**
 * `manifest-image` as a pattern: with a tag or digest, that reference;
 * without, any tag of its repository. Checked before any build.
 */
function manifestImagePattern(manifestImage: string): CheckedImage {
  if (!parseImageRef(manifestImage)) {
    throw new CheckError(
      'usage',
      `manifest-image: "${manifestImage}" is not an image reference`,
      'Write it as the manifests do, e.g. ghcr.io/org/app:1.2, or ghcr.io/org/app for any tag.',
    );
  }
  const tagless = !/[:@][^/]*$/.test(manifestImage);
  return tagless
    ? { refs: [], digests: [], anyTagOf: [manifestImage] }
    : { refs: [manifestImage], digests: [] };
}

/** Each glob's files, relative to cwd with forward slashes, sorted, once each; a glob that matches nothing is an error. */
async function expandGlobs(globs: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const pattern of globs) {
    let matched = 0;
    let visited = 0;
    let stopped = false;
    // Every entry the walk looks at passes here: past the bound it is told to look no further.
    const exclude = () => (stopped ||= ++visited > MAX_GLOB_VISITS);
    for await (const entry of glob(pattern, { cwd, withFileTypes: true, exclude })) {
      if (!entry.isFile()) continue;
      if (matched >= MAX_MANIFEST_FILES) {
        throw new CheckError(
          'usage',
          `manifests: "${pattern}" matches more than ${MAX_MANIFEST_FILES} files`,
          GLOB_HINT,
        );
      }
      const absolute = resolve(entry.parentPath, entry.name);
      const shown = relative(cwd, absolute).split(sep).join('/');
      found.add(isAbsolute(pattern) && shown.startsWith('..') ? absolute : shown);
      matched++;
    }
    if (stopped) {
      throw new CheckError(
        'usage',
        `manifests: "${pattern}" made the search look at more than ${MAX_GLOB_VISITS} entries`,
        GLOB_HINT,
      );
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
