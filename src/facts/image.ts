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
  /** Account files the engine must not be given, or cannot be read as it reads them (NR007). */
  unsafe: UnsafeAccountFile[];
}

/**
 * An account file that is not a regular file of the image: a device node or
 * FIFO (the daemon itself opens it when it starts any container of the image),
 * or a path that at run time leads into a mount or above /, so what the
 * container reads is not what the engine reads.
 */
export interface UnsafeAccountFile {
  path: '/etc/passwd' | '/etc/group';
  /** What it is, as a phrase: "a FIFO", "resolves into /proc, …". */
  what: string;
  /** Whether a container of the image was started (never for a device node or FIFO). */
  started: boolean;
}
