import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { CheckError } from '../errors.js';
import type { CheckOptions } from '../options/parse.js';
import { lastLines } from './command.js';
import type { Docker } from './docker.js';
import type { ImageFacts } from './types.js';

/**
 * Runs the user's own build command (e.g. `dotnet publish -t:PublishContainer`).
 * The command line is split into argv like the runner does, never given to a shell.
 */
export type BuildCommandRunner = (
  commandLine: string,
  cwd: string,
  onOutput: (chunk: string) => void,
) => Promise<{ exitCode: number; output: string }>;

interface AcquireEnvironment {
  docker: Docker;
  runBuildCommand: BuildCommandRunner;
  log: (text: string) => void;
  /** Folds a long step's output (a build log) under a title; the action uses a log group. */
  group?: <T>(title: string, work: () => Promise<T>) => Promise<T>;
  cwd: string;
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
  options: CheckOptions,
  env: AcquireEnvironment,
  /** The local inspect of `options.image`, when the caller started it early. */
  localImage?: Promise<ImageFacts | null>,
): Promise<ImageFacts> {
  const { docker } = env;
  const inGroup =
    env.group ??
    (<T>(title: string, work: () => Promise<T>) => {
      env.log(`${title}\n`);
      return work();
    });
  if (options.buildCommand) {
    const ref = options.image!;
    const cwd = resolve(env.cwd, options.context ?? '.');
    const command = options.buildCommand;
    const result = await inGroup(`Running the build command: ${command}`, () =>
      env.runBuildCommand(command, cwd, env.log),
    );
    if (result.exitCode !== 0) {
      throw new CheckError(
        'image',
        `the build command failed (exit code ${result.exitCode}): ${options.buildCommand}`,
        'Fix the build; the command must succeed when run by hand in the same directory.',
        `last lines of its output:\n${lastLines(result.output, 25)}`,
      );
    }
    const facts = await docker.inspect(ref);
    if (!facts) {
      throw new CheckError(
        'image',
        `the build command succeeded but image ${ref} does not exist`,
        'Make the command tag the image you named (for dotnet publish: -p:ContainerRepository and -p:ContainerImageTag), or correct the image input.',
      );
    }
    return facts;
  }

  if (options.context) {
    const tag = options.image ?? uniqueLocalTag();
    const context = resolve(env.cwd, options.context);
    await inGroup(`Building ${tag} from ${options.context}`, () =>
      docker.build({
        context,
        dockerfile: options.dockerfile && resolve(env.cwd, options.dockerfile),
        target: options.target,
        buildArgs: options.buildArgs,
        platform: options.platform,
        pull: options.pull,
        tag,
        onOutput: env.log,
      }),
    );
    const facts = await docker.inspect(tag);
    if (!facts)
      throw new CheckError(
        'image',
        `docker build succeeded but ${tag} is not in the local image store`,
        'Retry; if it persists, check the builder (a remote buildx builder needs --load).',
      );
    return facts;
  }

  const ref = options.image!;
  if (options.pull) {
    env.log(`Pulling ${ref}\n`);
    await docker.pull(ref, options.platform);
  } else {
    const local = await (localImage ?? docker.inspect(ref));
    if (local) return local;
    env.log(`${ref} is not present locally; pulling it\n`);
    await pullMissing(docker, ref, options.platform);
  }
  const facts = await docker.inspect(ref);
  if (!facts)
    throw new CheckError(
      'image',
      `pulled ${ref} but it is not in the local image store`,
      'Retry the check.',
    );
  return facts;
}

/** A pull that failed for an image we hoped was local: say both, and how to build it instead. */
async function pullMissing(docker: Docker, ref: string, platform: string | undefined) {
  try {
    await docker.pull(ref, platform);
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
