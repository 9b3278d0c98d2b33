import { covers } from '../../dockerfile/permission-source.js';
import type { Facts } from '../../facts/types.js';
import type { Rule } from '../types.js';
import { APP_ROLES, writableHits, writablePaths } from './writable.js';

export const nr020: Rule = {
  id: 'NR020',
  name: 'app-writable',
  title:
    "The runtime user can modify the app: its WORKDIR, its executable or the executable's directory",
  rationale:
    'Files copied with COPY are owned by root, so a compromised app cannot rewrite itself. `COPY --chown`, `RUN chown -R` or a chmod undo that: an attacker who gets code execution can then replace the app and persist. A WORKDIR that is a declared VOLUME (a data directory, as redis keeps /data) is left out while the executable and its directory are not writable.',
  howToFix:
    'Keep the app owned by root: COPY without --chown, no chown/chmod of the app directory; give the app a separate writable directory (under /tmp, HOME or a VOLUME).',
  examples: { failing: 'copy-chown-app', passing: 'app-uid-dotnet-base' },
  levels: { baseline: 'error', restricted: 'error', hardened: 'error' },
  needs: ['runtime-user'],
  evaluate(facts) {
    const entries = writablePaths(facts, APP_ROLES);
    // A WORKDIR in a declared VOLUME is where the app keeps its data (redis' /data): by
    // design writable, as long as the app itself, its executable and their directory, is not.
    const appWritable = entries.some((entry) =>
      entry.roles.some((role) => role === 'exec' || role === 'exec-dir'),
    );
    const judged = appWritable ? entries : entries.filter((entry) => !inVolume(facts, entry.path));
    return writableHits(facts, judged, 'the app can be modified at runtime');
  },
};

/** Whether a path is a declared VOLUME or under one (a VOLUME of / covers nothing: it would cover all). */
function inVolume(facts: Facts, path: string): boolean {
  return facts.image.volumes.some(
    (volume) => volume.replace(/\/+$/, '') !== '' && covers(volume, path),
  );
}
