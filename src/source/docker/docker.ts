import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
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
import {
  API_TIMEOUT_MS,
  engineCall,
  imageStoreCall,
  inspectCall,
  type EarlyCalls,
} from './early-calls.js';
import { API_PATHS, apiRequest, engineMessage, type ApiResult } from './engine-api.js';
import { platformsOfInspect, platformsOfManifest } from './image-index.js';
import { normaliseInspect } from './inspect.js';
import * as api from './api-container.js';
import { createArgs, type ProbeContainerSpec } from './container-spec.js';
import { FirstFileReader, type ImageFile } from './image-file.js';
import type { TarEntryType } from './tar-entry.js';
import { TarWalk } from './tar-walk.js';
import type { AccountFiles, ImageFacts } from '../../facts/image.js';
import { DEFAULT_PROBE_LIMITS } from '../../probe/probe.js';
import type { BuildRequest, EngineInfo, ImagePlatforms } from '../types.js';

/** The note for an account file the image does not have (read by docker cp or by the probe). */
export function missingFileNote(path: string): string {
  return `${path} does not exist in the image`;
}

/** Account files larger than this are not read (a hostile image can ship a huge /etc/passwd). */
const MAX_ACCOUNT_FILE_BYTES = 64 * 1024 * 1024;

const ACCOUNT_FILES = [
  { path: '/etc/passwd', key: 'passwd' },
  { path: '/etc/group', key: 'group' },
] as const;

/** A regular account file of a created container whose content was not read: its size, from the engine's stat. */
export interface UnreadAccountFile {
  path: (typeof ACCOUNT_FILES)[number]['path'];
  key: (typeof ACCOUNT_FILES)[number]['key'];
  size: number;
}
const BUILD_LOG_TAIL_LINES = 25;
/** The probe caps its own output far below this; more means something is wrong. */
const MAX_CONTAINER_OUTPUT_BYTES = 16 * 1024 * 1024;
/** An image index or manifest is a few KiB; a larger one is not read. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/** What to do about an engine that does not answer, is refused, or fails: one wording for CLI and API. */
const START_DAEMON_HINT =
  'Start the Docker daemon (e.g. `sudo systemctl start docker`), or set DOCKER_HOST to a running engine.';
const SOCKET_PERMISSION_HINT =
  'Add your user to the docker group or run with access to the Docker socket.';
const ENGINE_HEALTHY_HINT = 'Check that the Docker engine is healthy (`docker info`) and retry.';

/**
 * The only code that talks to docker: the Engine API on a local socket (engine-api.ts,
 * api-container.ts), else the CLI, every call through `exec` with an argv array; callers
 * get typed facts or a CheckError that names the cause and fix.
 */
export class Docker {
  constructor(
    private readonly runner: CommandRunner = runCommand,
    private readonly binary = 'docker',
    /** Calls the entry point started before the code was loaded; taken by identical argv. */
    private readonly early?: EarlyCalls,
    /**
     * The engine's local unix socket, when the CLI would use it too (engine-api.ts): the
     * engine, image store and inspect questions then go to the Engine API, not to docker.
     */
    private readonly socket: string | null = null,
  ) {}

  /** GET from the Engine API, taking the request the entry point started, if any. */
  private request(path: string, timeoutMs: number): Promise<ApiResult> {
    return this.early?.takeRequest(path) ?? apiRequest(this.socket!, path, { timeoutMs });
  }

  /** An answer of the API that is not a 2xx, or no answer: a CheckError naming the cause. */
  private apiFailure(what: string, result: ApiResult): CheckError {
    if (!result.ok) {
      if (result.code === 'EACCES') {
        return new CheckError(
          'docker',
          `the Docker daemon is not answering: permission denied on unix://${this.socket}`,
          SOCKET_PERMISSION_HINT,
        );
      }
      if (['ENOENT', 'ECONNREFUSED', 'ECONNRESET', 'ENOTSOCK'].includes(result.code)) {
        return new CheckError(
          'docker',
          `the Docker daemon is not answering: Cannot connect to the Docker daemon at unix://${this.socket} (${result.code})`,
          START_DAEMON_HINT,
        );
      }
      return new CheckError('docker', `${what} failed: ${result.message}`, ENGINE_HEALTHY_HINT);
    }
    return new CheckError(
      'docker',
      `${what} failed: ${engineMessage(result.response).slice(0, 500)}`,
      ENGINE_HEALTHY_HINT,
    );
  }

