/** What `docker inspect` says about an image, normalised once: rules never see raw inspect JSON. */
export interface ImageFacts {
  /** The reference the user gave (or the local tag of a build). */
  ref: string;
  /** `sha256:…` content id. */
  id: string;
  repoDigests: string[];
  /** `os/architecture[/variant]`, e.g. `linux/amd64`. */
  platform: string;
  /** `Config.User` exactly as stored: the runtime and the kubelet parse this string. */
  user: string;
  workdir: string;
  entrypoint: string[];
  cmd: string[];
  env: Record<string, string>;
  /** `80/tcp` style, sorted. */
  exposedPorts: string[];
  volumes: string[];
  labels: Record<string, string>;
}

/** The image's account databases, read from its filesystem without running it. */
export interface AccountFiles {
  /** Contents of /etc/passwd, or null when the image has none (or it is not a regular file). */
  passwd: string | null;
  group: string | null;
  /** Why a file could not be read, when it could not (shown as evidence). */
  notes: string[];
}
