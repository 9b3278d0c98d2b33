import type { AccountFiles, ImageFacts } from '../facts/image.js';
import type { ProbeLimits, ProbeResult } from '../probe/probe.js';

/**
 * Where the check gets images from and runs the probe: the seam between the
 * check and an engine. The docker CLI (docker/source.ts) is the one there is;
 * another engine, a registry or an OCI archive plugs in here, and tests use
 * a fake.
 */
export interface ImageSource {
  /** The engine's OS, architecture and version; a CheckError when it does not answer. */
  engine(): Promise<EngineInfo>;
  /** A local image's facts, or null when it is not there. */
  inspect(ref: string): Promise<ImageFacts | null>;
  /** Another platform of a local image already inspected; null when it has no such platform. */
  inspectPlatform(image: ImageFacts, platform: string): Promise<ImageFacts | null>;
  /** The platforms a local image holds, as far as the image store can tell. */
  platforms(image: ImageFacts): Promise<ImagePlatforms>;
  pull(ref: string, platform?: string): Promise<void>;
  /** Builds and tags the image; returns its id. */
  build(request: BuildRequest): Promise<string>;
  /** Removes a tag (and the image when no other tag holds it); the reason when it could not. */
  removeImage(ref: string): Promise<string | null>;
  /**
   * /etc/passwd and /etc/group as the engine reads them, without starting anything of the
   * image: of the platform given, for an image that holds several.
   */
  readAccountFiles(ref: string, platform?: string): Promise<AccountFiles>;
  /** The probe, in one container of the image, and its facts or why there are none. */
  runProbe(request: ProbeRequest): Promise<ProbeResult>;
}

/** What the image store says of an image's platforms. */
export type ImagePlatforms =
  /** The classic store: a tag holds one platform's image, whatever its registry has. */
  | { kind: 'one-per-tag' }
  /** One manifest: the image has one platform. */
  | { kind: 'single' }
  /** An index (a multi-platform image): its platforms, and entries not usable as one (quoted). */
  | { kind: 'index'; platforms: IndexPlatform[]; unusable: string[] }
  | { kind: 'unreadable'; reason: string };

/** One platform an image index names, and the digest of that platform's manifest. */
export interface IndexPlatform {
  platform: string;
  manifest: string;
}

export interface EngineInfo {
  os: string;
  arch: string;
  version: string;
}

export interface BuildRequest {
  context: string;
  dockerfile?: string;
  target?: string;
  buildArgs: Record<string, string>;
  platform?: string;
  /** `--pull`: always fetch a newer base image. */
  pull: boolean;
  /** Build secrets by id: their values (written to private files for the build, never to argv). */
  secrets: Record<string, string>;
  /** Build secrets by id: the files that hold them. */
  secretFiles: Record<string, string>;
  /** `--ssh` specs: `default`, `ID=PATH`. */
  ssh: string[];
  tag: string;
  /** Receives the build log as it is written. */
  onOutput?: (chunk: string) => void;
}

export interface ProbeRequest {
  image: ImageFacts;
  /** The ports to try binding, as `80/tcp`. */
  ports: readonly string[];
  /** The engine's architecture, which picks the probe binary. */
  engineArch: string;
  limits?: ProbeLimits;
  /** The probe binary to run instead of the shipped one (tests build some with lower limits). */
  binary?: string;
  /** The variant of a multi-platform image to probe (`docker create --platform`); unset: the default. */
  platform?: string;
}
