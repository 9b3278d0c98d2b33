import type { Socket } from 'node:net';
import { BoundedBuffer, type CommandResult } from '../command.js';
import { createRequest, type ProbeContainerSpec } from './container-spec.js';
import { apiRequest, engineMessage, type ApiResult } from './engine-api.js';
import { FirstFileReader, type ImageFile } from './image-file.js';
import type { TarEntryType } from './tar-entry.js';

/**
 * The probe's container through the Engine API on the local socket: created, its files
 * read, started attached, waited for and removed as HTTP requests on the socket the CLI
 * would use, instead of five docker processes (each 40–130 ms of a 2-core runner, the two
 * `docker cp` the dearest). Each outcome is given as the CLI's would be — its exit code, and
 * the daemon's message as "Error response from daemon: …" — so that what a user reads does
 * not depend on how the engine was reached.
 */

/** A container's path in the API (names and ids are [a-zA-Z0-9_.-]; encoded all the same). */
const containerPath = (container: string) => `/containers/${encodeURIComponent(container)}`;

/** The engine's message of an answer that is not a success, or why there is no answer. */
export function daemonError(result: ApiResult): string {
  if (!result.ok) return `cannot reach the Docker engine: ${result.message} (${result.code})`;
  return `Error response from daemon: ${engineMessage(result.response)}`;
}

const failure = (exitCode: number, stderr: string): CommandResult => ({
  exitCode,
  stdout: '',
  stderr: `${stderr}\n`,
  timedOut: false,
});

/** POST /containers/create; the result as `docker create`'s (exit 1 on the daemon's refusal). */
async function postCreate(
  socket: string,
  request: { path: string; body: object },
  name: string,
  timeoutMs: number,
): Promise<CommandResult> {
  const result = await apiRequest(socket, request.path, {
    method: 'POST',
    json: request.body,
    timeoutMs,
  });
  if (!result.ok && result.code === 'ETIMEDOUT') return { ...failure(1, ''), timedOut: true };
  if (!result.ok || result.response.status !== 201) return failure(1, daemonError(result));
  return { exitCode: 0, stdout: `${name}\n`, stderr: '', timedOut: false };
}

/** The probe's container, as container-spec.ts describes it. */
export function createContainer(
  socket: string,
  spec: ProbeContainerSpec,
  timeoutMs: number,
): Promise<CommandResult> {
  return postCreate(socket, createRequest(spec), spec.name, timeoutMs);
}

/**
 * A container of `image` for `platform` with nothing of its config overridden but the
 * network (and `cmd`, when given), as `docker create --platform P --network=none IMAGE [CMD]`:
 * its config is then that variant's image config.
 */
export function createVariantContainer(
  socket: string,
  spec: { name: string; image: string; platform: string; cmd: readonly string[] },
  timeoutMs: number,
): Promise<CommandResult> {
  const query = new URLSearchParams({ name: spec.name, platform: spec.platform });
  const body = {
    Image: spec.image,
    ...(spec.cmd.length > 0 ? { Cmd: [...spec.cmd] } : {}),
    HostConfig: { NetworkMode: 'none' },
  };
  return postCreate(
    socket,
    { path: `/containers/create?${query.toString()}`, body },
    spec.name,
    timeoutMs,
  );
}

/** GET /containers/C/json's `Config`, as `docker container inspect --format '{{json .Config}}'` prints it. */
export async function containerConfig(
  socket: string,
  container: string,
  timeoutMs: number,
): Promise<CommandResult> {
  const result = await apiRequest(socket, `${containerPath(container)}/json`, { timeoutMs });
  if (!result.ok || result.response.status !== 200) return failure(1, daemonError(result));
  try {
    const { Config } = JSON.parse(result.response.body) as { Config?: unknown };
    return { exitCode: 0, stdout: JSON.stringify(Config ?? null), stderr: '', timedOut: false };
  } catch {
    return failure(1, `the engine's inspect of ${container} is not JSON`);
  }
}

/** The path-stat header of the archive endpoint: Go's os.FileMode and the link's target. */
interface PathStat {
  mode: number;
  size: number;
  linkTarget: string;
}

/** os.FileMode's type bits (Go's io/fs), highest first. */
const MODE_BITS = {
  dir: 31,
  symlink: 27,
  device: 26,
  namedPipe: 25,
  socket: 24,
  charDevice: 21,
  irregular: 19,
} as const;
const has = (mode: number, bit: number) => ((mode >>> bit) & 1) === 1;

