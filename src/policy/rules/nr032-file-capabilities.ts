import type { Rule } from '../types.js';
import { fileCapabilityNames } from '../../facts/capabilities.js';
import { fromLocation } from './locate.js';
import { listSome } from '../../facts/describe.js';
import { runtime } from './runtime-common.js';

export const nr032: Rule = {
  id: 'NR032',
  name: 'file-capabilities',
  title: 'Files in the image carry file capabilities (security.capability)',
  rationale:
    'A file capability grants privileges to whoever executes the file, non-root users included (unless no-new-privileges is set): it is setuid in finer grain, and image scanners rarely look for it.',
  howToFix: 'Remove file capabilities (`setcap -r`) or do not ship those files.',
  examples: { failing: 'file-capabilities', passing: 'user-1654' },
  levels: { baseline: 'warning', restricted: 'error', hardened: 'error' },
  needs: ['filesystem'],
  evaluate(facts) {
    const { fileCaps } = runtime(facts);
    if (fileCaps.count === 0) return [];
    const shown = fileCaps.items.map((file) => {
      const names = fileCapabilityNames(file.capability);
      return `${file.path} (${names.length > 0 ? names.join(', ') : 'no permitted capabilities'})`;
    });
    return [
      {
        message: `${fileCaps.count} ${fileCaps.count === 1 ? 'file carries' : 'files carry'} file capabilities: ${listSome(shown, fileCaps.count)}`,
        location: fromLocation(facts),
        fix: {
          summary: `Remove them in the final stage (\`RUN setcap -r <file>\`, from libcap2-bin), or do not copy those files; the app should not need privileges.`,
          diff: null,
        },
      },
    ];
  },
};
