import { effectiveRunAs } from '../../kubernetes/kubelet.js';
import type { ManifestContainer } from '../../kubernetes/types.js';
import type { Facts } from '../../facts/types.js';
import type { Location } from '../../facts/location.js';

/** `Deployment/web, container api` (or `init container migrate`), as a reader finds it in the file. */
export function describeContainer(container: ManifestContainer): string {
  const kind =
    container.list === 'initContainers'
      ? 'init container'
      : container.list === 'ephemeralContainers'
        ? 'ephemeral container'
        : 'container';
  const workload = container.workload ? `${container.kind}/${container.workload}` : container.kind;
  return `${workload}, ${kind} ${container.name}`;
}

export function at(container: ManifestContainer, line: number): Location {
  return { file: container.file, line };
}

/**
 * The UID the container runs as: the manifest's runAsUser, else the image's
 * (resolved as the runtime does), or null when that cannot be known.
 */
export function containerUid(facts: Facts, container: ManifestContainer): number | null {
  const runAsUser = effectiveRunAs(container).runAsUser?.value;
  // The runtime applies it as a 32-bit uid (the API server admits only 0-2147483647 anyway).
  return runAsUser === undefined ? facts.user.uid : Number(BigInt.asUintN(32, runAsUser));
}