/** HEAD /containers/C/archive: the path's stat, null when it is not there. */
async function statPath(
  socket: string,
  container: string,
  path: string,
): Promise<PathStat | null | { unreadable: string }> {
  const result = await apiRequest(
    socket,
    `${containerPath(container)}/archive?${new URLSearchParams({ path }).toString()}`,
    { method: 'HEAD', timeoutMs: 60_000 },
  );
  if (result.ok && result.response.status === 404) return null;
  if (!result.ok || result.response.status !== 200) return { unreadable: daemonError(result) };
  const header = result.response.headers['x-docker-container-path-stat'];
  try {
    const stat = JSON.parse(Buffer.from(String(header), 'base64').toString('utf8')) as {
      mode?: unknown;
      size?: unknown;
      linkTarget?: unknown;
    };
    if (typeof stat.mode !== 'number' || typeof stat.size !== 'number') throw new Error();
    return {
      mode: stat.mode,
      size: stat.size,
      linkTarget: typeof stat.linkTarget === 'string' ? stat.linkTarget : '',
    };
  } catch {
    return { unreadable: `the engine's stat of ${path} could not be read` };
  }
}

/** A stat's file type as the tar reader names it; null for a regular file. */
function typeOf(mode: number): TarEntryType | 'socket' | null {
  if (has(mode, MODE_BITS.dir)) return 'directory';
  if (has(mode, MODE_BITS.symlink)) return 'symlink';
  if (has(mode, MODE_BITS.namedPipe)) return 'fifo';
  if (has(mode, MODE_BITS.socket)) return 'socket';
  if (has(mode, MODE_BITS.device))
    return has(mode, MODE_BITS.charDevice) ? 'char device' : 'block device';
  if (has(mode, MODE_BITS.irregular)) return 'other';
  return null;
}

/**
 * One file of a created container as `docker cp -L` reads it: the path's stat, a symlink
 * followed to the target the daemon resolved inside the container's root (as the CLI does),
 * that target's stat, and only for a regular file of at most `maxBytes` its content, from
 * the archive's first entry (unless `content` is false: then its size). A FIFO, a device or
 * a socket is known from its stat and never opened (the daemon cannot even put a socket into
 * a tar archive).
 */
export async function readContainerFile(
  socket: string,
  container: string,
  path: string,
  maxBytes: number,
  content = true,
): Promise<ImageFile> {
  let stat = await statPath(socket, container, path);
  let target = path;
  if (stat && !('unreadable' in stat) && has(stat.mode, MODE_BITS.symlink)) {
    target = stat.linkTarget;
    stat = target ? await statPath(socket, container, target) : null;
  }
  if (stat === null) return { kind: 'missing' };
  if ('unreadable' in stat) return { kind: 'unreadable', reason: stat.unreadable };
  const type = typeOf(stat.mode);
  if (type) return { kind: 'not-regular', type };
  if (stat.size > maxBytes) return { kind: 'too-large', size: stat.size };
  if (!content) return { kind: 'regular', size: stat.size };
  const reader = new FirstFileReader(maxBytes);
  const result = await apiRequest(
    socket,
    `${containerPath(container)}/archive?${new URLSearchParams({ path: target }).toString()}`,
    { timeoutMs: 60_000, readBody: (chunk) => reader.feed(chunk) },
  );
  if (reader.outcome) return reader.outcome;
  if (reader.malformed)
    return { kind: 'unreadable', reason: `the archive gave ${reader.malformed}` };
  if (result.ok && result.response.status === 404) return { kind: 'missing' };
  if (!result.ok || result.response.status !== 200) {
    return { kind: 'unreadable', reason: daemonError(result) };
  }
  return { kind: 'unreadable', reason: 'the archive ended before the file was complete' };
}

/** The Docker multiplexed stream's frame header: stream (1 stdout, 2 stderr), 3 zero bytes, size. */
const FRAME_HEADER_BYTES = 8;

/**
 * `docker start --attach`, through the API: attach (the connection upgraded to the raw
 * stream), the wait for the next exit, start, read stdout and stderr apart from the
 * multiplexed stream until it ends, and the exit code the wait answers. Past `timeoutMs` the connection is dropped and the result
 * says timedOut; the caller removes the container (force), which kills it.
 */
