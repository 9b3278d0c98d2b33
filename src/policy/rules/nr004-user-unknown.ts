import type { Rule, RuleHit } from '../types.js';
import { userLabel, userLocation } from './common.js';

export const nr004: Rule = {
  id: 'NR004',
  name: 'user-unknown',
  title: 'The image user or group does not exist in the image, so the container cannot start',
  rationale:
    'The runtime resolves a user or group name through the image\'s own /etc/passwd and /etc/group when the container starts; a missing entry fails every `docker run` and every pod ("unable to find user X: no matching entries in passwd file").',
  howToFix:
    'Create the user (and group) before the USER line, or use a numeric UID, which needs no /etc/passwd entry to run.',
  examples: { failing: 'missing-user', passing: 'user-app' },
  levels: { baseline: 'error', restricted: 'error', hardened: 'error' },
  needs: ['image', 'accounts'],
  evaluate(facts) {
    const { spec, unknownUser, unknownGroup } = facts.user;
    const hits: RuleHit[] = [];
    const location = userLocation(facts);
    if (unknownUser && spec.kind === 'name') {
      const where = facts.accounts.passwd
        ? `no user "${spec.name}" in the image's /etc/passwd`
        : 'the image has no readable /etc/passwd to resolve the name';
      hits.push({
        message: `${userLabel(facts)}: ${where}, so the container cannot start ("${unknownUser}")`,
        location,
        fix: {
          summary: `Create the user before the USER line (e.g. \`RUN useradd --uid 10001 ${spec.name}\`, or add its line to /etc/passwd in a build stage), and refer to it by number: \`USER 10001\`.`,
          diff: null,
        },
      });
    }
    if (unknownGroup && spec.kind !== 'none' && spec.group?.kind === 'name') {
      const where = facts.accounts.group
        ? `no group "${spec.group.name}" in the image's /etc/group`
        : 'the image has no readable /etc/group to resolve the name';
      hits.push({
        message: `${userLabel(facts)}: ${where}, so the container cannot start ("${unknownGroup}")`,
        location,
        fix: {
          summary: `Create the group first (e.g. \`RUN groupadd --gid 10001 ${spec.group.name}\`) and use the number: \`USER <uid>:10001\`.`,
          diff: null,
        },
      });
    }
    return hits;
  },
};
