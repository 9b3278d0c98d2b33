import type { Rule } from '../types.js';
import { switchUserFix, userLabel, userLocation } from './common.js';

export const nr002: Rule = {
  id: 'NR002',
  name: 'user-is-root',
  title: 'The image user is root (uid 0)',
  rationale:
    'A process running as uid 0 in a container is root on the shared kernel: one escape away from the node. Linters that match the text `root` miss `USER 0`, `USER 00` and names that /etc/passwd maps to uid 0; the runtime does not.',
  howToFix:
    'Replace the root user with a numeric non-root one: `USER $APP_UID`, or `USER <uid>` of a user that exists in the image.',
  examples: { failing: 'user-root', passing: 'user-1654' },
  levels: { baseline: 'error', restricted: 'error', hardened: 'error' },
  needs: ['image', 'accounts'],
  evaluate(facts, context) {
    const { spec, entry, uid } = facts.user;
    if (spec.kind === 'none') return [];
    const isRootName = spec.kind === 'name' && spec.name === 'root';
    if (uid !== 0 && !isRootName) return [];
    const wraps =
      entry && entry.uid !== 0n
        ? `, whose uid ${entry.written.uid} the runtime cuts to 32 bits: 0`
        : '';
    const via =
      entry && (spec.kind === 'name' || wraps)
        ? ` in /etc/passwd (line ${entry.line})${wraps}`
        : '';
    return [
      {
        message: `${userLabel(facts)} → uid 0${via}: the container runs as root`,
        location: userLocation(facts),
        fix: switchUserFix(facts, 'Replace it with', context.allow.ports),
      },
    ];
  },
};