export function startAttached(
  socket: string,
  container: string,
  timeoutMs: number,
  maxOutputBytes: number,
): Promise<CommandResult> {
  const path = containerPath(container);
  const stdout = new BoundedBuffer(maxOutputBytes);
  const stderr = new BoundedBuffer(maxOutputBytes);
  return new Promise((resolve) => {
    let done = false;
    let stream: Socket | undefined;
    const deadline = Date.now() + timeoutMs;
    const finish = (exitCode: number, timedOut = false, message?: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stream?.destroy();
      if (message) stderr.push(Buffer.from(`${message}\n`));
      resolve({ exitCode, stdout: stdout.toString(), stderr: stderr.toString(), timedOut });
    };
    const timer = setTimeout(() => finish(128, true), timeoutMs);
    void apiRequest(socket, `${path}/attach?stream=1&stdout=1&stderr=1`, {
      method: 'POST',
      upgrade: true,
      timeoutMs,
    }).then((attached) => {
      if (done) {
        if (attached.ok) attached.response.upgraded?.socket.destroy();
        return;
      }
      // Not upgraded: the engine refused the attach (no such container, …), or no answer.
      if (!attached.ok || !attached.response.upgraded) {
        finish(1, false, daemonError(attached));
        return;
      }
      const { socket: connection, head } = attached.response.upgraded;
      stream = connection;
      let pending: Buffer = Buffer.alloc(0);
      const demultiplex = (chunk: Buffer) => {
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        while (pending.length >= FRAME_HEADER_BYTES) {
          const size = pending.readUInt32BE(4);
          if (pending.length < FRAME_HEADER_BYTES + size) break;
          const payload = pending.subarray(FRAME_HEADER_BYTES, FRAME_HEADER_BYTES + size);
          (pending[0] === 2 ? stderr : stdout).push(payload);
          pending = pending.subarray(FRAME_HEADER_BYTES + size);
        }
      };
      if (head.length > 0) demultiplex(head);
      // As `docker run` does: the wait for the next exit is registered before the start (the
      // engine answers its head once it is), so its answer comes with the exit, not a round
      // trip after it.
      const remaining = () => Math.max(1, deadline - Date.now());
      let registered: (status: number) => void = () => {};
      const waitRegistered = new Promise<number>((resolve) => (registered = resolve));
      const waited = apiRequest(socket, `${path}/wait?condition=next-exit`, {
        method: 'POST',
        timeoutMs: remaining(),
        onHead: registered,
      });
      const started = (async () => {
        const head = await Promise.race([waitRegistered, waited.then(() => 0)]);
        if (head !== 200) {
          // No wait, no start: nothing will close the stream, so this ends here.
          finish(1, false, daemonError(await waited));
          return null;
        }
        return apiRequest(socket, `${path}/start`, { method: 'POST', timeoutMs: remaining() });
      })();
      connection.on('data', demultiplex);
      connection.on('error', () => {});
      // The stream ends when the container's process has closed its output, or the start failed.
      connection.on('close', () => {
        void (async () => {
          const start = await started;
          if (done || start === null) return;
          if (!start.ok || ![204, 304].includes(start.response.status)) {
            finish(1, false, daemonError(start));
            return;
          }
          const exited = await waited;
          if (done) return;
          if (!exited.ok || exited.response.status !== 200) {
            finish(1, false, daemonError(exited));
            return;
          }
          let answer: { StatusCode?: unknown; Error?: { Message?: string } | null };
          try {
            answer = JSON.parse(exited.response.body) as typeof answer;
          } catch {
            answer = {};
          }
          if (typeof answer.StatusCode !== 'number') {
            finish(
              1,
              false,
              `the engine's wait answer has no exit code: ${exited.response.body.slice(0, 200)}`,
            );
            return;
          }
          finish(answer.StatusCode, false, answer.Error?.Message || undefined);
        })();
      });
      connection.resume();
    });
  });
}

/** DELETE /containers/C with its anonymous volumes, whatever its state; true when it is gone. */
export async function removeContainer(socket: string, container: string): Promise<boolean> {
  const result = await apiRequest(socket, `${containerPath(container)}?force=1&v=1`, {
    method: 'DELETE',
    timeoutMs: 60_000,
  });
  return result.ok && [204, 404].includes(result.response.status);
}
