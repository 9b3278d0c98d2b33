import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { CheckError } from '../errors.js';
import { lastLines, type CommandResult } from '../image/command.js';
import { missingFileNote, type Docker } from '../image/docker.js';
import type { AccountFiles, ImageFacts } from '../image/types.js';
import '../schema-locale.js';
import { probeSchema, type ProbeOutput } from './schema.js';

/** Where the probe binary appears inside the container; the probe skips it while walking. */
export const PROBE_PATH = '/.nonroot-guard-probe';

export interface ProbeLimits {
  timeoutMs: number;
  memory: string;
  pids: number;
}

export const DEFAULT_PROBE_LIMITS: ProbeLimits = { timeoutMs: 120_000, memory: '256m', pids: 64 };

/** The limits, with the timeout from NONROOT_GUARD_PROBE_TIMEOUT (seconds) when it is set. */
export function probeLimits(env: NodeJS.ProcessEnv = process.env): ProbeLimits {
  const raw = env['NONROOT_GUARD_PROBE_TIMEOUT'];
  if (raw === undefined || raw === '') return DEFAULT_PROBE_LIMITS;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
    throw new CheckError(
      'usage',
      `NONROOT_GUARD_PROBE_TIMEOUT=${raw}: expected a number of seconds between 0 and 3600`,
      'Unset it for the default of 120 s, or give e.g. 300.',
    );
  }
  return { ...DEFAULT_PROBE_LIMITS, timeoutMs: Math.round(seconds * 1000) };
}

export type ProbeTransfer = 'mount' | 'copy';

export type ProbeResult =
  | {
      ok: true;
      output: ProbeOutput;
      /**
       * /etc/passwd and /etc/group as the probe read them, so no second
       * container is needed; null when it could not stand in for reading
       * them with docker cp (a file it did not read, or over its size limit).
       */
      accountFiles: AccountFiles | null;
      elapsedMs: number;
      transfer: ProbeTransfer;
    }
  | { ok: false; reason: string; elapsedMs: number; container: string };

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
export function probeArguments(image: ImageFacts, ports: readonly string[]): string[] {
  const exec = image.entrypoint[0] ?? image.cmd[0] ?? '';
  const args = ['--user', image.user, '--workdir', image.workdir, '--exec', exec];
  args.push('--skip', PROBE_PATH);
  for (const port of ports) args.push('--port', port);
  return args;
}

/**
 * `docker run` options for the probe container. It starts as root (with
 * Docker's default capabilities) so it can see the whole filesystem, then
 * becomes the image's user as runc would; everything else is locked down.
 * Nothing from this machine is mounted but the probe binary, read-only.
 */
export function containerOptions(limits: ProbeLimits, entrypoint: string): string[] {
  return [
    '--pull=never',
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
  const forced = env['NONROOT_GUARD_PROBE_TRANSFER'];
  if (forced === 'copy' || forced === 'mount') return forced;
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

/**
 * The account files as the probe read them, with the notes docker cp would
 * give; null when the probe cannot vouch for one (unreadable, not a regular
 * file, too large, or over what it prints), so that docker cp reads them and
 * says why in its own words.
 */
export function probedAccountFiles(
  output: ProbeOutput,
  shown: ShownAccountFiles | null,
): AccountFiles | null {
  if (!shown) return null;
  const notes: string[] = [];
  const file = (path: string, status: ProbeOutput['identity']['passwd'], text: string | null) => {
    if (status === 'ok') return text ?? undefined;
    if (status !== 'missing') return undefined;
    notes.push(missingFileNote(path));
    return null;
  };
  const passwd = file('/etc/passwd', output.identity.passwd, shown.passwd);
  const group = file('/etc/group', output.identity.group, shown.group);
  if (passwd === undefined || group === undefined) return null;
  return { passwd, group, notes };
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

/** The bind-mounted binary is not there: the daemon does not see this machine's files. */
function mountDidNotReach(result: CommandResult): boolean {
  return (
    (result.exitCode === 127 || result.exitCode === 126) &&
    /no such file or directory/i.test(result.stderr)
  );
}

/** Runs the probe in the image, once, and returns its facts or why there are none. */
export async function runProbe(
  docker: Docker,
  image: ImageFacts,
  ports: readonly string[],
  engineArch: string,
  options: { limits?: ProbeLimits; transfer?: ProbeTransfer; binary?: string } = {},
): Promise<ProbeResult> {
  const limits = options.limits ?? probeLimits();
  const binary = options.binary ?? probeBinary(engineArch);
  const probeArgs = probeArguments(image, ports);
  const started = Date.now();
  let container = '';
  const name = () => (container = `nonroot-guard-probe-${randomBytes(6).toString('hex')}`);

  const viaMount = () =>
    docker.runToCompletion(
      name(),
      [
        '--rm',
        ...containerOptions(limits, `${PROBE_PATH}/probe`),
        `--mount=type=bind,source=${binary},target=${PROBE_PATH}/probe,readonly`,
        image.id,
        ...probeArgs,
        ACCOUNT_FILES_FLAG,
      ],
      limits.timeoutMs,
    );
  const viaCopy = () =>
    docker.runWithFile(
      name(),
      [...containerOptions(limits, PROBE_PATH), image.id, ...probeArgs, ACCOUNT_FILES_FLAG],
      { source: binary, destination: PROBE_PATH },
      limits.timeoutMs,
    );

  let transfer = options.transfer ?? defaultTransfer();
  let result = await (transfer === 'mount' ? viaMount() : viaCopy());
  if (transfer === 'mount' && mountDidNotReach(result)) {
    transfer = 'copy';
    result = await viaCopy();
  }
  const elapsedMs = Date.now() - started;
  if (result.exitCode !== 0 || result.timedOut) {
    return { ok: false, reason: failureReason(result, limits, engineArch), elapsedMs, container };
  }
  try {
    const { output, shown } = parseProbeDocument(result.stdout);
    const accountFiles = probedAccountFiles(output, shown);
    return { ok: true, output, accountFiles, elapsedMs, transfer };
  } catch (error) {
    return {
      ok: false,
      reason: `the probe's output could not be read: ${(error as Error).message}`,
      elapsedMs,
      container,
    };
  }
}
