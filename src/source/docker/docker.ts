import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckError } from '../../shared/errors.js';
import {
  CommandNotFoundError,
  lastLines,
  runCommand,
  type CommandOptions,
  type CommandResult,
  type CommandRunner,
} from '../command.js';
import { engineCall, inspectCall, type EarlyCalls } from './early-calls.js';
import { normaliseInspect } from './inspect.js';
import { firstTarEntry, type TarEntryType } from './tar-entry.js';
import type { AccountFiles, ImageFacts } from '../../facts/image.js';
import type { BuildRequest, EngineInfo } from '../types.js';

/** The note for an account file the image does not have (read by docker cp or by the probe). */
export function missingFileNote(path: string): string {
  return `${path} does not exist in the image`;
}

/** Account files larger than this are not read (a hostile image can ship a huge /etc/passwd). */
const MAX_ACCOUNT_FILE_BYTES = 64 * 1024 * 1024;
const BUILD_LOG_TAIL_LINES = 25;
/** The probe caps its own output far below this; more means something is wrong. */
const MAX_CONTAINER_OUTPUT_BYTES = 16 * 1024 * 1024;

/**
 * The only code that runs docker. Every call goes through `exec` with an argv
 * array; callers get typed facts or a CheckError that names the cause and fix.
 */
export class Docker {
  constructor(
    private readonly runner: CommandRunner = runCommand,
    private readonly binary = 'docker',
    /** Calls the entry point started before the code was loaded; taken by identical argv. */
    private readonly early?: EarlyCalls,
  ) {}

  /** Runs docker; a missing binary becomes a CheckError, a non-zero exit is the caller's to judge. */
  async exec(args: readonly string[], options?: CommandOptions): Promise<CommandResult> {
    try {
      return await (this.early?.take(this.binary, args) ?? this.runner(this.binary, args, options));
    } catch (error) {
      if (error instanceof CommandNotFoundError) {
        throw new CheckError(
          'docker',
          `docker is not installed: the command "${this.binary}" was not found`,
          'Install Docker (on GitHub Actions use an ubuntu-* runner, which has it) or put the docker CLI on PATH.',
        );
      }
      throw error;
    }
  }

  /** Fails with the reason when no Linux engine answers. */
  async engine(): Promise<EngineInfo> {
    const call = engineCall();
    const result = await this.exec(call.args, call.options);
    const [os = '', arch = '', version = ''] = result.stdout.trim().split('|');
    if (result.exitCode !== 0 || os === '') {
      const stderr = lastLines(result.stderr, 3);
      const permission = /permission denied/i.test(stderr);
      throw new CheckError(
        'docker',
        `the Docker daemon is not answering${stderr ? `: ${stderr}` : ''}`,
        permission
          ? 'Add your user to the docker group or run with access to the Docker socket.'
          : 'Start the Docker daemon (e.g. `sudo systemctl start docker`), or set DOCKER_HOST to a running engine.',
      );
    }
    if (os !== 'linux') {
      throw new CheckError(
        'platform',
        `the Docker engine runs ${os} containers; nonroot-guard checks Linux images`,
        'Run on a Linux runner (runs-on: ubuntu-latest) or switch Docker Desktop to Linux containers.',
      );
    }
    return { os, arch, version };
  }

  /** Inspects a local image; null when it is not there. */
  async inspect(ref: string): Promise<ImageFacts | null> {
    const call = inspectCall(ref);
    const result = await this.exec(call.args, call.options);
    if (result.exitCode !== 0) {
      if (/no such image/i.test(result.stderr)) return null;
      throw dockerFailure(`docker image inspect ${ref}`, result);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(result.stdout);
    } catch {
      throw dockerFailure(`docker image inspect ${ref} (unreadable JSON)`, result);
    }
    return normaliseInspect(raw, ref);
  }

