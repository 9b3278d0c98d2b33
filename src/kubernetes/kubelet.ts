import { MAX_UID, parseUserSpec } from '../facts/user-spec.js';
import type { Located, ManifestContainer } from './types.js';

/**
 * The kubelet's runAsNonRoot check (verifyRunAsNonRoot), replayed from the
 * image's `Config.User` and the container's effective securityContext. It
 * never reads /etc/passwd: only the numeric UID in the image metadata counts.
 */

export interface EffectiveSecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: bigint;
}

/**
 * The image user as the runtime reports it to the kubelet (containerd's and
 * CRI-O's getUserFromImage): a UID (int64, exact), a name, or neither.
 */
export function imageUserForKubelet(configUser: string): { uid: bigint | null; name: string } {
  const spec = parseUserSpec(configUser);
  switch (spec.kind) {
    case 'none':
      return { uid: null, name: '' };
    case 'uid':
      // `:gid` leaves no user part: the runtime reports neither a UID nor a name.
      return spec.userText === '' ? { uid: null, name: '' } : { uid: spec.uid, name: '' };
    case 'name':
      return { uid: null, name: spec.name };
  }
}

/**
 * The error the kubelet would raise (the pod then sits in
 * CreateContainerConfigError), or null when it would start the container.
 */
export function kubeletRunAsNonRootError(
  configUser: string,
  context: EffectiveSecurityContext,
): string | null {
  if (context.runAsNonRoot !== true) return null;
  if (context.runAsUser !== undefined) {
    return context.runAsUser === 0n ? "container's runAsUser breaks non-root policy" : null;
  }
  const { uid, name } = imageUserForKubelet(configUser);
  if (uid === null && name !== '') {
    return `container has runAsNonRoot and image has non-numeric user (${name}), cannot verify user is non-root`;
  }
  // Neither a UID nor a name: the kubelet's getImageUser makes it uid 0.
  const effectiveUid = uid ?? 0n;
  if (effectiveUid === 0n) return 'container has runAsNonRoot and image will run as root';
  if (effectiveUid < 0 || effectiveUid > MAX_UID) {
    return `container has runAsNonRoot and image has an invalid user id (${effectiveUid}). (Must be 1-(${MAX_UID}))`;
  }
  return null;
}

/**
 * The runAsNonRoot and runAsUser a container runs with: its own
 * securityContext's, else the pod's (the kubelet's merge), with the line that
 * decides each.
 */
export function effectiveRunAs(container: ManifestContainer): {
  runAsNonRoot?: Located<boolean>;
  runAsUser?: Located<bigint>;
} {
  return {
    runAsNonRoot: container.container.runAsNonRoot ?? container.pod.runAsNonRoot,
    runAsUser: container.container.runAsUser ?? container.pod.runAsUser,
  };
}

/** The kubelet's error for this container running this image, or null when it starts. */
export function kubeletErrorFor(configUser: string, container: ManifestContainer): string | null {
  const { runAsNonRoot, runAsUser } = effectiveRunAs(container);
  return kubeletRunAsNonRootError(configUser, {
    runAsNonRoot: runAsNonRoot?.value,
    runAsUser: runAsUser?.value,
  });
}
