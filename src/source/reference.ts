/**
 * Image references normalised as docker and containerd do (the "normalize"
 * rules of github.com/distribution/reference), so that `nginx` in a manifest
 * and `docker.io/library/nginx:latest` from `docker inspect` are one image.
 */

export interface ImageRef {
  registry: string;
  /** The path in the registry: `library/nginx`, `org/app`. */
  repository: string;
  /** `latest` when neither a tag nor a digest is written; null for a digest alone. */
  tag: string | null;
  /** `sha256:<hex>`, or null. */
  digest: string | null;
}

/** The images a manifest's container may name to be the checked image. */
export interface CheckedImage {
  /** References of the checked image: same repository and tag (or digest). */
  refs: string[];
  /** Its registry digests (`repo@sha256:…`, docker's RepoDigests): a container pinned to one of them. */
  digests: string[];
  /** Repositories any tag or digest of which counts (manifest-image written without a tag); their own tag is ignored. */
  anyTagOf?: string[];
}

const DEFAULT_REGISTRY = 'docker.io';
const LEGACY_DEFAULT_REGISTRY = 'index.docker.io';
const OFFICIAL_NAMESPACE = 'library/';
const MAX_REPOSITORY_LENGTH = 255;

// The grammar of distribution/reference, anchored.
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REPOSITORY = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const REGISTRY = new RegExp(
  `^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`,
);
const TAG = /^\w[\w.-]{0,127}$/;
/** Digest algorithms docker accepts, with the length of their lowercase hex. */
const DIGEST_HEX_LENGTHS = new Map([
  ['sha256', 64],
  ['sha384', 96],
  ['sha512', 128],
]);
/** A bare image ID, which docker refuses as a name. */
const IMAGE_ID = /^[a-f0-9]{64}$/;

function isDigest(digest: string): boolean {
  const [algorithm, hex, ...rest] = digest.split(':');
  const length = DIGEST_HEX_LENGTHS.get(algorithm ?? '');
  return (
    rest.length === 0 && length !== undefined && new RegExp(`^[a-f0-9]{${length}}$`).test(hex ?? '')
  );
}

/** The registry and repository of a name: the first component is a registry only when it looks like one. */
function splitRegistry(name: string): { registry: string; repository: string } {
  const slash = name.indexOf('/');
  let registry = DEFAULT_REGISTRY;
  let repository = name;
  if (slash !== -1) {
    const first = name.slice(0, slash);
    // Namespaces are lowercase, so an uppercase first component can only be a registry.
    if (first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first) {
      registry = first === LEGACY_DEFAULT_REGISTRY ? DEFAULT_REGISTRY : first;
      repository = name.slice(slash + 1);
    }
  }
  if (registry === DEFAULT_REGISTRY && !repository.includes('/')) {
    repository = OFFICIAL_NAMESPACE + repository;
  }
  return { registry, repository };
}

/** A reference as docker normalises it, or null when docker would refuse it. */
export function parseImageRef(ref: string): ImageRef | null {
  if (IMAGE_ID.test(ref)) return null;
  const at = ref.indexOf('@');
  const named = at === -1 ? ref : ref.slice(0, at);
  const digest = at === -1 ? null : ref.slice(at + 1);
  // A tag follows the last colon after the last slash; an earlier colon is a registry port.
  const colon = named.lastIndexOf(':');
  const hasTag = colon > named.lastIndexOf('/');
  const name = hasTag ? named.slice(0, colon) : named;
  const tag = hasTag ? named.slice(colon + 1) : null;

  const { registry, repository } = splitRegistry(name);
  if (!REGISTRY.test(registry) || !REPOSITORY.test(repository)) return null;
  if (repository.length > MAX_REPOSITORY_LENGTH) return null;
  if (tag !== null && !TAG.test(tag)) return null;
  if (digest !== null && !isDigest(digest)) return null;
  return { registry, repository, tag: tag ?? (digest === null ? 'latest' : null), digest };
}

/**
 * Whether docker would take `text` as an image: a reference (`app:1.0`,
 * `ghcr.io/org/app@sha256:…`), an image id (`sha256:<hex>`, its 64 hex
 * digits, or a short prefix, which reads as a name). Nothing that starts with
 * `-`, so a value can never be read as one of docker's flags.
 */
export function isImageReference(text: string): boolean {
  return parseImageRef(text) !== null || IMAGE_ID.test(text) || /^sha256:[a-f0-9]{64}$/.test(text);
}

/** `docker.io/library/nginx:latest`, `ghcr.io/org/app:1.0@sha256:…`. */
export function describeImageRef(ref: ImageRef): string {
  const tag = ref.tag === null ? '' : `:${ref.tag}`;
  const digest = ref.digest === null ? '' : `@${ref.digest}`;
  return `${ref.registry}/${ref.repository}${tag}${digest}`;
}

function sameRepository(a: ImageRef, b: ImageRef): boolean {
  return a.registry === b.registry && a.repository === b.repository;
}

/**
 * Whether a container's image is the checked image. A container pinned to a
 * digest runs that digest whatever its tag says, so it matches by digest only.
 */
export function imageMatches(containerImage: string, checked: CheckedImage): boolean {
  const container = parseImageRef(containerImage);
  if (!container) return false;
  const parseAll = (refs: readonly string[]) =>
    refs.flatMap((ref) => parseImageRef(ref) ?? []).filter((ref) => sameRepository(ref, container));

  if (parseAll(checked.anyTagOf ?? []).length > 0) return true;
  const refs = parseAll(checked.refs);
  if (container.digest !== null) {
    return [...refs, ...parseAll(checked.digests)].some((ref) => ref.digest === container.digest);
  }
  return refs.some((ref) => ref.tag !== null && ref.tag === container.tag);
}
