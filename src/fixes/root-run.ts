/**
 * The diff that adds a RUN to the final stage, run as root, after every step
 * that could have made the files it acts on: clearing setuid/setgid bits
 * (NR030), removing sudo, su or doas (NR031).
 */
import { parseUserSpec } from '../facts/user-spec.js';
import type { Facts } from '../facts/types.js';
import { dockerfileSource } from './source.js';

/** A Config.User we can write back as it is. */
const PLAIN_USER = /^[A-Za-z0-9_.-]+(?::[A-Za-z0-9_.-]+)?$/;

/** The user value resolves to uid 0 in this image. */
function isRoot(facts: Facts, value: string): boolean {
  const spec = parseUserSpec(value);
  if (spec.kind === 'uid') return spec.uid === 0n;
  if (spec.kind === 'name') {
    return facts.accounts.passwd?.find((entry) => entry.name === spec.name)?.uid === 0n;
  }
  return false;
}

/**
 * `command` is what the rule suggests (`chmod u-s,g-s <files>`, `rm -f
 * <files>`, the names already shell words). The RUN needs /bin/sh and the
 * command in the image and root as the build user: it goes right before the final stage's USER
 * when that comes after every build step (with `USER 0` first unless the
 * user there is known to be root), else after the last build step, switching
 * to root and back to the image's user when that is not root.
 */
export function rootRunDiff(facts: Facts, command: string): string | null {
  const source = dockerfileSource(facts);
  const runtime = facts.runtime;
  if (!source || !runtime) return null;
  const shell = runtime.tools.some((tool) => tool.kind === 'shell' && tool.path === '/bin/sh');
  if (!shell || source.changesShell()) return null;
  const run = `${source.keyword('RUN')} ${command}`;
  const asRoot = `${source.keyword('USER')} 0`;

  const current = source.dockerfile.effectiveUser;
  if (current && source.inFinalStage(current.line) && current.line > source.lastBuildStep()) {
    // The user before this USER line: an earlier USER of the built stages, else the base image's (unknown).
    const earlier = source.dockerfile.chain
      .flatMap((stage) => stage.users)
      .filter((user) => user.line < current.line)
      .at(-1);
    const lines = earlier && isRoot(facts, earlier.value) ? [run] : [asRoot, run];
    const indent = source.indent(current.line);
    return source.diff([
      { start: current.line, count: 0, lines: lines.map((line) => indent + line) },
    ]);
  }

  const at = source.insertionPoint(current && source.inFinalStage(current.line) ? current.line : 0);
  if (at === null) return null;
  const user = facts.image.user;
  let lines: string[];
  if (user === '' || isRoot(facts, user)) lines = [run];
  else if (PLAIN_USER.test(user)) lines = [asRoot, run, `${source.keyword('USER')} ${user}`];
  else return null;
  const indent = source.indent(source.neighbour(at));
  return source.diff([{ start: at, count: 0, lines: lines.map((line) => indent + line) }]);
}
