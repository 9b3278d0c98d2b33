import type { Rule } from '../types.js';
import { toolHit } from './tools.js';

export const nr041: Rule = {
  id: 'NR041',
  name: 'package-manager-present',
  title: 'A package manager exists in the image',
  rationale:
    'A package manager lets whoever controls the process install tools; it is rarely needed at runtime and should stay in the build stage.',
  howToFix:
    'Install packages in a build stage and copy the results into a final stage without a package manager.',
  examples: { failing: 'package-manager', passing: 'user-1654' },
  levels: { baseline: 'off', restricted: 'notice', hardened: 'error' },
  needs: ['filesystem'],
  evaluate: (facts) =>
    toolHit(
      facts,
      'package-manager',
      'a package manager is present',
      'Install packages in a build stage and copy the results into a final stage without the package manager (distroless, chiseled, or scratch).',
    ),
};