  /**
   * One platform's config of a local image that holds several (the containerd image
   * store keeps a multi-platform index; `docker image inspect` shows this machine's
   * variant, and `--platform` there needs API 1.49). A container of that variant is
   * created, never started, and its config read: with nothing overridden it is the
   * variant's image config. Null when the image has no such platform.
   */
  async inspectPlatform(image: ImageFacts, platform: string): Promise<ImageFacts | null> {
    const { ref } = image;
    const name = `nonroot-guard-config-${randomBytes(6).toString('hex')}`;
    const create = (command: string[]) =>
      this.exec(
        [
          'create',
          '--name',
          name,
          '--platform',
          platform,
          '--pull=never',
          '--network=none',
          '--',
          ref,
          ...command,
        ],
        { timeoutMs: 120_000 },
      );
    try {
      let created = await create([]);
      // No CMD and no ENTRYPOINT in that variant: create needs some command, and the facts say none.
      const noCommand = created.exitCode !== 0 && /no command specified/i.test(created.stderr);
      if (noCommand) created = await create(['/nonroot-guard-no-command']);
      if (created.exitCode !== 0) {
        // The image was just inspected: here "No such image" (the containerd store) and the
        // classic store's "does not match the specified platform" both mean no such variant.
        if (
          /does not match the specified platform|no match for platform|no such image|not found/i.test(
            created.stderr,
          )
        )
          return null;
        throw dockerFailure(`docker create --platform ${platform} ${ref}`, created);
      }
      const inspected = await this.exec(
        ['container', 'inspect', '--format', '{{json .Config}}', name],
        {
          timeoutMs: 60_000,
        },
      );
      if (inspected.exitCode !== 0)
        throw dockerFailure(`docker container inspect (${ref}, ${platform})`, inspected);
      let config: Record<string, unknown>;
      try {
        config = JSON.parse(inspected.stdout) as Record<string, unknown>;
      } catch {
        throw dockerFailure(
          `docker container inspect (${ref}, ${platform}) (unreadable JSON)`,
          inspected,
        );
      }
      if (noCommand) config = { ...config, Cmd: null };
      const [os, architecture, variant] = platform.split('/');
      return normaliseInspect(
        {
          Id: image.id,
          RepoDigests: image.repoDigests,
          Os: os,
          Architecture: architecture,
          Variant: variant,
          Config: config,
        },
        ref,
      );
    } finally {
      await this.exec(['rm', '--force', '--volumes', name], { timeoutMs: 60_000 });
    }
  }

  /** `docker image rm` of one tag: the image goes with it when no other tag holds it. */
  async removeImage(ref: string): Promise<string | null> {
    const result = await this.exec(['image', 'rm', '--', ref], { timeoutMs: 60_000 });
    return result.exitCode === 0
      ? null
      : lastLines(result.stderr, 1) || `exit code ${result.exitCode}`;
  }

  async pull(ref: string, platform?: string): Promise<void> {
    const args = ['pull', '--quiet', ...(platform ? ['--platform', platform] : []), '--', ref];
    const result = await this.exec(args, { timeoutMs: 15 * 60_000 });
    if (result.exitCode === 0) return;
    const stderr = lastLines(result.stderr, 5);
    if (/denied|unauthorized|authentication required|no basic auth/i.test(stderr)) {
      throw new CheckError(
        'image',
        `pulling ${ref} was denied: ${stderr}`,
        'Log in to the registry first (docker/login-action, or `docker login`), and check the image name.',
      );
    }
    if (/not found|manifest unknown|does not exist/i.test(stderr)) {
      throw new CheckError(
        'image',
        `image ${ref} was not found in its registry: ${stderr}`,
        'Check the image name and tag, or build it first (input `context`, CLI `--context`).',
      );
    }
    throw new CheckError(
      'image',
      `pulling ${ref} failed: ${stderr || `exit code ${result.exitCode}`}`,
      'Check that the registry is reachable from this runner and the image name is right.',
    );
  }

  /** Builds an image and returns its id. */
  async build(request: BuildRequest): Promise<string> {
    const workdir = await mkdtemp(join(tmpdir(), 'nonroot-guard-build-'));
    const iidFile = join(workdir, 'iid');
    try {
      const result = await this.exec(buildArgs(request, iidFile), {
        onOutput: request.onOutput,
        maxOutputBytes: 1024 * 1024,
      });
      if (result.exitCode !== 0) {
        throw new CheckError(
          'image',
          `docker build failed (exit code ${result.exitCode})`,
          'Fix the build error above; the same command must work with `docker build` on your machine.',
          `last lines of the build output:\n${lastLines(result.stdout + '\n' + result.stderr, BUILD_LOG_TAIL_LINES)}`,
        );
      }
      return (await readFile(iidFile, 'utf8')).trim();
    } finally {
      await rm(workdir, { recursive: true, force: true });
    }
  }

