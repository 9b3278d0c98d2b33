import { randomBytes } from 'node:crypto';
import { PROBE_TRANSFER, environmentValue } from '../../options/environment.js';
import type { AccountFiles, ImageFacts } from '../../facts/image.js';
import {
  ACCOUNT_FILES_FLAG,
  differentInside,
  parseProbeDocument,
  probeArguments,
  probeBinary,
  probeLimits,
  probePath,
  unpassable,
  type ProbeLimits,
  type ProbeResult,
  type ProbeTransfer,
  type ShownAccountFiles,
} from '../../probe/probe.js';
import type { ProbeOutput } from '../../probe/schema.js';
import { lastLines, type CommandResult } from '../command.js';
import { dockerFailure, type Docker, type UnreadAccountFile } from './docker.js';

/**
 * The probe's one container on a Docker engine (container-spec.ts says how it is made):
 * its life from create to removal.
 */

/** Bind mounts only work when the daemon shares this machine's filesystem. */
export function defaultTransfer(env: NodeJS.ProcessEnv = process.env): ProbeTransfer {
  const forced = environmentValue(PROBE_TRANSFER, env);
  if (forced) return forced;
  const host = env['DOCKER_HOST'];
  return host && !host.startsWith('unix://') ? 'copy' : 'mount';
}

/** The docker CLI's own log lines (logrus: `time="…" level=error msg="…"`), not the daemon's answer. */
const CLI_LOG_LINE = /^time="[^"]*" level=\w+ msg=.*$/;

export function failureReason(result: CommandResult, limits: ProbeLimits, arch: string): string {
  const answer = result.stderr
    .split('\n')
    .filter((line) => !CLI_LOG_LINE.test(line))
    .join('\n');
  const stderr = lastLines(answer, 3);
  if (result.timedOut) {
    return `the probe did not finish within ${limits.timeoutMs / 1000} s and was stopped`;
  }
  if (/exec format error/i.test(stderr)) {
    return `the probe cannot execute in this container (exec format error) on this ${arch} engine`;
  }
  if (result.exitCode === 137) {
    return `the probe was killed (exit 137), most likely out of memory under its ${limits.memory} limit`;
  }
  return `the probe container failed (exit code ${result.exitCode})${stderr ? `: ${stderr}` : ''}`;
}

/** The bind mount's source is not there: the daemon does not see this machine's files. */
function mountDidNotReach(created: CommandResult): boolean {
  return /bind source path does not exist/i.test(created.stderr);
}

/**
 * The account files with the probe's print standing in for each file the engine's stat
 * left unread, where the print is that file: the probe found it a regular file on a path
 * that reaches no mount (status ok) and read as many bytes as the engine's stat says it
 * holds. (With no mount on the way, the container's file is the image's: nothing else runs
 * in it, and the probe never opens a file of the image for writing.) Any other is left
 * unread, to be read from the engine, and then compared with the print (differentInside).
 */
export function withPrinted(
  read: { files: AccountFiles; unread: UnreadAccountFile[] },
  output: ProbeOutput,
  shown: ShownAccountFiles | null,
): { files: AccountFiles; unread: UnreadAccountFile[] } {
  const files = { ...read.files };
  const unread: UnreadAccountFile[] = [];
  for (const file of read.unread) {
    const text = shown?.[file.key] ?? null;
    if (
      text !== null &&
      output.identity[file.key] === 'ok' &&
      Buffer.byteLength(text, 'utf8') === file.size
    ) {
      files[file.key] = text;
    } else {
      unread.push(file);
    }
  }
  return { files, unread };
}

/** After the timeout, how long a pending `docker create` is waited for so that what it makes is removed. */
const CLEANUP_GRACE_MS = 15_000;
/** A create slower than this is worth a note: docker copies each VOLUME's files first. */
const SLOW_CREATE_MS = 2_000;

const TIMED_OUT = Symbol('timed out');

