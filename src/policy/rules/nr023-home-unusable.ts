import type { Rule } from '../types.js';
import { userLocation } from './common.js';
import { runtime, whoRuns } from './runtime-common.js';

/** The homes system accounts are given so that they have none (Debian's /nonexistent, OpenSSH's /var/empty). */
const DELIBERATELY_ABSENT = new Set(['/nonexistent', '/var/empty', '/dev/null']);

export const nr023: Rule = {
  id: 'NR023',
  name: 'home-unusable',
  title: "The runtime user's HOME is missing or not writable",
  rationale:
    'Runtimes and libraries write caches and configuration under HOME (.NET, npm, pip, git). A missing or read-only HOME makes them fail at runtime in ways that are hard to trace to the image user. A home absent on purpose (/nonexistent, /var/empty, /dev/null, as system accounts have) is at most a notice.',
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
    // Set so on purpose (nginx-unprivileged, Debian's system accounts): said, not warned of.
    const deliberate = DELIBERATELY_ABSENT.has(home.replace(/(.)\/+$/, '$1'));
    return [
      {
        message: deliberate
          ? `${problem}: a home that is absent on purpose, as system accounts have; what writes under HOME (caches, configuration) fails`
          : problem,
        ...(deliberate ? { atMost: 'notice' as const } : {}),
        location: userLocation(facts),
        fix: {
          summary: `${deliberate ? 'Nothing to do if the app writes nothing under HOME. Otherwise c' : 'C'}reate the home directory owned by the user, e.g. \`RUN mkdir -p /home/app && chown ${uid}:${output.identity.gid} /home/app\` with a matching /etc/passwd entry (useradd --create-home does both), or set HOME to a writable directory.`,
          diff: null,
        },
      },
    ];
  },
};
