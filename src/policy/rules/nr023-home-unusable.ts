import type { Rule } from '../types.js';
import { userLocation } from './common.js';
import { runtime, whoRuns } from './runtime-common.js';

export const nr023: Rule = {
  id: 'NR023',
  name: 'home-unusable',
  title: "The runtime user's HOME is missing or not writable",
  rationale:
    'Runtimes and libraries write caches and configuration under HOME (.NET, npm, pip, git). A missing or read-only HOME makes them fail at runtime in ways that are hard to trace to the image user.',
  howToFix:
    'Create the home directory owned by the user (useradd --create-home), or set HOME to a writable directory.',
  examples: { failing: 'missing-home', passing: 'user-1654' },
  levels: { baseline: 'warning', restricted: 'warning', hardened: 'warning' },
  needs: ['runtime-user'],
  evaluate(facts) {
    const output = runtime(facts);
    const { home, uid } = output.identity;
    if (uid === 0) return [];
    const entry = output.paths.find((path) => path.roles.includes('home'));
    if (!home || !entry) return [];
    const who = whoRuns(output);
    const source = facts.user.entry
      ? `its /etc/passwd entry`
      : 'it has no /etc/passwd entry, so the runtime';
    let problem: string | null = null;
    if (entry.type === 'missing') problem = `HOME ${home} does not exist (${source} sets it)`;
    else if (entry.type !== 'dir') problem = `HOME ${home} is not a directory (${entry.type})`;
    else if (!entry.writable)
      problem = `HOME ${home} is not writable by ${who} (${source} sets it)`;
    if (!problem) return [];
    return [
      {
        message: problem,
        location: userLocation(facts),
        fix: {
          summary: `Create the home directory owned by the user, e.g. \`RUN mkdir -p /home/app && chown ${uid}:${output.identity.gid} /home/app\` with a matching /etc/passwd entry (useradd --create-home does both), or set HOME to a writable directory.`,
          diff: null,
        },
      },
    ];
  },
};
