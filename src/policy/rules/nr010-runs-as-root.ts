import type { Rule } from '../types.js';
import { switchUserFix, userLabel, userLocation } from './common.js';
import { runtime } from './runtime-common.js';

export const nr010: Rule = {
  id: 'NR010',
  name: 'runs-as-root',
  title: 'The container process really runs as uid 0 (root)',
  rationale:
    'Metadata can mislead; the probe shows the uid the process gets when the runtime applies the image user. Root in a container is root on the shared kernel, with every default capability.',
  howToFix:
    "Make the image's user a numeric non-root UID; a name that /etc/passwd maps to 0 is still root.",
  examples: { failing: 'name-maps-to-root', passing: 'user-1654' },
  levels: { baseline: 'error', restricted: 'error', hardened: 'error' },
  needs: ['runtime-user'],
  evaluate(facts, context) {
    const output = runtime(facts);
    if (output.identity.uid !== 0) return [];
    const why =
      facts.user.spec.kind === 'none'
        ? 'the image sets no user'
        : `${userLabel(facts)} gives uid 0`;
    return [
      {
        message: `the probe, run as the image's user, got uid 0 (root): ${why}`,
        location: userLocation(facts),
        fix: switchUserFix(
          facts,
          facts.user.spec.kind === 'none' ? 'Add' : 'Replace it with',
          context.allow.ports,
        ),
      },
    ];
  },
};