  /** A 200 answer's JSON (null for a 404 when `missing` allows it), or the CheckError of what went wrong. */
  private async apiJson(
    what: string,
    path: string,
    timeoutMs: number,
    { missing = false } = {},
  ): Promise<unknown> {
    const result = await this.request(path, timeoutMs);
    if (missing && result.ok && result.response.status === 404) return null;
    if (!result.ok || result.response.status !== 200) throw this.apiFailure(what, result);
    try {
      return JSON.parse(result.response.body);
    } catch {
      throw new CheckError(
        'docker',
        `${what} returned data this tool does not understand (not JSON)`,
        ENGINE_HEALTHY_HINT,
      );
    }
  }

  private info?: Promise<unknown>;

  /** The Engine API's /info, asked once: the engine check and the image store both read it. */
  private apiInfo(): Promise<unknown> {
    this.info ??= this.apiJson('the Engine API /info', API_PATHS.info, API_TIMEOUT_MS.engine);
    return this.info;
  }

  /** The engine from the Engine API: /version and /info (which the image store reads too), side by side. */
  private async engineByApi(): Promise<EngineInfo> {
    const [version] = await Promise.all([
      this.apiJson('the Engine API /version', API_PATHS.version, API_TIMEOUT_MS.engine),
      this.apiInfo(),
    ]);
    const {
      Os: os = '',
      Arch: arch = '',
      Version: serverVersion = '',
    } = (version ?? {}) as { Os?: string; Arch?: string; Version?: string };
    return checkedEngine(os, arch, serverVersion);
  }

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
    if (this.socket) return this.engineByApi();
    const call = engineCall();
    const result = await this.exec(call.args, call.options);
    const [os = '', arch = '', version = ''] = result.stdout.trim().split('|');
    if (result.exitCode !== 0 || os === '') {
      const stderr = lastLines(result.stderr, 3);
      const permission = /permission denied/i.test(stderr);
      throw new CheckError(
        'docker',
        `the Docker daemon is not answering${stderr ? `: ${stderr}` : ''}`,
        permission ? SOCKET_PERMISSION_HINT : START_DAEMON_HINT,
      );
    }
    return checkedEngine(os, arch, version);
  }

  private store?: Promise<'containerd' | 'classic'>;
  /** The platforms the Engine API listed with an inspect (Docker 28 and later), by reference. */
  private readonly listings = new Map<string, ImagePlatforms>();

  /**
   * Which image store the engine keeps images in, asked once: the containerd store keeps
   * every platform of an index under one name, the classic store one platform per tag.
   */
  imageStore(): Promise<'containerd' | 'classic'> {
    this.store ??= (async () => {
      if (this.socket) {
        const info = (await this.apiInfo()) as { DriverStatus?: unknown } | null;
        return storeOf(JSON.stringify(info?.DriverStatus ?? null));
      }
      const call = imageStoreCall();
      const result = await this.exec(call.args, call.options);
      if (result.exitCode !== 0) throw dockerFailure('docker info', result);
      return storeOf(result.stdout);
    })();
    return this.store;
  }

  /**
   * The platforms of a local image. Docker 28 and later (API 1.48) list them with the
   * inspect. Before that there is no call for it: on the containerd store an image's id is
   * the digest of its top-level manifest, and `docker save` writes the blobs sorted by
   * digest, so the walk stops at that blob and reads none of the layers after it (those
   * before it it must pass: on Docker 26 this is what a multi-platform check costs).
   */
  async platforms(image: ImageFacts): Promise<ImagePlatforms> {
    if ((await this.imageStore()) === 'classic') return { kind: 'one-per-tag' };
    const listed = this.listings.get(image.ref);
    if (listed) return listed;
    const digest = /^sha256:([a-f0-9]{64})$/.exec(image.id);
    if (!digest) {
      return { kind: 'unreadable', reason: `its id ${image.id.slice(0, 80)} is not a digest` };
    }
    const wanted = `blobs/sha256/${digest[1]}`;
    let manifest: string | null = null;
    let malformed: string | null = null;
    const walk = new TarWalk({
      header: (header) => (header.name === wanted ? 'read' : 'skip'),
      content: (_header, content) => {
        manifest = content.toString('utf8');
        return 'stop';
      },
      maxReadBytes: MAX_MANIFEST_BYTES,
    });
    const read = (chunk: Buffer): 'more' | 'enough' => {
      try {
        return walk.feed(chunk) === 'stop' ? 'enough' : 'more';
      } catch (error) {
        malformed = (error as Error).message;
        return 'enough';
      }
    };
    // The Engine API's GET /images/get is what `docker save` asks; on a local socket without the process.
    let failed: string | null = null;
    if (this.socket) {
      const result = await apiRequest(
        this.socket,
        `/images/get?${new URLSearchParams({ names: image.ref }).toString()}`,
        { timeoutMs: 10 * 60_000, readBody: read },
      );
      if (!result.ok || result.response.status !== 200) failed = api.daemonError(result);
    } else {
      const result = await this.exec(['save', '--', image.ref], {
        timeoutMs: 10 * 60_000,
        readStdout: read,
      });
      if (result.exitCode !== 0) {
        failed = lastLines(result.stderr, 1) || `exit code ${result.exitCode}`;
      }
    }
    if (manifest !== null) return platformsOfManifest(manifest);
    if (malformed) return { kind: 'unreadable', reason: `docker save gave ${malformed}` };
    if (failed) return { kind: 'unreadable', reason: `docker save failed: ${failed}` };
    return { kind: 'unreadable', reason: `docker save did not contain its manifest ${image.id}` };
  }

  /** Inspects a local image; null when it is not there. */
  async inspect(ref: string): Promise<ImageFacts | null> {
    if (this.socket) {
      const raw = await this.apiJson(
        `docker image inspect ${ref}`,
        API_PATHS.inspect(ref),
        API_TIMEOUT_MS.inspect,
        { missing: true },
      );
      if (raw === null) return null;
      // Docker 28 lists the platforms with the inspect: no docker save needed for them.
      const listed = platformsOfInspect(raw);
      if (listed) this.listings.set(ref, listed);
      return normaliseInspect(raw, ref);
    }
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
   * variant's image config (Engine API requests on a local socket, else the docker CLI's
   * create, inspect and rm). Null when the image has no such platform.
   */
  async inspectPlatform(image: ImageFacts, platform: string): Promise<ImageFacts | null> {
    const { ref } = image;
    const name = `nonroot-guard-config-${randomBytes(6).toString('hex')}`;
    const create = (command: string[]) =>
      this.socket
        ? api.createVariantContainer(
            this.socket,
            { name, image: ref, platform, cmd: command },
            120_000,
          )
        : this.exec(
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
      const inspected = this.socket
        ? await api.containerConfig(this.socket, name, 60_000)
        : await this.exec(['container', 'inspect', '--format', '{{json .Config}}', name], {
            timeoutMs: 60_000,
          });
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
      await this.removeContainer(name);
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

  private currentBuilder?: Promise<Builder>;

  /**
   * What `docker build` builds with, asked once: buildx and its current builder's driver
   * (read from `docker buildx inspect` as docker/actions-toolkit reads it), or the docker
   * CLI's own builder when buildx is not installed or DOCKER_BUILDKIT=0 asks for it.
   */
  builder(): Promise<Builder> {
    this.currentBuilder ??= (async (): Promise<Builder> => {
      if (process.env['DOCKER_BUILDKIT'] === '0')
        return { kind: 'docker-build', buildKitOff: true };
      const result = await this.exec(['buildx', 'inspect'], { timeoutMs: 60_000 });
      if (result.exitCode !== 0) {
        if (/unknown command|is not a docker command|unknown flag/i.test(result.stderr))
          return { kind: 'docker-build', buildKitOff: false };
        throw dockerFailure('docker buildx inspect', result);
      }
      return {
        kind: 'buildx',
        name: /^Name:\s*(\S+)/m.exec(result.stdout)?.[1] ?? 'default',
        driver: /^Driver:\s*(\S+)/m.exec(result.stdout)?.[1] ?? 'docker',
      };
    })();
    return this.currentBuilder;
  }

  /** Builds an image into the local image store and returns its id. */
  async build(request: BuildRequest): Promise<string> {
    for (const [id, path] of Object.entries(request.secretFiles)) {
      if (!(await isFile(path))) {
        throw new CheckError(
          'input',
          `the secret file for ${id} is not a readable file: ${path}`,
          'Check the path in secret-files (relative to the repository root), and that an earlier step wrote it.',
        );
      }
    }
    const builder = await this.builder();
    const needsBuildKit =
      Object.keys(request.secrets).length > 0 ||
      Object.keys(request.secretFiles).length > 0 ||
      request.ssh.length > 0;
    if (needsBuildKit && builder.kind === 'docker-build') {
      throw new CheckError(
        'usage',
        builder.buildKitOff
          ? 'build secrets and SSH need BuildKit, and DOCKER_BUILDKIT=0 turns it off'
          : 'build secrets and SSH need BuildKit through buildx, and this docker CLI has no buildx',
        builder.buildKitOff
          ? 'Unset DOCKER_BUILDKIT, or build without secrets and ssh.'
          : "Install buildx (Docker's docker-buildx-plugin package, or docker/setup-buildx-action on a runner), or build without secrets and ssh.",
      );
    }
    const workdir = await mkdtemp(join(tmpdir(), 'nonroot-guard-build-'));
    const iidFile = join(workdir, 'iid');
    try {
      // Secret values go to files only this user can read, removed with the directory.
      const secretFiles: Record<string, string> = { ...request.secretFiles };
      let index = 0;
      for (const [id, value] of Object.entries(request.secrets)) {
        const file = join(workdir, `secret-${index++}`);
        await writeFile(file, value, { mode: 0o600 });
        secretFiles[id] = file;
      }
      const result = await this.exec(buildArgs(request, iidFile, builder, secretFiles), {
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
   * running it: a container made as the probe's is (createContainer), of the
   * platform asked for, never started, read as readAccountFilesOf reads it,
   * and removed.
   */
  async readAccountFiles(ref: string, platform?: string): Promise<AccountFiles> {
    const name = `nonroot-guard-accounts-${randomBytes(6).toString('hex')}`;
    const created = await this.createContainer(
      {
        name,
        image: ref,
        platform,
        entrypoint: '/nonroot-guard-never-started',
        args: [],
        limits: DEFAULT_PROBE_LIMITS,
      },
      60_000,
    );
    try {
      if (created.exitCode !== 0) throw dockerFailure(`docker create ${ref}`, created);
      return (await this.readAccountFilesOf(name)).files;
    } finally {
      await this.removeContainer(name);
    }
  }

  /**
   * The account files of a created container as the daemon will read them
   * when it starts it: symlinks resolved inside the image, before anything is
   * mounted. Only a regular file is read; a device node, FIFO or socket is
   * known from its stat or tar header and never opened (by us or, since the
   * caller then starts nothing, by the daemon). With `content: false` a
   * regular file's content is left unread where the engine can say its size
   * without it (the Engine API's stat): it is `unread`, null in the files.
   */
  async readAccountFilesOf(
    container: string,
    { content = true }: { content?: boolean } = {},
  ): Promise<{ files: AccountFiles; unread: UnreadAccountFile[] }> {
    const notes: string[] = [];
    const unsafe: AccountFiles['unsafe'] = [];
    const unread: UnreadAccountFile[] = [];
    const [passwd, group] = await Promise.all(
      ACCOUNT_FILES.map(async ({ path, key }) => {
        const file = await this.readImageFile(container, path, MAX_ACCOUNT_FILE_BYTES, content);
        switch (file.kind) {
          case 'file':
            return file.text;
          case 'regular':
            unread.push({ path, key, size: file.size });
            break;
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
    return { files: { passwd: passwd ?? null, group: group ?? null, notes, unsafe }, unread };
  }

  /**
   * One file of a created container, symlinks resolved in the image: by the Engine API on
   * a local socket (api-container.ts), else `docker cp -L`, whose tar header is read first,
   * so anything but a regular file of at most `maxBytes` is recognised from 512 bytes and
   * the copy stopped there. `content: false` leaves a regular file's content unread on the
   * API (its stat gives the size); `docker cp` gives the content with the header, in the
   * one process it costs either way.
   */
  async readImageFile(
    container: string,
    path: string,
    maxBytes: number,
    content = true,
  ): Promise<ImageFile> {
    if (this.socket) return api.readContainerFile(this.socket, container, path, maxBytes, content);
    const reader = new FirstFileReader(maxBytes);
    const result = await this.exec(['cp', '-L', `${container}:${path}`, '-'], {
      timeoutMs: 60_000,
      readStdout: (chunk) => reader.feed(chunk),
    });
    const { outcome, malformed } = reader;
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

  /**
   * Creates the probe's container (the Engine API on a local socket, else `docker create`);
   * the caller judges the result (a hostile image can make it slow).
   */
  createContainer(spec: ProbeContainerSpec, timeoutMs: number): Promise<CommandResult> {
    if (this.socket) return api.createContainer(this.socket, spec, timeoutMs);
    return this.exec(['create', ...createArgs(spec)], { timeoutMs });
  }

  copyInto(container: string, source: string, destination: string): Promise<CommandResult> {
    return this.exec(['cp', source, `${container}:${destination}`], { timeoutMs: 60_000 });
  }

  /** Starts a created container and waits for it, with its stdout and stderr apart. */
  startAttached(container: string, timeoutMs: number): Promise<CommandResult> {
    if (this.socket) {
      return api.startAttached(this.socket, container, timeoutMs, MAX_CONTAINER_OUTPUT_BYTES);
    }
    return this.exec(['start', '--attach', container], {
      timeoutMs,
      maxOutputBytes: MAX_CONTAINER_OUTPUT_BYTES,
    });
  }

  /** Removes a container whatever its state, with its anonymous volumes; true when it is gone. */
  async removeContainer(container: string): Promise<boolean> {
    if (this.socket) return api.removeContainer(this.socket, container);
    const result = await this.exec(['rm', '--force', '--volumes', container], {
      timeoutMs: 60_000,
    });
    return result.exitCode === 0 || /no such container/i.test(result.stderr);
  }
}

function article(type: TarEntryType | 'socket'): string {
  if (type === 'other') return 'not a regular file';
  return type === 'fifo' ? 'a FIFO' : `a ${type}`;
}

/** The image store `docker info`'s DriverStatus (as JSON) names: the containerd store names its snapshotter. */
function storeOf(driverStatus: string): 'containerd' | 'classic' {
  return /io\.containerd\.snapshotter/.test(driverStatus) ? 'containerd' : 'classic';
}

/** The engine as the check needs it: a Linux engine, or a CheckError saying why not. */
function checkedEngine(os: string, arch: string, version: string): EngineInfo {
  if (os !== 'linux') {
    throw new CheckError(
      'platform',
      `the Docker engine runs ${os} containers; nonroot-guard checks Linux images`,
      'Run on a Linux runner (runs-on: ubuntu-latest) or switch Docker Desktop to Linux containers.',
    );
  }
  return { os, arch, version };
}

/** What builds the image: buildx with its current builder, or `docker build` of a CLI without buildx. */
export type Builder =
  { kind: 'buildx'; name: string; driver: string } | { kind: 'docker-build'; buildKitOff: boolean };

/**
 * The argv of the build; exported for table tests. A buildx builder whose driver is not
 * `docker` (docker-container, kubernetes, remote: what docker/setup-buildx-action makes)
 * keeps its result in its own cache unless told to `--load` it into the image store.
 */
export function buildArgs(
  request: BuildRequest,
  iidFile: string,
  builder: Builder,
  secretFiles: Record<string, string>,
): string[] {
  const args =
    builder.kind === 'buildx'
      ? ['buildx', 'build', ...(builder.driver === 'docker' ? [] : ['--load'])]
      : ['build'];
  args.push('--iidfile', iidFile, '--tag', request.tag);
  if (request.dockerfile) args.push('--file', request.dockerfile);
  if (request.target) args.push('--target', request.target);
  if (request.platform) args.push('--platform', request.platform);
  if (request.pull) args.push('--pull');
  for (const [key, value] of Object.entries(request.buildArgs)) {
    args.push('--build-arg', `${key}=${value}`);
  }
  for (const [id, file] of Object.entries(secretFiles)) {
    args.push('--secret', [`id=${id}`, `src=${file}`].map(csvField).join(','));
  }
  for (const spec of request.ssh) args.push('--ssh', spec);
  args.push(request.context);
  return args;
}

/** A field of the CSV docker build reads --secret as: quoted when it holds a comma or a quote. */
function csvField(field: string): string {
  return /[",\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
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
  return new CheckError('docker', `${what} failed: ${reason}`, ENGINE_HEALTHY_HINT);
}
