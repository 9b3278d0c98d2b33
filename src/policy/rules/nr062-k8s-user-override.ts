import { securityContextDiff } from '../../fixes/manifest.js';
import { effectiveRunAs } from '../../kubernetes/kubelet.js';
import type { Rule } from '../types.js';
import { at, describeContainer } from './kubernetes-common.js';
import { listSome } from '../../facts/describe.js';
import { runtime } from './runtime-common.js';

/** The paths whose owner decides whether the app can run: its files and its HOME. */
const APP_ROLES = new Set(['workdir', 'exec', 'exec-dir', 'home']);

export const nr062: Rule = {
  id: 'NR062',
  name: 'k8s-user-override',
  title:
    "A manifest's runAsUser differs from the image's user while app files or HOME belong to the image's user",
  rationale:
    "runAsUser replaces the image's user. The image was built for its own user: its WORKDIR, its executable or HOME belong to that UID, often with no access for others. Run as another UID, the app may fail to read its files or write its HOME, and only in the cluster, since docker run uses the image's user.",
  howToFix:
    "Set runAsUser to the image's UID (or remove it), or build the image for the UID the cluster uses; files the app only reads can be root-owned and world-readable, and group 0 with fsGroup covers writable data.",
  examples: { failing: 'k8s-user-override', passing: 'k8s-app-uid' },
  levels: { baseline: 'notice', restricted: 'warning', hardened: 'warning' },
  needs: ['manifests', 'runtime-user'],
  evaluate(facts) {
    const output = runtime(facts);
    const imageUid = output.identity.uid;
    const owned = output.paths.filter(
      (path) => path.uid === imageUid && path.roles.some((role) => APP_ROLES.has(role)),
    );
    if (imageUid === 0 || owned.length === 0) return [];
    return facts.kubernetes!.containers.flatMap((container) => {
      const runAsUser = effectiveRunAs(container).runAsUser;
      if (!runAsUser || runAsUser.value === BigInt(imageUid) || runAsUser.value === 0n) return [];
      const level = container.container.runAsUser === runAsUser ? 'container' : 'pod';
      const paths = listSome(owned.map((path) => path.path));
      return [
        {
          message: `${describeContainer(container)}: runAsUser: ${runAsUser.value} (line ${runAsUser.line}) replaces the image's user, uid ${imageUid}${output.identity.name ? ` (${output.identity.name})` : ''}, who owns ${paths}: the app may fail to read or write them`,
          location: at(container, runAsUser.line),
          fix: {
            summary: `Run as the image's user: \`runAsUser: ${imageUid}\` (or remove runAsUser); or build the image for uid ${runAsUser.value}.`,
            diff: securityContextDiff(facts.kubernetes!, container, [
              { level, keys: ['runAsUser'], value: String(imageUid) },
            ]),
          },
        },
      ];
    });
  },
};