  /**
   * Reads /etc/passwd and /etc/group from the image's filesystem without
   * running it: a container that is created and never started, read with
   * `docker cp` (see readAccountFilesOf).
   */
  async readAccountFiles(ref: string): Promise<AccountFiles> {
    const created = await this.exec(
      ['create', '--network', 'none', '--entrypoint', '/nonroot-guard-never-started', '--', ref],
      { timeoutMs: 60_000 },
    );
    if (created.exitCode !== 0) throw dockerFailure(`docker create ${ref}`, created);
    const container = created.stdout.trim().split('\n').pop()!;
    try {
      return await this.readAccountFilesOf(container);
    } finally {
      await this.removeContainer(container);
    }
  }

  /**
   * The account files of a created container as the daemon will read them
   * when it starts it: symlinks resolved inside the image, before anything is
   * mounted. Only a regular file is read; a device node, FIFO or socket is
   * known from its tar header and never opened (by us or, since the caller
   * then starts nothing, by the daemon).
   */
  async readAccountFilesOf(container: string): Promise<AccountFiles> {
    const notes: string[] = [];
    const unsafe: AccountFiles['unsafe'] = [];
    const [passwd, group] = await Promise.all(
      (['/etc/passwd', '/etc/group'] as const).map(async (path) => {
        const file = await this.readImageFile(container, path, MAX_ACCOUNT_FILE_BYTES);
        switch (file.kind) {
          case 'file':
            return file.text;
          case 'missing':
            notes.push(missingFileNote(path));
            break;
          case 'not-regular':
            unsafe.push({ path, what: `is ${article(file.type)} in the image`, started: false });
            break;
          case 'too-large':
            notes.push(
              `${path} is ${file.size} bytes, over the ${MAX_ACCOUNT_FILE_BYTES}-byte limit`,
            );
            break;
          case 'unreadable':
            notes.push(`${path} could not be read from the image: ${file.reason}`);
            break;
        }
        return null;
      }),
    );
    return { passwd: passwd ?? null, group: group ?? null, notes, unsafe };
  }

  /**
   * One file of a created container, `docker cp -L` resolving symlinks in the
   * image: its tar header is read first, so anything but a regular file of at
   * most `maxBytes` is recognised from 512 bytes and the copy stopped there.
   */
  async readImageFile(container: string, path: string, maxBytes: number): Promise<ImageFile> {
    // The chunks are kept as they come and joined only to look for the header and once at
    // the end: joining at every chunk would copy a 64 MiB file some thousand times.
    const chunks: Buffer[] = [];
    let received = 0;
    let entry: ReturnType<typeof firstTarEntry> = null;
    let outcome: ImageFile | null = null;
    let malformed: string | null = null;
    const result = await this.exec(['cp', '-L', `${container}:${path}`, '-'], {
      timeoutMs: 60_000,
      readStdout: (chunk) => {
        chunks.push(chunk);
        received += chunk.length;
        if (!entry) {
          try {
            entry = firstTarEntry(Buffer.concat(chunks));
          } catch (error) {
            malformed = (error as Error).message;
            return 'enough';
          }
          if (!entry) return 'more';
          if (entry.header.type !== 'file') {
            outcome = { kind: 'not-regular', type: entry.header.type };
            return 'enough';
          }
          if (entry.header.size > maxBytes) {
            outcome = { kind: 'too-large', size: entry.header.size };
            return 'enough';
          }
        }
        const { header, contentOffset } = entry;
        if (received < contentOffset + header.size) return 'more';
        const data = Buffer.concat(chunks);
        outcome = {
          kind: 'file',
          text: data.subarray(contentOffset, contentOffset + header.size).toString('utf8'),
        };
        return 'enough';
      },
    });
    if (outcome) return outcome;
    if (malformed) return { kind: 'unreadable', reason: `docker cp gave ${malformed}` };
    if (result.timedOut) throw dockerFailure(`docker cp ${path}`, result);
    if (result.exitCode !== 0) {
      // Go's archive/tar cannot hold a socket, so the daemon refuses to copy one.
      if (/sockets not supported/i.test(result.stderr))
        return { kind: 'not-regular', type: 'socket' };
      // Missing or a dangling link: the runtime reads no file either. The CLI says
      // "No such container:path" when the daemon's stat of the path gives 404 (as with
      // the vfs driver); the container itself is ours and was just created.
      if (/could not find|no such file|not found|no such container:path/i.test(result.stderr))
        return { kind: 'missing' };
      return {
        kind: 'unreadable',
        reason: lastLines(result.stderr, 1) || `exit code ${result.exitCode}`,
      };
    }
    return { kind: 'unreadable', reason: 'docker cp ended before the file was complete' };
  }

