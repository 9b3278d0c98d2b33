import {
  securityContextDiff,
  yamlPath,
  type SecurityKey,
  type SecurityLevel,
  type SecuritySetting,
} from '../../fixes/manifest.js';
import { NEW_UID } from '../../fixes/user.js';
import type { Located } from '../../kubernetes/types.js';
import type { Rule, RuleHit } from '../types.js';
import { at, describeContainer } from './kubernetes-common.js';

/** Volume types the "restricted" profile allows. */
const RESTRICTED_VOLUMES = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);
const SECCOMP_TYPES = new Set(['RuntimeDefault', 'Localhost']);

export const nr061: Rule = {
  id: 'NR061',
  name: 'k8s-not-restricted',
  title: 'A manifest running this image misses a Pod Security Standards "restricted" field',
  rationale:
    'A namespace that enforces the "restricted" Pod Security Standard rejects the pod at admission unless every container sets runAsNonRoot, runs as a non-zero runAsUser, sets allowPrivilegeEscalation: false explicitly, drops ALL capabilities (adding back at most NET_BIND_SERVICE), runs under the RuntimeDefault or a Localhost seccomp profile, and uses only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret volumes. A pod with hostUsers: false (a user namespace) is exempt from the runAsNonRoot and runAsUser checks.',
  howToFix:
    "Add the missing fields to the container's securityContext: `runAsNonRoot: true`, `allowPrivilegeEscalation: false`, `capabilities: {drop: [ALL]}`, `seccompProfile: {type: RuntimeDefault}`.",
  examples: { failing: 'k8s-user-app', passing: 'k8s-app-uid' },
  levels: { baseline: 'off', restricted: 'warning', hardened: 'error' },
  needs: ['manifests'],
  evaluate(facts) {
    const hits: RuleHit[] = [];
    const reportedVolumes = new Set<string>();
    for (const container of facts.kubernetes!.containers) {
      // Every gap of this container shares one diff that adds all the fields at once.
      const gaps: { what: string; line: number; setting: SecuritySetting }[] = [];
      const gap = (
        what: string,
        line: number,
        level: SecurityLevel,
        keys: SecurityKey,
        value: string,
      ) => gaps.push({ what, line, setting: { level, keys, value } });
      const own = container.container;
      const pod = container.pod;
      const userNamespace = pod.hostUsers?.value === false;
      const securityLine = own.position?.line ?? container.position.line;

      if (!userNamespace) {
        const falseAt = [own.runAsNonRoot, pod.runAsNonRoot].find(
          (field) => field?.value === false,
        );
        if (falseAt) {
          gap(
            'runAsNonRoot is false',
            falseAt.line,
            falseAt === own.runAsNonRoot ? 'container' : 'pod',
            ['runAsNonRoot'],
            'true',
          );
        } else if (own.runAsNonRoot?.value !== true && pod.runAsNonRoot?.value !== true) {
          gap(
            'runAsNonRoot is not set to true, in the container or the pod',
            securityLine,
            'container',
            ['runAsNonRoot'],
            'true',
          );
        }
        for (const [field, level] of [
          [own.runAsUser, 'container'],
          [pod.runAsUser, 'pod'],
        ] as [Located<bigint> | undefined, SecurityLevel][]) {
          if (field?.value === 0n)
            gap(
              'runAsUser is 0 (root)',
              field.line,
              level,
              ['runAsUser'],
              String(facts.user.uid && facts.user.uid > 0 ? facts.user.uid : NEW_UID),
            );
        }
      }
      const escalation = own.allowPrivilegeEscalation;
      if (escalation?.value !== false) {
        gap(
          escalation
            ? 'allowPrivilegeEscalation is true'
            : 'allowPrivilegeEscalation is not set to false',
          escalation?.line ?? securityLine,
          'container',
          ['allowPrivilegeEscalation'],
          'false',
        );
      }
      const drop = own.capabilities?.drop;
      if (!drop?.value.includes('ALL')) {
        gap(
          drop
            ? `capabilities.drop is [${drop.value.join(', ')}], without ALL`
            : 'capabilities.drop does not include ALL',
          drop?.line ?? own.capabilities?.position.line ?? securityLine,
          'container',
          ['capabilities', 'drop'],
          '[ALL]',
        );
      }
      const add = own.capabilities?.add;
      const extra = add?.value.filter((capability) => capability !== 'NET_BIND_SERVICE') ?? [];
      if (add && extra.length > 0) {
        hits.push({
          message: `${describeContainer(container)}: capabilities.add has ${extra.join(', ')}; only NET_BIND_SERVICE may be added back (Pod Security Standards "restricted")`,
          location: at(container, add.line),
          fix: {
            summary: `Remove ${extra.join(', ')} from \`securityContext.capabilities.add\`; a non-root process on a port of 1024 or more needs none.`,
            diff: null,
          },
        });
      }
      const seccomp = own.seccompProfile?.type ?? pod.seccompProfile?.type;
      if (!seccomp || !SECCOMP_TYPES.has(seccomp.value)) {
        gap(
          seccomp
            ? `seccompProfile.type is ${seccomp.value}`
            : 'no seccompProfile, in the container or the pod',
          seccomp?.line ?? securityLine,
          seccomp && seccomp === pod.seccompProfile?.type ? 'pod' : 'container',
          ['seccompProfile', 'type'],
          'RuntimeDefault',
        );
      }
      const diff = securityContextDiff(
        facts.kubernetes!,
        container,
        gaps.map((entry) => entry.setting),
      );
      for (const { what, line, setting } of gaps) {
        hits.push({
          message: `${describeContainer(container)}: ${what} (Pod Security Standards "restricted")`,
          location: at(container, line),
          fix: {
            summary: `Set \`${yamlPath(setting.level, setting.keys, setting.value)}\`.`,
            diff,
          },
        });
      }
      for (const volume of pod.volumes) {
        const key = `${container.file}:${volume.line}`;
        if (RESTRICTED_VOLUMES.has(volume.type) || reportedVolumes.has(key)) continue;
        reportedVolumes.add(key);
        hits.push({
          message: `${describeContainer(container)}: volume ${volume.name} is a ${volume.type} volume, which the profile does not allow (Pod Security Standards "restricted")`,
          location: at(container, volume.line),
          fix: {
            summary: `Replace the ${volume.type} volume with an allowed type (emptyDir for scratch space, a persistentVolumeClaim or configMap for data).`,
            diff: null,
          },
        });
      }
    }
    // In the order of the file, as a reader goes through it.
    return hits.sort(
      (a, b) =>
        a.location!.file.localeCompare(b.location!.file) || a.location!.line - b.location!.line,
    );
  },
};
