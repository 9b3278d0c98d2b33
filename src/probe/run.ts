import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { PROBE_TIMEOUT, PROBE_TRANSFER, environmentValue } from '../environment.js';
import { CheckError } from '../errors.js';
import { lastLines, type CommandResult } from '../image/command.js';
import { dockerFailure, type Docker } from '../image/docker.js';
import type { AccountFiles, ImageFacts } from '../image/types.js';
import '../schema-locale.js';
import { probeSchema, type ProbeOutput } from './schema.js';

/**
 * Where the probe binary appears inside the container: a fresh random name
 * per run, so the image cannot already hold it (and hide files there); the
 * walk leaves out exactly this one file.
 */
export function probePath(): string {
  return `/.nonroot-guard-probe-${randomBytes(8).toString('hex')}`;
}

export interface ProbeLimits {
  timeoutMs: number;
  memory: string;
  pids: number;
}

export const DEFAULT_PROBE_LIMITS: ProbeLimits = { timeoutMs: 120_000, memory: '256m', pids: 64 };

/** The limits, with the timeout from NONROOT_GUARD_PROBE_TIMEOUT (seconds) when it is set. */
export function probeLimits(env: NodeJS.ProcessEnv = process.env): ProbeLimits {
  const seconds = environmentValue(PROBE_TIMEOUT, env);
  if (seconds === undefined) return DEFAULT_PROBE_LIMITS;
  return { ...DEFAULT_PROBE_LIMITS, timeoutMs: Math.round(seconds * 1000) };
}

export type ProbeTransfer = 'mount' | 'copy';

export type ProbeResult =
  | {
      ok: true;
      output: ProbeOutput;
      /** /etc/passwd and /etc/group as the daemon reads them, from the created container. */
      accountFiles: AccountFiles;
      elapsedMs: number;
      transfer: ProbeTransfer;
      notes: string[];
    }
  | {
      ok: false;
      reason: string;
      elapsedMs: number;
      container: string;
      /** Read before the start when the container could be created, else null. */
      accountFiles: AccountFiles | null;
      notes: string[];
    };

/** Makes the probe print the account files it read, as `accountFiles` (probe/probe.c). */
export const ACCOUNT_FILES_FLAG = '--account-files';

/** The probe prints a file of at most 256 KiB (MAX_ID_FILE_SHOWN), else null. */
const shownFile = z.nullable(z.string().check(z.maxLength(256 * 1024)));
const shownAccountFiles = z.strictObject({ passwd: shownFile, group: shownFile });
type ShownAccountFiles = z.infer<typeof shownAccountFiles>;

/** The docker architectures we ship a probe for, as `docker version` names them. */
const ARCHES = ['amd64', 'arm64'] as const;

/**
 * The probe binary for the engine's architecture. It needs nothing from the
 * image, so the engine's architecture decides, not the image's.
 */
