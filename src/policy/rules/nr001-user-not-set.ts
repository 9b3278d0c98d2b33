import type { Rule } from '../types.js';
import type { Facts } from '../../facts/types.js';
import { switchUserFix, userLocation } from './common.js';

/** USER instructions in stages that are not built into the image: the classic multi-stage slip. */
function strayUsers(facts: Facts): string {
  const dockerfile = facts.dockerfile;
  if (!dockerfile) return '';
  const built = new Set(dockerfile.chain.map((stage) => stage.index));
  const stray = dockerfile.stages
    .filter((stage) => !built.has(stage.index))
    .flatMap((stage) =>
      stage.users.map(
        (user) => `USER ${user.raw} on line ${user.line} is in stage ${stage.name ?? stage.index}`,
      ),
    );
  return stray.length > 0 ? ` (${stray.join('; ')}, not in the final stage)` : '';
}

export const nr001: Rule = {
  id: 'NR001',
  name: 'user-not-set',
  title: 'The image sets no user, so the container runs as root',
  rationale:
    'A container runs as root unless the image or the runtime says otherwise, and most general-purpose base images leave root as the default on purpose. An empty Config.User also makes Kubernetes runAsNonRoot reject the pod ("image will run as root").',
  howToFix:
    'Set a numeric non-root USER in the final stage: `USER $APP_UID` on .NET 8+ images, else create a user and switch to it by number (`USER 10001`).',
  examples: { failing: 'root-by-default', passing: 'user-1654' },
  levels: { baseline: 'error', restricted: 'error', hardened: 'error' },
  needs: ['image', 'accounts'],
  evaluate(facts, context) {
    if (facts.user.spec.kind !== 'none') return [];
    const where = facts.dockerfile
      ? `no USER in the final stage or its base image${strayUsers(facts)}`
      : 'the image sets no user';
    return [
      {
        message: `${where}: Config.User is empty, so the container runs as root (uid 0)`,
        location: userLocation(facts),
        fix: switchUserFix(facts, 'Add', context.allow.ports),
      },
    ];
  },
};
