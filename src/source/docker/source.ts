import type { AccountFiles, ImageFacts } from '../../facts/image.js';
import type { ProbeResult } from '../../probe/probe.js';
import type {
  BuildRequest,
  EngineInfo,
  ImagePlatforms,
  ImageSource,
  ProbeRequest,
} from '../types.js';
import { Docker } from './docker.js';
import { runProbe } from './probe-container.js';

/** A Docker engine through the docker CLI, as an image source. */
export class DockerSource implements ImageSource {
  constructor(readonly docker: Docker = new Docker()) {}

  engine(): Promise<EngineInfo> {
    return this.docker.engine();
  }

  inspect(ref: string): Promise<ImageFacts | null> {
    return this.docker.inspect(ref);
  }

  inspectPlatform(image: ImageFacts, platform: string): Promise<ImageFacts | null> {
    return this.docker.inspectPlatform(image, platform);
  }

  platforms(image: ImageFacts): Promise<ImagePlatforms> {
    return this.docker.platforms(image);
  }

  pull(ref: string, platform?: string): Promise<void> {
    return this.docker.pull(ref, platform);
  }

  build(request: BuildRequest): Promise<string> {
    return this.docker.build(request);
  }

  removeImage(ref: string): Promise<string | null> {
    return this.docker.removeImage(ref);
  }

  readAccountFiles(ref: string, platform?: string): Promise<AccountFiles> {
    return this.docker.readAccountFiles(ref, platform);
  }

  runProbe(request: ProbeRequest): Promise<ProbeResult> {
    return runProbe(this.docker, request.image, request.ports, request.engineArch, {
      limits: request.limits,
      binary: request.binary,
      platform: request.platform,
    });
  }
}
