import type { Rule } from '../types.js';
import { APP_ROLES, writableHits, writablePaths } from './writable.js';

export const nr020: Rule = {
  id: 'NR020',
  name: 'app-writable',
  title:
    "The runtime user can modify the app: its WORKDIR, its executable or the executable's directory",
  rationale:
    'Files copied with COPY are owned by root, so a compromised app cannot rewrite itself. `COPY --chown`, `RUN chown -R` or a chmod undo that: an attacker who gets code execution can then replace the app and persist.',
  howToFix:
    'Keep the app owned by root: COPY without --chown, no chown/chmod of the app directory; give the app a separate writable directory (under /tmp, HOME or a VOLUME).',
  examples: { failing: 'copy-chown-app', passing: 'app-uid-dotnet-base' },
  levels: { baseline: 'error', restricted: 'error', hardened: 'error' },
  needs: ['runtime-user'],
  evaluate(facts) {
    const entries = writablePaths(facts, APP_ROLES);
    return writableHits(facts, entries, 'the app can be modified at runtime');
  },
};
