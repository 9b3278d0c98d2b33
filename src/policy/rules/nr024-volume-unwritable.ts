import type { Facts } from '../../facts/types.js';
import type { Location } from '../../facts/location.js';
import type { Rule } from '../types.js';
import { shellWord } from './common.js';
import { fromLocation } from './locate.js';
import { describePath, runtime, whoRuns } from './runtime-common.js';

export const nr024: Rule = {
  id: 'NR024',
  name: 'volume-unwritable',
  title: 'A declared VOLUME is not writable by the runtime user',
  rationale:
    "A VOLUME is where the app keeps its data. Docker makes it from the image's directory, with that directory's owner and mode: one left owned by root is one the non-root app cannot write, and the app fails the first time it saves (redis' /data once the user is changed, a database's data directory). The probe measures each VOLUME as the runtime user.",
  howToFix:
    "Create the directory owned by the app user before its VOLUME line (`RUN mkdir -p /data && chown 10001:10001 /data`): the builder discards what a later step changes in a volume's directory.",
  examples: { failing: 'volume-unwritable', passing: 'workdir-volume' },
  levels: { baseline: 'warning', restricted: 'warning', hardened: 'error' },
  needs: ['runtime-user'],
  evaluate(facts) {
    const output = runtime(facts);
    const { uid, gid } = output.identity;
    // Root writes every volume; that the image is root is NR001/NR002/NR010's finding.
    if (uid === 0) return [];
    return output.paths
      .filter((entry) => entry.roles.includes('volume') && !entry.writable)
      .map((entry) => {
        const word = shellWord(entry.path);
        const command = word ? `\`RUN mkdir -p ${word} && chown ${uid}:${gid} ${word}\`` : null;
        return {
          message: `VOLUME ${describePath(entry)} is not writable by ${whoRuns(output)}: the app cannot keep its data there`,
          location: volumeLine(facts, entry.path) ?? fromLocation(facts),
          fix: {
            summary: `Create ${entry.path} owned by the user before its VOLUME line${command ? `: ${command}` : ''} (the builder discards what a later step changes in a volume's directory).`,
            diff: null,
          },
        };
      });
  },
};

/** The VOLUME instruction of the final stage's chain that declares `path`, the last one. */
function volumeLine(facts: Facts, path: string): Location | null {
  const dockerfile = facts.dockerfile;
  if (!dockerfile) return null;
  const declaring = dockerfile.chain
    .flatMap((stage) => stage.volumes)
    .filter((volume) => volume.paths.includes(path));
  const last = declaring.at(-1);
  return last ? { file: dockerfile.path, line: last.line } : null;
}
