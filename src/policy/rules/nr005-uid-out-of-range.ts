import { MAX_UID, uidInRange } from '../../image/user-spec.js';
import type { Rule, RuleHit } from '../types.js';
import { userLabel, userLocation } from './common.js';

export const nr005: Rule = {
  id: 'NR005',
  name: 'uid-out-of-range',
  title: 'The image UID or GID is outside the range the runtime accepts',
  rationale: `IDs must lie in 0-${MAX_UID}: the runtime refuses to start anything else, and with runAsNonRoot the kubelet rejects the image ("invalid user id").`,
  howToFix: 'Use a UID between 1 and 2147483647, e.g. `USER 10001`.',
  examples: { failing: 'uid-out-of-range', passing: 'user-1654' },
  levels: { baseline: 'error', restricted: 'error', hardened: 'error' },
  needs: ['image'],
  evaluate(facts) {
    const { spec } = facts.user;
    if (spec.kind === 'none') return [];
    const hits: RuleHit[] = [];
    const fix = {
      summary: `Use a UID between 1 and ${MAX_UID}, e.g. \`USER 10001\`.`,
      diff: null,
    };
    if (spec.kind === 'uid' && !uidInRange(spec.uid)) {
      hits.push({
        message: `${userLabel(facts)}: uid ${spec.uid} is outside 1-${MAX_UID}, so the runtime cannot start it and Kubernetes rejects the pod`,
        location: userLocation(facts),
        fix,
      });
    }
    if (spec.group?.kind === 'gid' && !uidInRange(spec.group.gid)) {
      hits.push({
        message: `${userLabel(facts)}: gid ${spec.group.gid} is outside 0-${MAX_UID}, so the runtime cannot start it`,
        location: userLocation(facts),
        fix: {
          summary: `Use a GID between 1 and ${MAX_UID}, e.g. \`USER <uid>:10001\`.`,
          diff: null,
        },
      });
    }
    return hits;
  },
};
