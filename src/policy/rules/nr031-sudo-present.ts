import type { Rule } from '../types.js';
import { toolHit } from './tools.js';

export const nr031: Rule = {
  id: 'NR031',
  name: 'sudo-present',
  title: 'sudo, su or doas exists in the image',
  rationale:
    'A container that runs as non-root has no business switching users; sudo, su or doas in the image is either dead weight or a way back to root.',
  howToFix: 'Do not install sudo, su or doas in the final stage.',
  examples: { failing: 'sudo-present', passing: 'user-1654' },
  levels: { baseline: 'warning', restricted: 'error', hardened: 'error' },
  needs: ['filesystem'],
  evaluate: (facts) =>
    toolHit(
      facts,
      'privilege',
      'a user-switching tool is present',
      'Do not install sudo, su or doas in the final stage; for a BusyBox base, remove the applet link (e.g. `RUN rm /bin/su`).',
    ),
};