  /** `docker create`; the caller judges the result (a hostile image can make it slow). */
  createContainer(
    name: string,
    args: readonly string[],
    timeoutMs: number,
  ): Promise<CommandResult> {
    return this.exec(['create', '--name', name, ...args], { timeoutMs });
  }

  copyInto(container: string, source: string, destination: string): Promise<CommandResult> {
    return this.exec(['cp', source, `${container}:${destination}`], { timeoutMs: 60_000 });
  }

  /** Starts a created container and waits for it, with its stdout and stderr apart. */
  startAttached(container: string, timeoutMs: number): Promise<CommandResult> {
    return this.exec(['start', '--attach', container], {
      timeoutMs,
      maxOutputBytes: MAX_CONTAINER_OUTPUT_BYTES,
    });
  }

  /** Removes a container whatever its state, with its anonymous volumes; true when it is gone. */
  async removeContainer(container: string): Promise<boolean> {
    const result = await this.exec(['rm', '--force', '--volumes', container], {
      timeoutMs: 60_000,
    });
    return result.exitCode === 0 || /no such container/i.test(result.stderr);
  }
}

/** A file of an image, as readImageFile found it. */
export type ImageFile =
  | { kind: 'file'; text: string }
  | { kind: 'missing' }
  | { kind: 'not-regular'; type: TarEntryType | 'socket' }
  | { kind: 'too-large'; size: number }
  | { kind: 'unreadable'; reason: string };

function article(type: TarEntryType | 'socket'): string {
  if (type === 'other') return 'not a regular file';
  return type === 'fifo' ? 'a FIFO' : `a ${type}`;
}

/** The argv of `docker build`; exported for table tests. */
export function buildArgs(request: BuildRequest, iidFile: string): string[] {
  const args = ['build', '--iidfile', iidFile, '--tag', request.tag];
  if (request.dockerfile) args.push('--file', request.dockerfile);
  if (request.target) args.push('--target', request.target);
  if (request.platform) args.push('--platform', request.platform);
  if (request.pull) args.push('--pull');
  for (const [key, value] of Object.entries(request.buildArgs)) {
    args.push('--build-arg', `${key}=${value}`);
  }
  args.push(request.context);
  return args;
}

export function dockerFailure(what: string, result: CommandResult): CheckError {
  const reason = result.timedOut
    ? 'timed out'
    : lastLines(result.stderr, 5) || `exit code ${result.exitCode}`;
  // The daemon makes the image's WORKDIR before any container starts: a file or device there is the image's fault.
  const workdir = /Cannot mkdir: (.+) is not a directory/.exec(result.stderr);
  if (workdir) {
    return new CheckError(
      'docker',
      `${what} failed: the image's WORKDIR ${workdir[1]} is not a directory, so no container can be created from it (docker: ${reason})`,
      'Fix the image: WORKDIR must be a directory; a later layer replaced it with a file or a device node.',
    );
  }
  return new CheckError(
    'docker',
    `${what} failed: ${reason}`,
    'Check that the Docker engine is healthy (`docker info`) and retry.',
  );
}
