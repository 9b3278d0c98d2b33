import { rootRunDiff } from '../../fixes/root-run.js';
import type { Rule } from '../types.js';
import type { Facts } from '../../facts/types.js';
import type { Fix } from '../../fixes/types.js';
import { covers } from '../../dockerfile/permission-source.js';
import type { ProbeOutput } from '../../probe/schema.js';
import { shellWord } from './common.js';
import { fromLocation } from './locate.js';
import { runtime } from './runtime-common.js';
import { shownTools } from './tools.js';

export const nr031: Rule = {
  id: 'NR031',
  name: 'sudo-present',
  title: 'sudo, su or doas exists in the image',
  rationale:
    'A container that runs as non-root has no business switching users; sudo, su or doas in the image is either dead weight or a way back to root. One without a setuid bit or file capabilities (a BusyBox applet link) cannot switch users for a non-root user: it is at most a notice.',
  howToFix:
    "Do not install sudo, su or doas in the final stage, or remove them there (`RUN rm -f /usr/bin/su`: Debian's su comes with the base image).",
  examples: { failing: 'sudo-present', passing: 'user-1654' },
  levels: { baseline: 'warning', restricted: 'error', hardened: 'error' },
  needs: ['filesystem'],
  evaluate(facts) {
    const output = runtime(facts);
    const tools = output.tools.filter((tool) => tool.kind === 'privilege');
    if (tools.length === 0) return [];
    const switching = tools.filter((tool) => mayRaise(output, tool.resolved));
    const inert = tools.filter((tool) => !switching.includes(tool));
    const fix = removeFix(
      facts,
      tools.map((tool) => tool.path),
    );
    const location = fromLocation(facts);
    if (switching.length === 0) {
      // A non-root user cannot switch with it: at most a notice (dead weight, not a way back).
      return [
        {
          message: `a user-switching tool is present, but cannot switch users: ${shownTools(inert)} (neither a setuid bit nor file capabilities: only root could use it)`,
          location,
          fix,
          atMost: 'notice',
        },
      ];
    }
    const also = inert.length
      ? `; also present, but unable to switch users: ${shownTools(inert)}`
      : '';
    return [
      {
        message: `a user-switching tool is present: ${shownTools(switching)}${also}`,
        location,
        fix,
      },
    ];
  },
};

/**
 * Whether the file at `resolved` can give a non-root user more privileges: a setuid bit
 * or file capabilities. When the walk cannot tell (a list cut short, the walk stopped, the
 * file's directory not scanned), it is taken to.
 */
function mayRaise(output: ProbeOutput, resolved: string): boolean {
  const { setid, fileCaps, walk } = output;
  if (setid.truncated || fileCaps.truncated || walk.truncated || walk.unscanned.truncated) {
    return true;
  }
  if (walk.unscanned.items.some(({ path }) => covers(path, resolved))) return true;
  return (
    setid.items.some((file) => file.path === resolved && (file.mode & 0o4000) !== 0) ||
    fileCaps.items.some((file) => file.path === resolved)
  );
}

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
