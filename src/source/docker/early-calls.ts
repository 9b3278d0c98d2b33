import { runCommand, type CommandOptions, type CommandResult } from '../command.js';
import { API_PATHS, apiRequest, type ApiResult } from './engine-api.js';

/**
 * The read-only questions every check of an existing image starts with (the
 * engine, its image store, the image's inspect), asked by the entry point before
 * it loads the rest of the code: Engine API requests on a local socket, else
 * docker calls. Node spends about 30 ms loading the check, and the answers take
 * about as long, so side by side neither waits for the other. This module
 * imports nothing but the command runner and the API client, so that it is
 * loaded before the rest.
 */

export interface DockerCall {
  args: readonly string[];
  options: CommandOptions;
}

/** `docker version`: the engine's OS and architecture, and whether it answers at all. */
export function engineCall(): DockerCall {
  return {
    args: ['version', '--format', '{{.Server.Os}}|{{.Server.Arch}}|{{.Server.Version}}'],
    options: { timeoutMs: 30_000 },
  };
}

/** `docker info`'s storage driver status: the containerd image store names its snapshotter there. */
export function imageStoreCall(): DockerCall {
  return { args: ['info', '--format', '{{json .DriverStatus}}'], options: { timeoutMs: 30_000 } };
}

/** `docker image inspect` of a local image; after `--`, a reference is never read as a flag. */
export function inspectCall(ref: string): DockerCall {
  return {
    args: ['image', 'inspect', '--format', '{{json .}}', '--', ref],
    options: { timeoutMs: 60_000 },
  };
}

/** What the entry point knows before it parses the options properly. */
export interface EarlyRequest {
  /** The image to check when it should already exist: no build, build command or pull. */
  existingImage?: string;
}

/** Where the image comes from, as the options say. */
export interface ImageOptions {
  image?: string;
  context?: string;
  buildCommand?: string;
  pull?: boolean;
}

/**
 * The check makes the image (a build, a build command) or fetches it anew (pull):
 * it is not inspected before that, and the engine must answer first.
 */
export function makesTheImage(source: ImageOptions): boolean {
  return Boolean(source.context || source.buildCommand || source.pull);
}

/** What to ask docker before the code loads: the image's inspect only when it should exist. */
export function earlyRequestFor(source: ImageOptions): EarlyRequest {
  return { existingImage: makesTheImage(source) ? undefined : source.image || undefined };
}

/**
 * Calls already under way. Docker takes each result once, for an identical
 * argv; a result nobody takes (the options turned out different, or the check
 * stopped early) is discarded, its process killed.
 */
export class EarlyCalls {
  private readonly calls = new Map<string, Promise<CommandResult>>();
  private readonly requests = new Map<string, Promise<ApiResult>>();
  private readonly abort = new AbortController();

  constructor(
    private readonly binary = 'docker',
    private readonly runner = runCommand,
  ) {}

  start(call: DockerCall): void {
    const result = this.runner(this.binary, call.args, {
      ...call.options,
      signal: this.abort.signal,
    });
    // Seen by whoever takes it; not an unhandled rejection when nobody does.
    result.catch(() => {});
    this.calls.set(key(this.binary, call.args), result);
  }

  /** An Engine API request, by path, to the local socket (see engine-api.ts). */
  startRequest(socket: string, path: string, timeoutMs: number): void {
    this.requests.set(path, apiRequest(socket, path, { timeoutMs, signal: this.abort.signal }));
  }

  takeRequest(path: string): Promise<ApiResult> | undefined {
    const result = this.requests.get(path);
    this.requests.delete(path);
    return result;
  }

  take(binary: string, args: readonly string[]): Promise<CommandResult> | undefined {
    const id = key(binary, args);
    const result = this.calls.get(id);
    this.calls.delete(id);
    return result;
  }

  /**
   * Resolves after one turn of the event loop: the requests' connections are then made and
   * their bytes written (the processes spawned) before loading the rest of the check holds
   * the thread, so the engine answers meanwhile.
   */
  underway(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }

  /** Kills the calls nobody took, so that they do not keep the process alive. */
  discard(): void {
    if (this.calls.size > 0 || this.requests.size > 0) this.abort.abort();
    this.calls.clear();
    this.requests.clear();
  }
}

function key(binary: string, args: readonly string[]): string {
  return JSON.stringify([binary, ...args]);
}

/** The early requests' timeouts, as Docker's own calls of them use. */
export const API_TIMEOUT_MS = { engine: 30_000, inspect: 60_000 };

/**
 * Starts the engine check and the image store's, and the inspect when the image should
 * already be there: Engine API requests when the engine is a local socket, else docker calls.
 */
export function startEarlyCalls(
  request: EarlyRequest,
  calls = new EarlyCalls(),
  socket: string | null = null,
): EarlyCalls {
  if (socket) {
    calls.startRequest(socket, API_PATHS.version, API_TIMEOUT_MS.engine);
    calls.startRequest(socket, API_PATHS.info, API_TIMEOUT_MS.engine);
    if (request.existingImage)
      calls.startRequest(socket, API_PATHS.inspect(request.existingImage), API_TIMEOUT_MS.inspect);
    return calls;
  }
  calls.start(engineCall());
  calls.start(imageStoreCall());
  if (request.existingImage) calls.start(inspectCall(request.existingImage));
  return calls;
}
