import { randomBytes } from 'node:crypto';
import { CheckError } from '../shared/errors.js';
import { lastLines } from './command.js';
import type { BuildRequest, ImageSource } from './types.js';
import type { ImageFacts } from '../facts/image.js';
import { isPlatform } from '../facts/platform.js';

/**
 * Runs the user's own build command (e.g. `dotnet publish -t:PublishContainer`).
 * The command line is split into argv like the runner does, never given to a shell.
 */
export type BuildCommandRunner = (
  commandLine: string,
  cwd: string,
  onOutput: (chunk: string) => void,
) => Promise<{ exitCode: number; output: string }>;

/** Where the image to check comes from: a description of the source, free of the check's options. */
export type ImageRequest =
  | {
      /** The user's own build command makes `image` (e.g. `dotnet publish -t:PublishContainer`). */
      from: 'build-command';
      command: string;
      /** Where the command runs. */
      directory: string;
      image: string;
    }
  | {
      /** A build of a context, tagged `tag`. */
      from: 'build';
      /** The context as the user gave it, for the log. */
      shownContext: string;
      build: Omit<BuildRequest, 'onOutput'>;
    }
  | {
      /** An image that exists locally or in a registry; `pull` fetches it anew. */
      from: 'existing';
      image: string;
      pull: boolean;
      platform?: string;
    };

export interface AcquireEnvironment {
  source: ImageSource;
  runBuildCommand: BuildCommandRunner;
  log: (text: string) => void;
  /** Folds a long step's output (a build log) under a title; the action uses a log group. */
  group?: <T>(title: string, work: () => Promise<T>) => Promise<T>;
}

/** A local tag no one else uses, for a build without an image name. */
export function uniqueLocalTag(): string {
  return `nonroot-guard-check:${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

/**
 * Gets the image to check, one of three ways: build it from a context, run
 * the user's build command, or use an image that exists (pulling it when it
 * is missing, or always with `pull`).
 */
export async function acquireImage(
  request: ImageRequest,
  env: AcquireEnvironment,
  /** The local inspect of an existing image, when the caller started it early. */
  localImage?: Promise<ImageFacts | null>,
): Promise<ImageFacts> {
  const { source } = env;
  const inGroup =
    env.group ??
    (<T>(title: string, work: () => Promise<T>) => {
      env.log(`${title}\n`);
      return work();
    });
  if (request.from === 'build-command') {
    const { command, image } = request;
    const result = await inGroup(`Running the build command: ${command}`, () =>
      env.runBuildCommand(command, request.directory, env.log),
    );
    if (result.exitCode !== 0) {
      throw new CheckError(
        'image',
        `the build command failed (exit code ${result.exitCode}): ${command}`,
        'Fix the build; the command must succeed when run by hand in the same directory.',
        `last lines of its output:\n${lastLines(result.output, 25)}`,
      );
    }
    const facts = await source.inspect(image);
    if (!facts) {
      throw new CheckError(
        'image',
        `the build command succeeded but image ${image} does not exist`,
        'Make the command tag the image you named (for dotnet publish: -p:ContainerRepository and -p:ContainerImageTag), or correct the image input.',
      );
    }
    return facts;
  }

  if (request.from === 'build') {
    const { tag } = request.build;
    await inGroup(`Building ${tag} from ${request.shownContext}`, () =>
      source.build({ ...request.build, onOutput: env.log }),
    );
    const facts = await source.inspect(tag);
    if (!facts)
      throw new CheckError(
        'image',
        `docker build succeeded but ${tag} is not in the local image store`,
        'Retry; if it persists, check the builder (a remote buildx builder needs --load).',
      );
    return facts;
  }

  const { image: ref, platform } = request;
  if (request.pull) {
    env.log(`Pulling ${ref}\n`);
    await source.pull(ref, platform);
  } else {
    const local = await (localImage ?? source.inspect(ref));
    if (local) return forPlatform(source, local, platform);
    env.log(`${ref} is not present locally; pulling it\n`);
    await pullMissing(source, ref, platform);
  }
  const facts = await source.inspect(ref);
  if (!facts)
    throw new CheckError(
      'image',
      `pulled ${ref} but it is not in the local image store`,
      'Retry the check.',
    );
  return forPlatform(source, facts, platform);
}

/**
 * The variant of the platform asked for. An inspect shows this machine's variant of a
 * multi-platform image (the containerd store keeps them all): judging that one for
 * another platform would pass an arm64 variant that runs as root. When the image has
 * no such variant, the one there is judged, and the check notes it.
 */
async function forPlatform(
  source: ImageSource,
  facts: ImageFacts,
  platform: string | undefined,
): Promise<ImageFacts> {
  if (!platform || isPlatform(facts.platform, platform)) return facts;
  return (await source.inspectPlatform(facts, platform)) ?? facts;
}

/** A pull that failed for an image we hoped was local: say both, and how to build it instead. */
async function pullMissing(source: ImageSource, ref: string, platform: string | undefined) {
  try {
    await source.pull(ref, platform);
  } catch (error) {
    if (!(error instanceof CheckError)) throw error;
    throw new CheckError(
      error.kind,
      `image ${ref} is not present locally and could not be pulled: ${error.message}`,
      `${error.hint ?? ''} If an earlier step builds it, check the tag it uses; to build it in this step, give a build context (input "context", flag --context).`.trim(),
      error.details,
    );
  }
}
