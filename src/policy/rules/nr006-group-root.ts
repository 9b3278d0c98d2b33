import { uidInRange } from '../../facts/user-spec.js';
import type { Rule } from '../types.js';
import { numericFormFor, userLabel, userLocation } from './common.js';

export const nr006: Rule = {
  id: 'NR006',
  name: 'group-root',
  title: 'The image user runs with primary group 0 (root)',
  rationale:
    'Group 0 owns many system files and directories; a process in it can often read or write what a root-owned file grants its group. A numeric UID with no /etc/passwd entry silently gets group 0.',
  howToFix:
    'Give the user a group of its own: `USER 1654:1654`, or a passwd entry whose group is not 0.',
  examples: { failing: 'user-1654-gid-0', passing: 'user-1654' },
  levels: { baseline: 'notice', restricted: 'warning', hardened: 'error' },
  needs: ['image', 'accounts'],
  evaluate(facts) {
    const { uid, gid, gidSource, entry } = facts.user;
    // Root users are NR001/NR002, an unresolvable user NR004, an impossible one NR005.
    if (uid === null || uid === 0 || !uidInRange(uid) || gid !== 0) return [];
    const why =
      gidSource === 'user-spec'
        ? `${userLabel(facts)} sets primary group 0 (root)`
        : gidSource === 'passwd' && entry
          ? `${userLabel(facts)}: ${entry.name} (uid ${uid}) has primary group 0 (root) in /etc/passwd (line ${entry.line})`
          : `${userLabel(facts)}: uid ${uid} has no entry in /etc/passwd, so its primary group is 0 (root)`;
    const target = numericFormFor(facts, uid, null);
    const summary =
      gidSource === 'no-passwd-entry'
        ? `Give the user a group of its own: \`USER ${target}:${uid}\`, or add it to /etc/passwd and /etc/group with its own group.`
        : `Give the user a group of its own: \`USER ${target}:${uid}\` (create the group if needed).`;
    return [{ message: why, location: userLocation(facts), fix: { summary, diff: null } }];
  },
};
