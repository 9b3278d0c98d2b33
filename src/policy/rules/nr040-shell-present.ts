import type { Rule } from '../types.js';
import { toolHit } from './tools.js';

export const nr040: Rule = {
  id: 'NR040',
  name: 'shell-present',
  title: 'A shell exists in the image',
  rationale:
    'Most exploits want a shell. Shell-less final images (distroless, Ubuntu chiseled) leave an attacker with the app binary alone.',
  howToFix:
    'Build the final stage on a shell-less base (distroless, Ubuntu chiseled) and copy only the app into it.',
  examples: { failing: 'user-1654', passing: 'shell-less-nonroot' },
  levels: { baseline: 'off', restricted: 'notice', hardened: 'error' },
  needs: ['filesystem'],
  evaluate: (facts) =>
    toolHit(
      facts,
      'shell',
      'a shell is present',
      'Build the final stage on a shell-less base (distroless, Ubuntu chiseled) and copy only the app into it.',
    ),
};