function beforeDeadline<T>(work: Promise<T>, deadline: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs the probe in the image, once, and returns its facts or why there are
 * none. One container: created, its account files read as the daemon will
 * read them (a device node or FIFO there and it is never started), started
 * attached, then removed with its volumes on every path.
 */
export async function runProbe(
  docker: Docker,
  image: ImageFacts,
  ports: readonly string[],
  engineArch: string,
  options: {
    limits?: ProbeLimits;
    transfer?: ProbeTransfer;
    binary?: string;
    platform?: string;
  } = {},
): Promise<ProbeResult> {
  const limits = options.limits ?? probeLimits();
  const started = Date.now();
  const notes: string[] = [];
  const failed = (
    reason: string,
    container: string,
    accountFiles: AccountFiles | null,
  ): ProbeResult => ({
    ok: false,
    reason,
    elapsedMs: Date.now() - started,
    container,
    accountFiles,
    notes,
  });
  const cannotPass = unpassable(image);
  if (cannotPass) return failed(cannotPass, '', null);
  const binary = options.binary ?? probeBinary(engineArch);
  const ownPath = probePath();
  const probeArgs = [...probeArguments(image, ports, ownPath), ACCOUNT_FILES_FLAG];
  const deadline = started + limits.timeoutMs;
  const timedOut = (container: string, accountFiles: AccountFiles | null) =>
    failed(
      `the probe did not finish within ${limits.timeoutMs / 1000} s and was stopped`,
      container,
      accountFiles,
    );

  const attempt = async (transfer: ProbeTransfer): Promise<ProbeResult | 'mount-did-not-reach'> => {
    const container = `nonroot-guard-probe-${randomBytes(6).toString('hex')}`;
    const createStarted = Date.now();
    const create = docker.createContainer(
      {
        name: container,
        image: image.id,
        platform: options.platform,
        entrypoint: ownPath,
        args: probeArgs,
        limits,
        mountSource: transfer === 'mount' ? binary : undefined,
      },
      limits.timeoutMs + CLEANUP_GRACE_MS,
    );
    let accountFiles: AccountFiles | null = null;
    try {
      const created = await beforeDeadline(create, deadline);
      if (created === TIMED_OUT) {
        // The create is waited for below anyway, to remove what it made: read the account
        // files from it meanwhile, rather than have the caller create a second container.
        const late = await create;
        const made = late.exitCode === 0 && !late.timedOut;
        return timedOut(
          container,
          made ? (await docker.readAccountFilesOf(container)).files : null,
        );
      }
      if (created.exitCode !== 0) {
        if (transfer === 'mount' && mountDidNotReach(created)) return 'mount-did-not-reach';
        throw dockerFailure(`docker create ${image.ref}`, created);
      }
      const createMs = Date.now() - createStarted;
      if (createMs > SLOW_CREATE_MS && image.volumes.length > 0) {
        notes.push(
          `creating the probe container took ${(createMs / 1000).toFixed(1)} s: docker first copies the image's files at VOLUME ${image.volumes.join(', ')} into new anonymous volumes`,
        );
      }
      if (transfer === 'copy') {
        const copied = await docker.copyInto(container, binary, ownPath);
        if (copied.exitCode !== 0) {
          return failed(failureReason(copied, limits, engineArch), container, accountFiles);
        }
      }
      // The engine's stat decides whether anything may start; a regular file's content is
      // the probe's own print of it where that is the engine's file (withPrinted).
      const read = await docker.readAccountFilesOf(container, { content: false });
      // Nothing of the image has run yet: what the stat left unread is read from this container.
      const beforeStart = async () =>
        read.unread.length === 0 ? read.files : (await docker.readAccountFilesOf(container)).files;
      if (read.files.unsafe.length > 0) {
        const what = read.files.unsafe.map((file) => `${file.path} ${file.what}`).join('; ');
        return failed(
          `no container of the image was started: ${what}, and the Docker daemon itself opens it to start any container`,
          container,
          await beforeStart(),
        );
      }
      if (Date.now() >= deadline) return timedOut(container, await beforeStart());
      // Past the start, a file left unread is read by the caller from a container never started.
      accountFiles = read.unread.length === 0 ? read.files : null;
      const result = await docker.startAttached(container, deadline - Date.now());
      if (result.timedOut) return timedOut(container, accountFiles);
      if (result.exitCode !== 0) {
        return failed(failureReason(result, limits, engineArch), container, accountFiles);
      }
      try {
        const { output, shown } = parseProbeDocument(result.stdout);
        const printed = withPrinted(read, output, shown);
        const files =
          printed.unread.length === 0
            ? printed.files
            : await docker.readAccountFiles(image.id, options.platform);
        files.unsafe.push(...differentInside(output, shown, files));
        const elapsedMs = Date.now() - started;
        return { ok: true, output, accountFiles: files, elapsedMs, transfer, notes };
      } catch (error) {
        return failed(
          `the probe's output could not be read: ${(error as Error).message}`,
          container,
          accountFiles,
        );
      }
    } finally {
      // A create still pending when the time ran out is waited for, so that what it made is removed too.
      const pending = await create.catch(() => null);
      const removed = await docker.removeContainer(container);
      if (!removed || pending?.timedOut) {
        notes.push(
          `the probe container ${container} may be left behind: remove it with \`docker rm --force --volumes ${container}\``,
        );
      }
    }
  };

  const transfer = options.transfer ?? defaultTransfer();
  const result = await attempt(transfer);
  if (result !== 'mount-did-not-reach') return result;
  const copied = await attempt('copy');
  if (copied === 'mount-did-not-reach') throw new Error('the copy transfer mounts nothing');
  return copied;
}
