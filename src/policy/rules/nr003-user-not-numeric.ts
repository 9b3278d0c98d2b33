import { numericUserDiff } from '../../fixes/user.js';
import { kubeletRunAsNonRootError } from '../../kubernetes/kubelet.js';
import type { Rule } from '../types.js';
import { numericFormFor, userLabel, userLocation } from './common.js';

export const nr003: Rule = {
  id: 'NR003',
  name: 'user-not-numeric',
  title: 'The image user is a name, which Kubernetes runAsNonRoot cannot verify',
  rationale:
    'The kubelet reads only the image metadata, never /etc/passwd: with runAsNonRoot: true it refuses any image whose user is a name, and the pod sits in CreateContainerConfigError. A numeric UID (`USER $APP_UID`, `USER 1654`) passes. A name that resolves to root is reported as NR002 instead.',
  howToFix:
    'Use the number instead of the name: `USER 1654` (or `USER $APP_UID`), so the kubelet can verify it is not root.',
  examples: { failing: 'user-app', passing: 'app-uid-dotnet-base' },
  levels: { baseline: 'warning', restricted: 'error', hardened: 'error' },
  needs: ['image', 'accounts'],
  evaluate(facts) {
    const { spec, uid, gid } = facts.user;
    if (spec.kind !== 'name' || uid === 0 || spec.name === 'root') return [];
    const kubelet = kubeletRunAsNonRootError(facts.image.user, { runAsNonRoot: true });
    const keepGroup = spec.group !== null ? gid : null;
    const numeric = uid === null ? null : numericFormFor(facts, uid, keepGroup);
    const fix =
      numeric === null
        ? `Use a numeric UID that exists in the image, e.g. \`USER 10001\` after creating that user.`
        : `Use the number: \`USER ${numeric}\` (${spec.name} is uid ${uid} in /etc/passwd).`;
    return [
      {
        message: `${userLabel(facts)} is a name: Kubernetes runAsNonRoot cannot verify it and refuses the pod ("${kubelet}")`,
        location: userLocation(facts),
        fix: { summary: fix, diff: numeric === null ? null : numericUserDiff(facts, numeric) },
      },
    ];
  },
};
