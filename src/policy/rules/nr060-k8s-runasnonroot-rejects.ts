import { securityContextDiff, yamlPath } from '../../fixes/manifest.js';
import { numericUserDiff } from '../../fixes/user.js';
import { effectiveRunAs, kubeletErrorFor } from '../../kubernetes/kubelet.js';
import type { ManifestContainer } from '../../kubernetes/types.js';
import type { Rule } from '../types.js';
import type { Facts } from '../../facts/types.js';
import type { Fix } from '../../fixes/types.js';
import { numericFormFor, switchUserFix, userLabel } from './common.js';
import { at, describeContainer } from './kubernetes-common.js';

export const nr060: Rule = {
  id: 'NR060',
  name: 'k8s-runasnonroot-rejects',
  title:
    'A manifest running this image has runAsNonRoot: true, and the kubelet would refuse the image user',
  rationale:
    "The kubelet checks runAsNonRoot when it creates the container, from the image metadata only: a user name (even one with a non-zero UID in /etc/passwd), an empty user, UID 0 or an out-of-range UID is refused, and the pod sits in CreateContainerConfigError after the deploy. Admission (Pod Security Standards) never looks at the image, so nothing catches it before. Non-root Guard replays the kubelet's decision at review time, with the pod and container securityContext merged as the kubelet merges them.",
  howToFix:
    "Give the image a numeric user (`USER $APP_UID`, `USER 1654`): the kubelet can then verify it. Or set `runAsUser` to a non-zero UID in the container's securityContext, which the kubelet uses instead of the image user.",
  examples: { failing: 'k8s-user-app', passing: 'k8s-app-uid' },
  levels: { baseline: 'error', restricted: 'error', hardened: 'error' },
  needs: ['image', 'accounts', 'manifests'],
  evaluate(facts, context) {
    return facts.kubernetes!.containers.flatMap((container) => {
      const error = kubeletErrorFor(facts.image.user, container);
      if (!error) return [];
      const { runAsNonRoot, runAsUser } = effectiveRunAs(container);
      const decisive = runAsUser?.value === 0n ? runAsUser : runAsNonRoot!;
      const setting =
        decisive === runAsUser
          ? `runAsUser: 0 (line ${runAsUser.line})`
          : `runAsNonRoot: true (line ${runAsNonRoot!.line})`;
      const subject =
        decisive === runAsUser ? setting : `${setting} and the image's ${userLabel(facts)}`;
      return [
        {
          message: `${describeContainer(container)}: the kubelet refuses to start it ("${error}"), so the pod sits in CreateContainerConfigError: ${subject}`,
          location: at(container, decisive.line),
          fix: fixFor(facts, container, decisive === runAsUser, context.allow.ports),
        },
      ];
    });
  },
};

function fixFor(
  facts: Facts,
  container: ManifestContainer,
  runAsUserIsRoot: boolean,
  allowedPorts: readonly number[],
): Fix {
  const kubernetes = facts.kubernetes!;
  const uid = facts.user.uid;
  if (runAsUserIsRoot) {
    if (uid !== null && uid > 0) {
      return {
        summary: `Run as the image's own user: \`runAsUser: ${uid}\` (or remove runAsUser, the image's user is uid ${uid}).`,
        diff: securityContextDiff(kubernetes, container, [
          { level: levelOf(container), keys: ['runAsUser'], value: String(uid) },
        ]),
      };
    }
    return {
      summary:
        'Set `runAsUser` to a non-zero UID the image can run as, or remove it and give the image a numeric non-root USER.',
      diff: null,
    };
  }
  const spec = facts.user.spec;
  if (spec.kind === 'name' && uid !== null && uid > 0) {
    // The name maps to a non-root UID: say it as a number, in the Dockerfile (the image is then right for every manifest) or in this manifest.
    const numeric = numericFormFor(facts, uid, spec.group !== null ? facts.user.gid : null);
    const dockerfileDiff = numericUserDiff(facts, numeric);
    const manifest = yamlPath('container', ['runAsUser'], String(uid));
    return {
      summary: `Use the number in the Dockerfile: \`USER ${numeric}\` (${spec.name} is uid ${uid} in the image's /etc/passwd); or set \`${manifest}\` in this container.`,
      diff:
        dockerfileDiff ??
        securityContextDiff(kubernetes, container, [
          { level: 'container', keys: ['runAsUser'], value: String(uid) },
        ]),
    };
  }
  // The image runs as root (or an invalid UID): the image must change; runAsUser alone would run it as a user it was not built for.
  const image = switchUserFix(
    facts,
    facts.dockerfile?.effectiveUser ? 'Replace it with' : 'Add',
    allowedPorts,
  );
  return {
    summary: `${image.summary} (Setting runAsUser in the manifest also starts it, but as a user the image's files may not fit.)`,
    diff: image.diff,
  };
}

/** Where runAsUser: 0 is written: the container's securityContext, or else the pod's. */
function levelOf(container: ManifestContainer): 'container' | 'pod' {
  return container.container.runAsUser ? 'container' : 'pod';
}
