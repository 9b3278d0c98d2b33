import type { ProbeLimits } from '../../probe/probe.js';

/**
 * The probe's container, as one description and its two renderings: the `docker create`
 * argv (an engine reached through the CLI: a context, tcp, ssh) and the Engine API's create
 * request (the local socket). An integration test creates both on each engine and holds
 * the engine's inspect of the two to be the same container.
 */
export interface ProbeContainerSpec {
  name: string;
  /** The image's id. */
  image: string;
  /** The variant of a multi-platform image; unset: the engine's default. */
  platform?: string;
  /** The probe's path inside the container. */
  entrypoint: string;
  args: readonly string[];
  limits: ProbeLimits;
  /** The probe binary, bind-mounted read-only at `entrypoint`; unset: it is copied in. */
  mountSource?: string;
}

/** The label every probe container carries, to find one left behind. */
const PROBE_LABEL = 'org.nonroot-guard.probe';
/** Docker lets non-root bind any port; a default Kubernetes node does not. */
const KUBERNETES_PORT_SYSCTL = { 'net.ipv4.ip_unprivileged_port_start': '1024' };

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
    ...Object.entries(KUBERNETES_PORT_SYSCTL).map(([key, value]) => `--sysctl=${key}=${value}`),
    `--label=${PROBE_LABEL}=true`,
    `--entrypoint=${entrypoint}`,
  ];
}

/** The whole `docker create` argv after `create`. */
export function createArgs(spec: ProbeContainerSpec): string[] {
  return [
    '--name',
    spec.name,
    ...containerOptions(spec.limits, spec.entrypoint),
    ...(spec.mountSource
      ? [`--mount=type=bind,source=${spec.mountSource},target=${spec.entrypoint},readonly`]
      : []),
    ...(spec.platform ? [`--platform=${spec.platform}`] : []),
    spec.image,
    ...spec.args,
  ];
}

/**
 * The Engine API's POST /containers/create for the same container: the query and the body
 * the docker CLI sends for the options above (an API create never pulls, as --pull=never).
 */
export function createRequest(spec: ProbeContainerSpec): { path: string; body: object } {
  const query = new URLSearchParams({ name: spec.name });
  if (spec.platform) query.set('platform', spec.platform);
  const memory = memoryBytes(spec.limits.memory);
  return {
    path: `/containers/create?${query.toString()}`,
    body: {
      Image: spec.image,
      Entrypoint: [spec.entrypoint],
      Cmd: [...spec.args],
      User: '0:0',
      Labels: { [PROBE_LABEL]: 'true' },
      Healthcheck: { Test: ['NONE'] },
      // As `docker create` without -d: the output can be attached to.
      AttachStdout: true,
      AttachStderr: true,
      HostConfig: {
        NetworkMode: 'none',
        // The CLI's default, said: never restarted.
        RestartPolicy: { Name: 'no' },
        SecurityOpt: ['no-new-privileges'],
        PidsLimit: spec.limits.pids,
        Memory: memory,
        MemorySwap: memory,
        Sysctls: KUBERNETES_PORT_SYSCTL,
        ...(spec.mountSource
          ? {
              Mounts: [
                { Type: 'bind', Source: spec.mountSource, Target: spec.entrypoint, ReadOnly: true },
              ],
            }
          : {}),
      },
    },
  };
}

/** `256m` as bytes, as the docker CLI reads --memory (units of 1024). */
export function memoryBytes(limit: string): number {
  const match = /^(\d+)([bkmg]?)$/i.exec(limit);
  if (!match) throw new Error(`not a memory limit: ${limit}`);
  const power = ['b', 'k', 'm', 'g'].indexOf((match[2] || 'b').toLowerCase());
  return Number(match[1]) * 1024 ** power;
}
