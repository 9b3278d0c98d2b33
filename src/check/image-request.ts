import { resolve } from 'node:path';
import type { CheckOptions } from '../options/parse.js';
import { uniqueLocalTag, type ImageRequest } from '../source/acquire.js';

/** Where the options say the image comes from, as the source is asked for it. */
export function imageRequest(options: CheckOptions, cwd: string): ImageRequest {
  if (options.buildCommand) {
    return {
      from: 'build-command',
      command: options.buildCommand,
      directory: resolve(cwd, options.context ?? '.'),
      image: options.image!,
    };
  }
  if (options.context) {
    return {
      from: 'build',
      shownContext: options.context,
      build: {
        context: resolve(cwd, options.context),
        dockerfile: options.dockerfile && resolve(cwd, options.dockerfile),
        target: options.target,
        buildArgs: options.buildArgs,
        // Several platforms build one multi-platform image (BuildKit with the containerd store).
        platform: options.platform?.join(','),
        pull: options.pull,
        secrets: options.secrets,
        secretFiles: Object.fromEntries(
          Object.entries(options.secretFiles).map(([id, path]) => [id, resolve(cwd, path)]),
        ),
        ssh: options.ssh,
        tag: options.image ?? uniqueLocalTag(),
      },
    };
  }
  return {
    from: 'existing',
    image: options.image!,
    pull: options.pull,
    // The first platform asked for; the others are pulled by digest once the image is here.
    platform: options.platform?.[0],
  };
}
