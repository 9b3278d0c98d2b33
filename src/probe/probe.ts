import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { PROBE_TIMEOUT, environmentValue } from '../options/environment.js';
import { CheckError } from '../shared/errors.js';
import type { AccountFiles, ImageFacts } from '../facts/image.js';
import '../shared/schema-locale.js';
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
export type ShownAccountFiles = z.infer<typeof shownAccountFiles>;

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
  // Where the app keeps its data: measured as the user (NR024); the probe takes 16.
  // A path no kernel takes (a NUL byte, past PATH_MAX) is left out rather than fail the probe.
  const volumes = image.volumes.filter(
    (volume) => !volume.includes('\0') && Buffer.byteLength(volume) <= MAX_PROBE_ARG_BYTES,
  );
  for (const volume of volumes.slice(0, MAX_PROBED_VOLUMES)) args.push('--volume', volume);
  return args;
}

/** How many of the image's VOLUMEs the probe measures (probe.c's MAX_VOLUMES). */
export const MAX_PROBED_VOLUMES = 16;
/** The longest path argument the probe takes (probe.c's MAX_ARG_BYTES). */
const MAX_PROBE_ARG_BYTES = 4095;

export function parseProbeOutput(stdout: string): ProbeOutput {
  return parseProbeDocument(stdout).output;
}

/** The probe's document: its facts, and the account files when it was asked for them. */
export function parseProbeDocument(stdout: string): {
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
export function unpassable(image: ImageFacts): string | null {
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
export function differentInside(
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
