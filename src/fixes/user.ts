/**
 * Diffs that switch the image to a numeric non-root user (NR001, NR002,
 * NR010) or write a named user as its number (NR003).
 */
import { MAX_UID } from '../facts/user-spec.js';
import type { Facts } from '../facts/types.js';
import type { LineEdit } from './diff.js';
import { dockerfileSource, type DockerfileSource } from './source.js';

/** The user a new account gets when the image has none to switch to. */
export const NEW_UID = 10001;
const NEW_NAME = 'app';

/** What the rules suggest (`suggestNonRootUser`): the instruction and whether the user must be made. */
export interface UserSuggestion {
  instruction: string;
  mustCreate: boolean;
}

/**
 * `$APP_UID` at `line` means what it means at the end of the build: no ARG
 * can shadow it and no ENV sets it again at or after that line. It then comes
 * from an earlier ENV or from the base image, which is where the rules read it.
 */
function appUidStableAt(source: DockerfileSource, line: number): boolean {
  const at = source.stageOf(line)?.index ?? source.finalStage.index;
  return source.dockerfile.chain.every(
    (stage) =>
      stage.args.every((arg) => arg.name !== 'APP_UID') &&
      stage.envs.every(
        (env) =>
          env.name !== 'APP_UID' || stage.index < at || (stage.index === at && env.line < line),
      ),
  );
}

/**
 * Lines that create the new user, then switch to it. With useradd and
 * groupadd in the image (Debian-like bases) they create it. Otherwise, with
 * `/bin/sh` in the image (the shell RUN uses), the account is appended to /etc/passwd and
 * /etc/group directly and its home made: that needs no adduser/useradd,
 * which many images lack (Debian's busybox-static has neither applet). Without
 * a shell no RUN can work, so the user is given by number with its own group:
 * a UID needs no passwd entry to run, and the explicit group keeps it off
 * group 0. Null when the image's tools are unknown (no probe).
 */
/** How the fix creates the new user; null when the image's tools are unknown (no probe). */
export type UserCreation =
  | { kind: 'useradd' }
  | { kind: 'append' }
  | { kind: 'numeric'; why: 'no-shell' | 'shell-instruction' | 'taken' };

/**
 * The one decision the diff and the fix text share: the image's useradd and
 * groupadd when it has them, else append to /etc/passwd with its /bin/sh,
 * else (no shell, a SHELL instruction, the name or id taken) a numeric user.
 */
export function userCreation(facts: Facts, changesShell: boolean): UserCreation | null {
  const runtime = facts.runtime;
  if (!runtime) return null;
  const shell = runtime.tools.some((tool) => tool.kind === 'shell' && tool.path === '/bin/sh');
  if (!shell) return { kind: 'numeric', why: 'no-shell' };
  if (changesShell) return { kind: 'numeric', why: 'shell-instruction' };
  const { passwd, group } = facts.accounts;
  const free =
    passwd !== null &&
    group !== null &&
    passwd.every((entry) => entry.name !== NEW_NAME && entry.uid !== BigInt(NEW_UID)) &&
    group.every((entry) => entry.name !== NEW_NAME && entry.gid !== BigInt(NEW_UID));
  if (!free) return { kind: 'numeric', why: 'taken' };
  const has = (name: string) =>
    runtime.tools.some((tool) => tool.kind === 'account' && tool.name === name);
  return has('useradd') && has('groupadd') ? { kind: 'useradd' } : { kind: 'append' };
}