export function probeBinary(engineArch: string): string {
  if (!(ARCHES as readonly string[]).includes(engineArch)) {
    throw new CheckError(
      'platform',
      `there is no probe for a ${engineArch} Docker engine (only ${ARCHES.join(', ')})`,
      'Run the check on an amd64 or arm64 runner, or set probe: optional to judge the metadata only.',
    );
  }
  // dist/index.js and dist/cli.js sit beside dist/probe/; tests run from src/probe/.
  for (const base of ['./probe/', '../../dist/probe/']) {
    const path = fileURLToPath(new URL(`${base}linux-${engineArch}`, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new CheckError(
    'platform',
    `the probe binary dist/probe/linux-${engineArch} is missing from this installation`,
    'Reinstall nonroot-guard (dist/ must be complete), or build it with probe/build.sh.',
  );
}

/** The probe's own arguments: what to check, from the image's metadata. */
export function probeArguments(
  image: ImageFacts,
  ports: readonly string[],
  ownPath: string,
): string[] {
  const exec = image.entrypoint[0] ?? image.cmd[0] ?? '';
  const args = ['--user', image.user, '--workdir', image.workdir, '--exec', exec];
  args.push('--skip', ownPath);
  for (const port of ports) args.push('--port', port);
  return args;
}

/**
 * `docker create` options for the probe container. It starts as root (with
 * Docker's default capabilities) so it can see the whole filesystem, then
 * becomes the image's user as runc would; everything else is locked down.
 * Nothing from this machine is mounted but the probe binary, read-only.
 * What of the image's config the daemon would act on is replaced: the
 * entrypoint and command (the probe instead), the user (root, then the probe
 * becomes the image's user itself), the network, and the HEALTHCHECK, which
 * dockerd would otherwise run inside this container as root while the probe
 * walks.
 */
export function containerOptions(limits: ProbeLimits, entrypoint: string): string[] {
  return [
    '--pull=never',
    '--no-healthcheck',
    '--network=none',
    '--user=0:0',
    '--security-opt=no-new-privileges',
    `--pids-limit=${limits.pids}`,
    `--memory=${limits.memory}`,
    `--memory-swap=${limits.memory}`,
    // Docker lets non-root bind any port; a default Kubernetes node does not.
    '--sysctl=net.ipv4.ip_unprivileged_port_start=1024',
    '--label=org.nonroot-guard.probe=true',
    `--entrypoint=${entrypoint}`,
  ];
}

/** Bind mounts only work when the daemon shares this machine's filesystem. */
export function defaultTransfer(env: NodeJS.ProcessEnv = process.env): ProbeTransfer {
  const forced = environmentValue(PROBE_TRANSFER, env);
  if (forced) return forced;
  const host = env['DOCKER_HOST'];
  return host && !host.startsWith('unix://') ? 'copy' : 'mount';
}

export function parseProbeOutput(stdout: string): ProbeOutput {
  return parseProbeDocument(stdout).output;
}

/** The probe's document: its facts, and the account files when it was asked for them. */
function parseProbeDocument(stdout: string): {
  output: ProbeOutput;
  shown: ShownAccountFiles | null;
} {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    throw new Error(
      `it is not JSON (${stdout.length} bytes, starting ${JSON.stringify(stdout.slice(0, 40))})`,
    );
  }
  let shown: ShownAccountFiles | null = null;
  if (typeof json === 'object' && json !== null && !Array.isArray(json) && 'accountFiles' in json) {
    const { accountFiles, ...facts } = json;
    const files = shownAccountFiles.safeParse(accountFiles);
    if (!files.success) throw schemaError(files.error, 'accountFiles');
    shown = files.data;
    json = facts;
  }
  const parsed = probeSchema.safeParse(json);
  if (!parsed.success) throw schemaError(parsed.error);
  return { output: parsed.data, shown };
}

function schemaError(error: z.core.$ZodError, under?: string): Error {
  const issue = error.issues[0]!;
  const path = [...(under ? [under] : []), ...issue.path].join('.');
  return new Error(`${path || 'the document'}: ${issue.message}`);
}

/** Image strings that become arguments of the probe: a NUL byte cannot be passed to a program. */
function unpassable(image: ImageFacts): string | null {
  const fields: [string, string | undefined][] = [
    ['Config.User', image.user],
    ['Config.WorkingDir', image.workdir],
    ['the entrypoint', image.entrypoint[0] ?? image.cmd[0]],
  ];
  const bad = fields.find(([, value]) => value?.includes('\0'));
  return bad
    ? `the image's ${bad[0]} holds a NUL byte, which no runtime can pass to the kernel: no container of this image can start as configured`
    : null;
}

/**
 * Account files that this container read otherwise than the daemon: the probe
 * found them resolving into a mount (or above /), or read other bytes than
 * docker cp read from the created container.
 */
function differentInside(
  output: ProbeOutput,
  shown: ShownAccountFiles | null,
  files: AccountFiles,
): AccountFiles['unsafe'] {
  const unsafe: AccountFiles['unsafe'] = [];
  for (const [path, key] of [
    ['/etc/passwd', 'passwd'],
    ['/etc/group', 'group'],
  ] as const) {
    const status = output.identity[key];
    const resolved = output.identity[`${key}Resolved`];
    if (status === 'mounted') {
      unsafe.push({
        path,
        what: `resolves into ${resolved}, which is mounted over the image's files when the container runs: the engine reads the image's own file there, the container another`,
        started: true,
      });
    } else if (status === 'escapes') {
      unsafe.push({
        path,
        what: `leads out of the image's files: a symlink on the way climbs above / (at ${resolved})`,
        started: true,
      });
    } else if (shown && shown[key] !== null && files[key] !== null && shown[key] !== files[key]) {
      unsafe.push({
        path,
        what: 'reads differently inside the running container than in the image the engine reads it from',
        started: true,
      });
    }
  }
  return unsafe;
}

export function failureReason(result: CommandResult, limits: ProbeLimits, arch: string): string {
  const stderr = lastLines(result.stderr, 3);
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
  options: { limits?: ProbeLimits; transfer?: ProbeTransfer; binary?: string } = {},
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
    const mount =
      transfer === 'mount' ? [`--mount=type=bind,source=${binary},target=${ownPath},readonly`] : [];
    const createStarted = Date.now();
    const create = docker.createContainer(
      container,
      [...containerOptions(limits, ownPath), ...mount, image.id, ...probeArgs],
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
        return timedOut(container, made ? await docker.readAccountFilesOf(container) : null);
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
      accountFiles = await docker.readAccountFilesOf(container);
      if (accountFiles.unsafe.length > 0) {
        const what = accountFiles.unsafe.map((file) => `${file.path} ${file.what}`).join('; ');
        return failed(
          `no container of the image was started: ${what}, and the Docker daemon itself opens it to start any container`,
          container,
          accountFiles,
        );
      }
      if (Date.now() >= deadline) return timedOut(container, accountFiles);
      const result = await docker.startAttached(container, deadline - Date.now());
      if (result.timedOut) return timedOut(container, accountFiles);
      if (result.exitCode !== 0) {
        return failed(failureReason(result, limits, engineArch), container, accountFiles);
      }
      try {
        const { output, shown } = parseProbeDocument(result.stdout);
        accountFiles.unsafe.push(...differentInside(output, shown, accountFiles));
        const elapsedMs = Date.now() - started;
        return { ok: true, output, accountFiles, elapsedMs, transfer, notes };
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
