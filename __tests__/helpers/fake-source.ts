import type { AccountFiles, ImageFacts } from '../../src/facts/image.js';
import type { ProbeResult } from '../../src/probe/probe.js';
import type {
  BuildRequest,
  EngineInfo,
  ImagePlatforms,
  ImageSource,
  ProbeRequest,
} from '../../src/source/types.js';
import { GROUP, PASSWD, probeOutput } from './facts.js';

/**
 * An image source held in memory, for unit tests of the check's own logic
 * (which image, in which order, what the facts are). The Docker source is
 * tested against real engines in __tests__/integration and __tests__/e2e.
 */
export class FakeSource implements ImageSource {
  /** Every call, in order: `engine`, `inspect <ref>`, `pull <ref> <platform>`, `build <tag>`, … */
  readonly calls: string[] = [];
  /** Images in the local store, by reference. */
  readonly local = new Map<string, ImageFacts>();
  /** Images a pull brings, by reference. */
  readonly registry = new Map<string, ImageFacts>();
  /** What a build of each tag makes. */
  readonly builds = new Map<string, ImageFacts>();
  readonly buildRequests: BuildRequest[] = [];
  readonly probeRequests: ProbeRequest[] = [];
  engineInfo: EngineInfo | Error = { os: 'linux', arch: 'amd64', version: '26.1.5' };
  pullError?: Error;
  /** What else a pull brings (e.g. a variant's layers), done after the pull is recorded. */
  afterPull?: (ref: string, platform: string | undefined) => void;
  accountFiles: AccountFiles = { passwd: PASSWD, group: GROUP, notes: [], unsafe: [] };
  probe: (request: ProbeRequest) => ProbeResult = () => ({
    ok: true,
    output: probeOutput(),
    accountFiles: this.accountFiles,
    elapsedMs: 5,
    transfer: 'mount',
    notes: [],
  });

  async engine(): Promise<EngineInfo> {
    this.calls.push('engine');
    if (this.engineInfo instanceof Error) throw this.engineInfo;
    return this.engineInfo;
  }

  async inspect(ref: string): Promise<ImageFacts | null> {
    this.calls.push(`inspect ${ref}`);
    return this.local.get(ref) ?? null;
  }

  /** Other platforms' variants of local images, by `ref platform`. */
  readonly variants = new Map<string, ImageFacts>();

  async inspectPlatform(image: ImageFacts, platform: string): Promise<ImageFacts | null> {
    this.calls.push(`inspectPlatform ${image.ref} ${platform}`);
    return this.variants.get(`${image.ref} ${platform}`) ?? null;
  }

  /** What the store says of each local image's platforms, by ref; unset: one platform. */
  readonly platformListings = new Map<string, ImagePlatforms>();

  async platforms(image: ImageFacts): Promise<ImagePlatforms> {
    this.calls.push(`platforms ${image.ref}`);
    return this.platformListings.get(image.ref) ?? { kind: 'single' };
  }

  async pull(ref: string, platform?: string): Promise<void> {
    this.calls.push(`pull ${ref}${platform ? ` ${platform}` : ''}`);
    if (this.pullError) throw this.pullError;
    this.afterPull?.(ref, platform);
    const image = this.registry.get(ref);
    if (image) this.local.set(ref, image);
  }

  async build(request: BuildRequest): Promise<string> {
    this.calls.push(`build ${request.tag}`);
    this.buildRequests.push(request);
    request.onOutput?.(`building ${request.tag}\n`);
    const image = this.builds.get(request.tag);
    if (image) this.local.set(request.tag, image);
    return image?.id ?? 'sha256:none';
  }

  async removeImage(ref: string): Promise<string | null> {
    this.calls.push(`removeImage ${ref}`);
    return this.local.delete(ref) ? null : `No such image: ${ref}`;
  }

  async readAccountFiles(ref: string, platform?: string): Promise<AccountFiles> {
    this.calls.push(`readAccountFiles ${ref}${platform ? ` ${platform}` : ''}`);
    return this.accountFiles;
  }

  async runProbe(request: ProbeRequest): Promise<ProbeResult> {
    this.calls.push(`runProbe ${request.image.ref}`);
    this.probeRequests.push(request);
    return this.probe(request);
  }
}