function createUser(
  facts: Facts,
  source: DockerfileSource,
): { lines: string[]; runs: boolean } | null {
  const creation = userCreation(facts, source.changesShell());
  if (!creation) return null;
  const user = source.keyword('USER');
  const e = source.escape;
  switch (creation.kind) {
    case 'numeric':
      return { lines: [`${user} ${NEW_UID}:${NEW_UID}`], runs: false };
    case 'useradd':
      // The image's own account tools (Debian, Ubuntu, RHEL): they also set up HOME.
      return {
        lines: [
          `${source.keyword('RUN')} groupadd --gid ${NEW_UID} ${NEW_NAME} ${e}`,
          ` && useradd --uid ${NEW_UID} --gid ${NEW_UID} --create-home --shell /usr/sbin/nologin ${NEW_NAME}`,
          `${user} ${NEW_UID}`,
        ],
        runs: true,
      };
    case 'append':
      return {
        lines: [
          `${source.keyword('RUN')} echo '${NEW_NAME}:x:${NEW_UID}:${NEW_UID}::/home/${NEW_NAME}:/sbin/nologin' >> /etc/passwd ${e}`,
          ` && echo '${NEW_NAME}:x:${NEW_UID}:' >> /etc/group ${e}`,
          ` && mkdir -p /home/${NEW_NAME} && chown ${NEW_UID}:${NEW_UID} /home/${NEW_NAME}`,
          `${user} ${NEW_UID}`,
        ],
        runs: true,
      };
  }
}

/**
 * The diff that makes the image run as the suggested user: the offending
 * USER line replaced when nothing after it in the final stage needs root,
 * else a USER (after creating the user, when needed) at the end of the final
 * stage's build steps, before its ENTRYPOINT/CMD.
 */
export function switchUserDiff(facts: Facts, suggestion: UserSuggestion): string | null {
  const source = dockerfileSource(facts);
  if (!source) return null;
  // The image runs as root, so the build user after the last USER is root too: a RUN there may write /etc.
  if (facts.user.spec.kind !== 'none' && facts.user.uid !== 0) return null;
  const target = /^USER (\$APP_UID|\d+)$/.exec(suggestion.instruction)?.[1];
  if (target === undefined) return null;
  if (target !== '$APP_UID' && !(Number(target) > 0 && Number(target) <= MAX_UID)) return null;

  let lines: string[];
  let runs = false;
  if (suggestion.mustCreate) {
    const created = createUser(facts, source);
    if (!created) return null;
    ({ lines, runs } = created);
  } else {
    lines = [`${source.keyword('USER')} ${target}`];
  }
  const usesAppUid = target === '$APP_UID';

  const current = source.dockerfile.effectiveUser;
  const inFinal = current !== null && source.inFinalStage(current.line);
  const stage = source.finalStage;
  const rootNeededAfter = (line: number) =>
    stage.runs.some((run) => run.line > line) ||
    stage.workdirs.some((workdir) => workdir.line > line);

  let edit: LineEdit;
  if (
    current &&
    inFinal &&
    !runs &&
    !rootNeededAfter(current.line) &&
    source.instruction(current.line, 'USER')
  ) {
    if (usesAppUid && !appUidStableAt(source, current.line)) return null;
    const indent = source.indent(current.line);
    edit = { start: current.line, count: 1, lines: lines.map((line) => indent + line) };
  } else {
    const at = source.insertionPoint(inFinal ? current!.line : 0);
    if (at === null) return null;
    if (usesAppUid && !appUidStableAt(source, at)) return null;
    const indent = source.indent(source.neighbour(at));
    edit = { start: at, count: 0, lines: lines.map((line) => indent + line) };
  }
  return source.diff([edit]);
}

/**
 * The diff that writes the named image user as its number (NR003):
 * `USER app` → `USER 1654` (or `$APP_UID`), a group kept by its number.
 */
export function numericUserDiff(facts: Facts, replacement: string): string | null {
  const source = dockerfileSource(facts);
  const current = source?.dockerfile.effectiveUser;
  if (!source || !current) return null;
  const { spec, uid, gid } = facts.user;
  if (spec.kind !== 'name' || uid === null || uid === 0) return null;
  // A group the image does not have cannot be given by number.
  if (spec.group !== null && gid === null) return null;
  // The runtime looks a number up by uid: the first entry with it must be this user, or the groups change.
  const first = facts.accounts.passwd?.find((entry) => entry.uid === BigInt(uid));
  if (!first || first.name !== spec.name) return null;
  if (replacement.includes('$APP_UID') && !appUidStableAt(source, current.line)) return null;
  const instruction = source.instruction(current.line, 'USER');
  if (!instruction || instruction.args !== current.raw) return null;
  return source.diff([
    { start: current.line, count: 1, lines: [`${instruction.head}${replacement}`] },
  ]);
}
