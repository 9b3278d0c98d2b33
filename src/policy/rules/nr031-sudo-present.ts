import { rootRunDiff } from '../../fixes/root-run.js';
import type { Rule } from '../types.js';
import type { Facts } from '../../facts/types.js';
import type { Fix } from '../../fixes/types.js';
import { shellWord } from './common.js';
import { toolHit } from './tools.js';

export const nr031: Rule = {
  id: 'NR031',
  name: 'sudo-present',
  title: 'sudo, su or doas exists in the image',
  rationale:
    'A container that runs as non-root has no business switching users; sudo, su or doas in the image is either dead weight or a way back to root.',
  howToFix:
    "Do not install sudo, su or doas in the final stage, or remove them there (`RUN rm -f /usr/bin/su`: Debian's su comes with the base image).",
  examples: { failing: 'sudo-present', passing: 'user-1654' },
  levels: { baseline: 'warning', restricted: 'error', hardened: 'error' },
  needs: ['filesystem'],
  evaluate: (facts) =>
    toolHit(facts, 'privilege', 'a user-switching tool is present', (paths) =>
      removeFix(facts, paths),
    ),
};

/**
 * `RUN rm -f` of the paths found, as root in the final stage: right for a package's
 * binary (Debian's su comes with the base) and for a BusyBox applet, where only the
 * link goes. By name only when every name can be written as it is.
 */
function removeFix(facts: Facts, paths: string[]): Fix {
  const words = paths.map(shellWord);
  const writable = words.every((word) => word !== null) && !paths.some((p) => p.includes('\uFFFD'));
  if (!writable) {
    return {
      summary: 'Remove sudo, su and doas in the final stage, or build it on a base without them.',
      diff: null,
    };
  }
  const command = `rm -f ${words.join(' ')}`;
  return {
    summary: `Remove ${paths.length === 1 ? 'it' : 'them'} in the final stage: \`RUN ${command}\` (for a BusyBox applet this removes only the link), or build the final stage on a base without sudo, su or doas.`,
    diff: rootRunDiff(facts, command),
  };
}
